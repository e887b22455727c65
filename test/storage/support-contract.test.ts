/**
 * The support repository (handoff, subscriptions, broadcasts), one contract on both backends:
 * the lowdb file and a real PostgreSQL (one embedded server for this file). On PostgreSQL two
 * store instances stand for two replicas: a notice is claimed once, a recipient handed out once.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/storage/postgres.ts';
import { Store } from '../../src/storage/store.ts';
import type { Storage } from '../../src/storage/types.ts';
import { tempDir } from '../helpers/bot.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';

let server: TestPostgres;
const opened: Storage[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);

afterAll(async () => {
  for (const store of opened) await store.close();
  await server?.stop();
});

interface Backend {
  name: string;
  /** A fresh store, and a second handle on the same data (a restart; on PostgreSQL, another replica). */
  pair(): Promise<[Storage, () => Promise<Storage>]>;
}

const track = <T extends Storage>(store: T) => (opened.push(store), store);

const backends: Backend[] = [
  {
    name: 'lowdb file',
    async pair() {
      const path = join(await tempDir(), 'store.json');
      return [track(await Store.open(path)), async () => track(await Store.open(path))];
    },
  },
  {
    name: 'PostgreSQL',
    async pair() {
      const url = await server.createDatabase();
      return [track(await PostgresStore.open(url, { poolSize: 5 })), async () => track(await PostgresStore.open(url, { poolSize: 5 }))];
    },
  },
];

describe.each(backends)('support repository: $name', (backend) => {
  it('keeps threads, topics, staff-message links, drafts, subscriptions and users across a restart', async () => {
    const [store, reopen] = await backend.pair();
    const s = store.support;
    await s.rememberUser(42);
    await s.rememberUser(42);
    await s.rememberUser(43);
    await s.saveThread({ userId: 42, chatId: 42, locale: 'zh', question: '你好', lastActivity: 1000, closed: false });
    expect(await s.keepTopic(42, 77)).toBe(77);
    // A second topic made meanwhile (another replica) does not replace the first.
    expect(await s.keepTopic(42, 78)).toBe(77);
    await s.saveThread({ userId: 42, chatId: 42, locale: 'zh', question: '再问', lastActivity: 2000, closed: true });
    await s.linkStaffMessage({ staffChatId: -5, messageId: 10, userId: 42, question: '你好' });
    await s.linkStaffMessage({ staffChatId: -5, messageId: 11, userId: 42, question: '你好', answer: '您好' });
    const draft = await s.addFaqDraft({ question: 'Q', answer: 'A', lang: 'en', author: 'Li' });
    expect(await s.subscribe({ chatId: 42, country: 'TH', locale: 'zh' })).toBe(true);
    expect(await s.subscribe({ chatId: 42, country: 'TH', locale: 'en' })).toBe(false);
    await s.subscribe({ chatId: 43, country: 'TH', locale: 'en' });
    await s.subscribe({ chatId: 43, country: 'DE', locale: 'en' });
    expect(await s.unsubscribe(43, 'DE')).toBe(true);
    expect(await s.unsubscribe(43, 'DE')).toBe(false);
    await store.flush();

    const again = (await reopen()).support;
    expect((await again.knownUsers()).sort()).toEqual([42, 43]);
    expect(await again.thread(42)).toEqual({ userId: 42, chatId: 42, locale: 'zh', topicId: 77, question: '再问', lastActivity: 2000, closed: true });
    expect((await again.threadByTopic(77))?.userId).toBe(42);
    expect(await again.threadByTopic(78)).toBeUndefined();
    expect(await again.staffMessage(-5, 10)).toEqual({ staffChatId: -5, messageId: 10, userId: 42, question: '你好' });
    expect((await again.staffMessage(-5, 11))?.answer).toBe('您好');
    expect(await again.staffMessage(-6, 10)).toBeUndefined();
    expect(await again.faqDrafts()).toEqual([expect.objectContaining({ id: draft.id, question: 'Q', status: 'pending' })]);
    expect(await again.markDraftAccepted(draft.id)).toBe(true);
    expect(await again.markDraftAccepted(draft.id)).toBe(false);
    expect(await again.subscribersOf('TH')).toEqual([
      { chatId: 42, country: 'TH', locale: 'en' },
      { chatId: 43, country: 'TH', locale: 'en' },
    ]);
    expect(await again.subscriptionsOf(43)).toEqual([{ chatId: 43, country: 'TH', locale: 'en' }]);
  });

  it('a change notice is claimed once per chat, however many ask at once', async () => {
    const [store, reopen] = await backend.pair();
    const other = backend.name === 'PostgreSQL' ? await reopen() : store;
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).support.claimNotice('TH', 'abc', 42)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.support.claimNotice('TH', 'abc', 43)).toBe(true);
    expect(await store.support.claimNotice('TH', 'abd', 42)).toBe(true);
  });

  it('a broadcast starts once and hands each recipient out once, to whichever claims it', async () => {
    const [store, reopen] = await backend.pair();
    const other = backend.name === 'PostgreSQL' ? await reopen() : store;
    await store.support.createBroadcast({ id: 'b1', adminId: 7, adminChatId: 7, locale: 'en', text: 'hello' });
    const users = Array.from({ length: 60 }, (_, i) => 1000 + i);
    const starts = await Promise.all([store.support.startBroadcast('b1', users, 5), other.support.startBroadcast('b1', users, 6)]);
    expect(starts.filter(Boolean)).toHaveLength(1);
    expect(await store.support.cancelBroadcast('b1')).toBe(false);
    const taken: number[] = [];
    const worker = async (s: Storage) => {
      for (let user = await s.support.claimRecipient('b1'); user !== undefined; user = await s.support.claimRecipient('b1')) {
        taken.push(user);
        await s.support.finishRecipient('b1', user, user % 10 === 0 ? 'blocked' : 'sent');
      }
    };
    await Promise.all([worker(store), worker(other), worker(store), worker(other)]);
    expect(taken.sort()).toEqual(users);
    expect(await store.support.broadcastCounts('b1')).toEqual({ pending: 0, sending: 0, sent: 54, blocked: 6, failed: 0 });
    expect((await store.support.broadcastsSending()).map((b) => b.id)).toEqual(['b1']);
    const finishes = await Promise.all([store.support.finishBroadcast('b1'), other.support.finishBroadcast('b1')]);
    expect(finishes.filter(Boolean)).toHaveLength(1);
    expect(await store.support.broadcastsSending()).toEqual([]);
    expect(await store.support.broadcast('b1')).toMatchObject({ status: 'done', progressMessageId: expect.any(Number), text: 'hello' });
  });
});
