/** /broadcast: preview and confirm, one message per user, blocked users skipped and counted, resumed after a restart without duplicates. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backgroundIdle, stopBackground } from '../../src/bot/background.ts';
import { resumeBroadcasts } from '../../src/bot/features/broadcast.ts';
import { ADMIN, buttonsOf, createTestBot, tempDir, USER_EN, USER_HK, USER_ZH, type TestBot } from '../helpers/bot.ts';

const USER_3 = { id: 45, first_name: 'Bo', language_code: 'en' };
const ADMIN_EN = { ...ADMIN, language_code: 'en' };
const TEXT = 'The office is closed on Monday <see you>';
const SENT_TEXT = 'The office is closed on Monday &lt;see you&gt;';

/** Messages carrying the broadcast, by chat. */
function broadcastsTo(tb: TestBot): Map<number, number> {
  const counts = new Map<number, number>();
  for (const c of tb.api.sent()) if (c.payload.text === SENT_TEXT) counts.set(Number(c.payload.chat_id), (counts.get(Number(c.payload.chat_id)) ?? 0) + 1);
  return counts;
}

async function usersWrite(tb: TestBot, users = [USER_EN, USER_ZH, USER_3]): Promise<void> {
  for (const user of users) await tb.say('/start', user);
}

async function preview(tb: TestBot): Promise<{ go: string; no: string; text: string }> {
  const [reply] = await tb.say(`/broadcast ${TEXT}`, ADMIN_EN);
  const [go, no] = buttonsOf(reply).map((b) => b.callback_data);
  return { go: go!, no: no!, text: String(reply?.text) };
}

describe('/broadcast', () => {
  it('after the confirm button every user gets it once; a user who blocked the bot is skipped and counted; progress ends in a summary', async () => {
    const tb = await createTestBot();
    await usersWrite(tb);
    const { go, text } = await preview(tb);
    // The admin wrote too: four users.
    expect(text).toContain('Send this message to 4 users?');
    expect(text).toContain(SENT_TEXT);
    expect(go).toMatch(/^bc:[0-9a-f]{8}:go$/);
    expect(broadcastsTo(tb).size).toBe(0);

    tb.api.failWith = ({ method, payload }) => (method === 'sendMessage' && payload.chat_id === USER_ZH.id ? { error_code: 403, description: 'Forbidden: bot was blocked by the user' } : undefined);
    const started = performance.now();
    const pressed = await tb.press(go, ADMIN_EN);
    expect(pressed).toContainEqual(expect.objectContaining({ method: 'answerCallbackQuery', text: 'Sending…' }));
    expect(pressed).toContainEqual(expect.objectContaining({ method: 'sendMessage', chat_id: ADMIN.id, text: expect.stringContaining('📣 Sending') }));
    await backgroundIdle(tb.deps);
    // Four messages at least 40 ms apart (under 25 a second).
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 40);

    expect(Object.fromEntries(broadcastsTo(tb))).toEqual({ [ADMIN.id]: 1, [USER_EN.id]: 1, [USER_ZH.id]: 1, [USER_3.id]: 1 });
    const final = tb.api.sent('editMessageText').at(-1);
    expect(String(final?.payload.text)).toContain('Broadcast finished</b>: 3 of 4 sent; 1 had blocked the bot (skipped); 0 failed');

    const again = await tb.press(go, ADMIN_EN);
    expect(again).toEqual([expect.objectContaining({ method: 'answerCallbackQuery', text: 'This broadcast was already sent or cancelled.' })]);
    await backgroundIdle(tb.deps);
    expect(broadcastsTo(tb).get(USER_EN.id)).toBe(1);
  });

  it('Cancel sends nothing; the command and its buttons are an admin’s only', async () => {
    const tb = await createTestBot();
    await usersWrite(tb);
    const { go, no } = await preview(tb);
    expect((await tb.press(go, USER_EN))[0]).toMatchObject({ method: 'answerCallbackQuery', text: expect.stringContaining('This button has expired') });
    expect((await tb.press(no, ADMIN_EN))[0]).toMatchObject({ method: 'answerCallbackQuery', text: 'Cancelled: nothing was sent.' });
    expect((await tb.press(go, ADMIN_EN))[0]).toMatchObject({ text: 'This broadcast was already sent or cancelled.' });
    await backgroundIdle(tb.deps);
    expect(broadcastsTo(tb).size).toBe(0);
    expect(String((await tb.say(`/broadcast ${TEXT}`, USER_EN))[0]?.text)).toContain("don't know that command");
    expect(String((await tb.say('/broadcast', ADMIN_EN))[0]?.text)).toContain('Type the message after the command');
  });

  it('a restart mid-way resumes with those not yet sent to, and nobody gets it twice', async () => {
    const storePath = join(await tempDir(), 'store.json');
    const first = await createTestBot({ storePath });
    await usersWrite(first, [USER_EN, USER_ZH, USER_HK, USER_3]);
    const { go } = await preview(first);
    // The process "dies" while sending to the fourth user: the call went out, its result never came back.
    let stuck = false;
    first.bot.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (method === 'sendMessage' && (payload as { chat_id?: number }).chat_id === USER_HK.id) {
        stuck = true;
        await new Promise(() => undefined);
      }
      return result;
    });
    await first.press(go, ADMIN_EN);
    while (!stuck) await new Promise((resolve) => setTimeout(resolve, 5));
    // Recipients go in id order: 7, 42, 43, then 44 (stuck); 45 was never started.
    expect([...broadcastsTo(first).keys()]).toEqual([ADMIN.id, USER_EN.id, USER_ZH.id, USER_HK.id]);

    const second = await createTestBot({ storePath });
    expect(await resumeBroadcasts(second.deps, second.bot.api, { intervalMs: 0 })).toBe(1);
    await backgroundIdle(second.deps);
    expect(Object.fromEntries(broadcastsTo(second))).toEqual({ [USER_3.id]: 1 });
    const final = second.api.sent('editMessageText').at(-1);
    expect(String(final?.payload.text)).toContain('4 of 5 sent; 0 had blocked the bot (skipped); 1 failed or could not be confirmed');
    // A third start finds nothing left to do.
    const third = await createTestBot({ storePath });
    expect(await resumeBroadcasts(third.deps, third.bot.api)).toBe(0);
  });

  it('a graceful stop ends after the current message; the next start sends the rest, all confirmed', async () => {
    const storePath = join(await tempDir(), 'store.json');
    const first = await createTestBot({ storePath });
    await usersWrite(first, [USER_EN, USER_ZH, USER_HK, USER_3]);
    const { go } = await preview(first);
    await first.press(go, ADMIN_EN);
    while (broadcastsTo(first).size < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    stopBackground(first.deps);
    await backgroundIdle(first.deps);
    const sentBefore = broadcastsTo(first).size;
    expect(sentBefore).toBeLessThan(5);

    const second = await createTestBot({ storePath });
    await resumeBroadcasts(second.deps, second.bot.api, { intervalMs: 0 });
    await backgroundIdle(second.deps);
    expect(sentBefore + broadcastsTo(second).size).toBe(5);
    expect(String(second.api.sent('editMessageText').at(-1)?.payload.text)).toContain('5 of 5 sent; 0 had blocked the bot (skipped); 0 failed');
  });
});
