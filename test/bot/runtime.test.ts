import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/index.ts';
import { textUpdate } from '../../src/bot/updates.ts';
import { createTestBot, USER_EN, USER_ZH } from '../helpers/bot.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { TEST_TOKEN } from '../helpers/spawn-bot.ts';

const texts = (calls: Record<string, unknown>[]) => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.text));

describe('per-user rate limit', () => {
  it('answers up to the limit, sends one polite notice, then stays quiet until the window ends; others are not affected', async () => {
    let now = 0;
    const { say } = await createTestBot({ runtime: { rateLimit: { limit: 5, windowMs: 60_000, now: () => now } } });
    const replies: string[][] = [];
    for (let i = 0; i < 9; i++) replies.push(texts(await say(`what is an apostille ${i}`)));
    expect(replies.slice(0, 5).every((r) => r.length === 1 && r[0]!.includes('An apostille'))).toBe(true);
    expect(replies[5]).toEqual([expect.stringContaining('sending messages very fast')]);
    expect(replies.slice(6).every((r) => r.length === 0)).toBe(true);
    expect(texts(await say('什么是附加证明书', USER_ZH))[0]).toContain('附加证明书');
    now = 60_000;
    expect(texts(await say('what is an apostille'))[0]).toContain('An apostille');
  });
});

describe('throttling outgoing calls', () => {
  it('spaces a burst to one chat, and sends every message', async () => {
    const api = new FakeBotApi();
    await api.start();
    try {
      const { deps } = await createTestBot();
      const bot = createBot(TEST_TOKEN, deps, { botInfo: { id: 42, is_bot: true, first_name: 'T', username: 't_bot' } as never, client: { apiRoot: api.url } }, { throttle: true, rateLimit: false });
      const started = Date.now();
      await Promise.all(Array.from({ length: 4 }, () => bot.handleUpdate(textUpdate(USER_EN, 'what is an apostille'))));
      expect(api.sent()).toHaveLength(4);
      const gaps = api.sent().slice(1).map((c, i) => c.at - api.sent()[i]!.at);
      // The throttler spaces sends 500 ms apart; arrival times jitter on a loaded machine, unthrottled gaps are ~0 ms.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(300);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    } finally {
      await api.stop();
    }
  });
});
