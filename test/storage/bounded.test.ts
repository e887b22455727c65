/**
 * Issue 20, point 4: bounded state in the file store. Follow-up contexts and wizards
 * expire and are pruned; writing thousands of sessions yields to the event loop; a store
 * file cut short keeps what was readable, and a copy of it. (The sizes and times for
 * 10,000 users are in `npm run bench`, section storage.)
 */
import { readFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/storage/store.ts';
import { FOLLOW_UP_TTL_MS, WIZARD_TTL_MS, type ChatSession } from '../../src/storage/types.ts';
import { createTestBot, tempDir, USER_EN } from '../helpers/bot.ts';

const USERS = 10_000;

/** A real follow-up context: the one the bot stores after answering a question. */
async function realFollowUp(): Promise<ChatSession['followUp']> {
  const test = await createTestBot();
  await test.say('我们杭州的营业执照要寄去德国用，怎么办附加证明书？');
  const session = await test.deps.store.sessions.chat.read(`${USER_EN.id}:${USER_EN.id}`);
  expect(session?.followUp?.context).toBeTruthy();
  return session!.followUp;
}

async function storeWithUsers(path: string, at: number, users = USERS): Promise<Store> {
  const followUp = (await realFollowUp())!;
  const store = await Store.open(path);
  for (let i = 0; i < users; i++) await store.sessions.chat.write(`${i}:${i}`, { followUp: { ...followUp, at } });
  return store;
}

describe('bounded state in the file store', () => {
  it('10,000 users with follow-up contexts: written while the event loop keeps turning, then pruned once expired', async () => {
    const path = join(await tempDir(), 'store.json');
    const store = await storeWithUsers(path, Date.now());
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    await store.flush();
    clearInterval(ticker);
    // The write gave the loop its turns (lowdb's JSONFile would not: one stringify of everything).
    expect(turns).toBeGreaterThan(0);
    const full = (await stat(path)).size;
    const reopened = await Store.open(path);
    expect(await reopened.sessions.chat.read('9999:9999')).toMatchObject({ followUp: { context: expect.anything() } });
    // Past their time, they go: the file is back to its small self.
    expect(reopened.pruneSessions(Date.now() + FOLLOW_UP_TTL_MS + 1000)).toBe(USERS);
    await reopened.flush();
    const pruned = (await stat(path)).size;
    expect(pruned).toBeLessThan(full / 100);
    expect(await reopened.sessions.chat.read('9999:9999')).toBeUndefined();
  }, 60_000);

  it('expired parts are pruned when the store opens: an old wizard goes, a recent one stays', async () => {
    const path = join(await tempDir(), 'store.json');
    const store = await Store.open(path);
    const now = Date.now();
    const wizard = (age: number) => ({ wizard: { nonce: 'abc123', step: 'group' as const, direction: 'to_china' as const, updatedAt: new Date(now - age).toISOString() } });
    await store.sessions.chat.write('1:1', wizard(WIZARD_TTL_MS + 60_000));
    await store.sessions.chat.write('2:2', wizard(60_000));
    await store.sessions.chat.write('3:3', { ...wizard(60_000), followUp: { at: now - FOLLOW_UP_TTL_MS - 1000, context: {} } });
    await store.close();
    const again = await Store.open(path);
    expect(await again.sessions.chat.read('1:1')).toBeUndefined();
    expect(await again.sessions.chat.read('2:2')).toMatchObject({ wizard: { step: 'group' } });
    expect(await again.sessions.chat.read('3:3')).toEqual(wizard(60_000));
  });

  it('the bot ignores a wizard past its time: typed text is a question again', async () => {
    const test = await createTestBot();
    await test.say('/check');
    const key = `${USER_EN.id}:${USER_EN.id}`;
    const session = (await test.deps.store.sessions.chat.read(key))!;
    await test.deps.store.sessions.chat.write(key, { ...session, wizard: { ...session.wizard!, step: 'country', updatedAt: new Date(Date.now() - WIZARD_TTL_MS - 1000).toISOString() } });
    const reply = (await test.say('what is an apostille')).find((c) => c.method === 'sendMessage');
    expect(String(reply?.text)).toContain('An apostille');
  });

  it('a store file cut short: a copy is kept aside, and the counters before the cut are kept', async () => {
    const path = join(await tempDir(), 'store.json');
    // Enough sessions that the cut falls among them, with the counters before it.
    const store = await storeWithUsers(path, Date.now(), 2000);
    for (let i = 0; i < 30; i++) await store.recordQuestion(i % 2 ? 'fees' : undefined, '2026-12-01');
    await store.recordFeedback(1, 'fees', 'up');
    await store.close();
    const whole = (await stat(path)).size;
    await truncate(path, Math.floor(whole * 0.6));
    const cut = await readFile(path);
    const again = await Store.open(path);
    expect(await again.dayCounters()).toEqual({ '2026-12-01': { questions: 30, matched: 15 } });
    expect((await again.entryCounters()).fees).toEqual({ answered: 15, helpful: 1, unhelpful: 0 });
    // The sessions before the cut are there too; the rest are gone, not invented.
    expect(await again.sessions.chat.read('0:0')).toMatchObject({ followUp: expect.anything() });
    expect(await again.sessions.chat.read('1999:1999')).toBeUndefined();
    const warning = again.warnings.find((w) => w.movedTo);
    expect(warning?.message).toContain('damaged');
    expect(await readFile(warning!.movedTo!)).toEqual(cut);
  }, 60_000);
});
