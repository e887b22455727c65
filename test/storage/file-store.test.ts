/**
 * The lowdb file repairs itself: a store of the right JSON but the wrong inner shape
 * is checked field by field on load, wrong fields go back to their defaults with a
 * warning naming them, valid fields are kept, and the bot answers cleanly on it.
 * A write that fails is reported and retried, and later writes go on.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import { textUpdate } from '../../src/bot/updates.ts';
import { Store } from '../../src/storage/store.ts';
import { createTestBot, tempDir, USER_EN } from '../helpers/bot.ts';

const texts = (calls: Record<string, unknown>[]) => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.text));

async function storeWith(content: unknown): Promise<string> {
  const path = join(await tempDir(), 'store.json');
  await writeFile(path, JSON.stringify(content));
  return path;
}

describe('a store file of the wrong shape', () => {
  const cases: { name: string; content: Record<string, unknown>; warning: RegExp }[] = [
    { name: 'days is a string', content: { users: {}, days: 'x' }, warning: /days: expected an object keyed by id, found a string; reset to empty/ },
    { name: 'unanswered is null', content: { users: {}, unanswered: null }, warning: /unanswered: expected an object keyed by id, found null/ },
    { name: 'users is an array', content: { users: [] }, warning: /users: expected an object keyed by id, found an array/ },
    { name: 'votes is a number', content: { votes: 5 }, warning: /votes: expected an object keyed by id, found a number/ },
    { name: 'recentUpdates is an object', content: { recentUpdates: { a: 1 } }, warning: /recentUpdates: expected a list of update ids, found an object/ },
  ];

  it.each(cases)('$name: repaired with a warning naming it; valid fields kept; the bot answers cleanly', async ({ content, warning }) => {
    const path = await storeWith({ ...content, entries: { fees: { answered: 3, helpful: 1, unhelpful: 0 } }, conversations: { '42:42': { wizard: 5 } } });
    const store = await Store.open(path);
    expect(store.warnings.map((w) => w.message).join('\n')).toMatch(warning);
    expect((await store.entryCounters()).fees).toEqual({ answered: 3, helpful: 1, unhelpful: 0 });
    const { say } = await createTestBot({ store });
    const replies = [...texts(await say('what is an apostille')), ...texts(await say('/check')), ...texts(await say('where is the nearest pizza place'))];
    expect(replies.join('\n')).not.toContain('something went wrong');
    expect(replies[0]).toContain('An apostille');
    await store.flush();
    // Written back repaired.
    const written = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    for (const field of ['users', 'days', 'unanswered', 'votes', 'entries', 'conversations']) expect(typeof written[field], field).toBe('object');
    expect(Array.isArray(written.users)).toBe(false);
  });

  it('invalid entries of a map are dropped one by one and named; the valid ones stay', async () => {
    const path = await storeWith({
      users: { '42': { locale: 'zh' }, abc: { locale: 'en' }, '43': { locale: 'klingon' } },
      days: { '2026-11-29': { questions: 2, matched: 1 }, yesterday: { questions: 1, matched: 0 }, '2026-11-28': { questions: -1, matched: 0 } },
    });
    const store = await Store.open(path);
    const messages = store.warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringMatching(/users: dropped 1 invalid entry \("abc"\)/));
    expect(messages).toContainEqual(expect.stringMatching(/days: dropped 2 invalid entries \("yesterday", "2026-11-28"\)/));
    expect(await store.sessions.user.read('42')).toEqual({ locale: 'zh' });
    // A bad language choice costs that choice only.
    expect(await store.sessions.user.read('43')).toEqual({});
    expect(await store.dayCounters()).toEqual({ '2026-11-29': { questions: 2, matched: 1 } });
  });

  it('a large user id in a repaired users map makes a small file, not a 50 MB array', async () => {
    const path = await storeWith({ users: [] });
    const store = await Store.open(path);
    const { press } = await createTestBot({ store });
    await press(encodeCallback({ kind: 'lang-set', locale: 'zh' }), { ...USER_EN, id: 987654321 });
    await store.flush();
    expect((await stat(path)).size).toBeLessThan(2000);
    expect(JSON.parse(await readFile(path, 'utf8')).users).toEqual({ '987654321': { locale: 'zh' } });
  });
});

describe('writing the store file', () => {
  it('a failed write is reported and retried; later writes go on', async () => {
    const dir = await tempDir();
    const path = join(dir, 'store.json');
    const store = await Store.open(path);
    const errors: string[] = [];
    store.onWriteError = (error) => errors.push((error as Error).message);
    // A directory where the file should be: every rename onto it fails.
    await rm(path);
    await mkdir(path);
    await store.recordQuestion('fees', '2026-11-29');
    while (errors.length === 0) await new Promise((r) => setTimeout(r, 50));
    expect(errors[0]).toMatch(/EISDIR|EEXIST|ENOTEMPTY|directory/i);
    await rm(path, { recursive: true });
    await store.recordQuestion('fees', '2026-11-29');
    // The retry (after about a second) or the next change's write lands both.
    const started = Date.now();
    let written: { days?: Record<string, { questions: number }> } = {};
    while (Date.now() - started < 5000) {
      written = await readFile(path, 'utf8').then((t) => JSON.parse(t) as typeof written, () => ({}));
      if (written.days?.['2026-11-29']?.questions === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(written.days?.['2026-11-29']?.questions).toBe(2);
  });
});

describe('each update once (the lowdb backend)', () => {
  it('an update_id already handled is skipped, also after a restart', async () => {
    const path = join(await tempDir(), 'store.json');
    const first = await createTestBot({ store: await Store.open(path), runtime: { dedupeUpdates: true } });
    const update = textUpdate(USER_EN, 'what is an apostille');
    await first.bot.handleUpdate(update);
    await first.bot.handleUpdate(structuredClone(update));
    expect(texts(first.api.calls.map((c) => ({ method: c.method, ...c.payload })))).toHaveLength(1);
    await first.deps.store.flush();
    const second = await createTestBot({ store: await Store.open(path), runtime: { dedupeUpdates: true } });
    await second.bot.handleUpdate(structuredClone(update));
    expect(second.api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    await second.bot.handleUpdate(textUpdate(USER_EN, 'what is an apostille'));
    expect(second.api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });
});

