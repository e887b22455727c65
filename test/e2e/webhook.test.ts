/** Webhook mode end to end: the real process, its HTTP server, and the Bot API on a local fake. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { tempDir } from '../helpers/bot.ts';
import { freePort, startBot, TEST_TOKEN, type BotProcess } from '../helpers/spawn-bot.ts';

const SECRET = 'secret_token-0123456789';
let api: FakeBotApi;
let bot: BotProcess;
let base: string;

beforeAll(async () => {
  api = new FakeBotApi();
  await api.start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  bot = startBot({
    BOT_TOKEN: TEST_TOKEN,
    BOT_API_ROOT: api.url,
    DATA_DIR: await tempDir(),
    MODE: 'webhook',
    WEBHOOK_URL: `https://bot.example.org/telegram`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  await bot.waitForLog((l) => l.msg === 'webhook server listening');
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await api?.stop();
});

const update = (id: number, text: string) => ({
  update_id: id,
  message: { message_id: id, date: 0, chat: { id: 9, type: 'private', first_name: 'W' }, from: { id: 9, is_bot: false, first_name: 'W' }, text },
});

describe('webhook mode', () => {
  it('registers the webhook with its secret at start', () => {
    expect(api.sent('setWebhook')[0]?.payload).toMatchObject({ url: 'https://bot.example.org/telegram', secret_token: SECRET });
  });

  it('answers GET /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('rejects an update without the right secret header, and handles one with it', async () => {
    const without = await fetch(`${base}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update(1, 'what is an apostille')) });
    expect(without.status).toBe(401);
    const wrong = await fetch(`${base}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'nope-nope-nope' }, body: JSON.stringify(update(2, 'hi')) });
    expect(wrong.status).toBe(401);
    expect(api.sent()).toHaveLength(0);

    const right = await fetch(`${base}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update(3, 'what is an apostille')) });
    expect(right.status).toBe(200);
    await api.waitFor(() => api.sent().length === 1);
    expect(String(api.sent()[0]!.payload.text)).toContain('An apostille');
  });

  it('answers 404 elsewhere and stops cleanly', async () => {
    expect((await fetch(`${base}/other`)).status).toBe(404);
    expect(await bot.stop('SIGTERM')).toBe(0);
  });
});
