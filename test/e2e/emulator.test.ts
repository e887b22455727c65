/**
 * End to end: the real bot process, long polling a Bot API emulator
 * (telegram-test-api) on 127.0.0.1, driven as a user would.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/bot.ts';
import { freePort, startBot, TEST_TOKEN, type BotProcess } from '../helpers/spawn-bot.ts';

type Keyboard = { inline_keyboard?: { text: string; callback_data: string }[][] };
type BotMessage = { messageId: number; message: { text: string; reply_markup?: Keyboard } };

let server: TelegramServer;
let bot: BotProcess;
let dataDir: string;
let client: ReturnType<TelegramServer['getClient']>;

beforeAll(async () => {
  const port = await freePort();
  server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  dataDir = await tempDir();
  bot = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: server.config.apiURL, DATA_DIR: dataDir });
  await bot.waitForLog((l) => l.msg === 'polling');
  client = server.getClient(TEST_TOKEN, { timeout: 8000, userId: 501, chatId: 501, firstName: 'Li' });
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await server?.stop();
});

/** Sends a message (or a command) and returns the bot's new messages. */
async function send(text: string): Promise<BotMessage[]> {
  if (text.startsWith('/')) await client.sendCommand(client.makeCommand(text));
  else await client.sendMessage(client.makeMessage(text));
  return (await client.getUpdates()).result as unknown as BotMessage[];
}

async function press(data: string, messageId: number): Promise<void> {
  await client.sendCallback(client.makeCallbackQuery(data, { message: { message_id: messageId } }));
}

/** The current text of a bot message (edits change it in place). */
async function messageText(messageId: number, timeoutMs = 8000): Promise<(text: string) => Promise<string>> {
  return async (expected: string) => {
    const started = Date.now();
    for (;;) {
      const history = (await client.getUpdatesHistory()) as unknown as { messageId: number; message: { text?: string } }[];
      const text = history.find((h) => h.messageId === messageId)?.message.text ?? '';
      if (text.includes(expected) || Date.now() - started > timeoutMs) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
}

const button = (m: BotMessage | undefined, label: RegExp) => m?.message.reply_markup?.inline_keyboard?.flat().find((b) => label.test(b.text))?.callback_data ?? '';

describe('the bot against a Bot API emulator', () => {
  it('went on after the emulator refused setMyCommands', async () => {
    await bot.waitForLog((l) => String(l.msg).includes('setMyCommands failed'));
  });

  it('/start, a Chinese and an English question', async () => {
    const [start] = await send('/start');
    expect(start?.message.text).toContain('Apostille Helper');
    expect(button(start, /Language/)).toBe('lang:menu');

    const [zh] = await send('原产地证书可以办附加证明书吗');
    expect(zh?.message.text).toContain('原产地证书');
    expect(zh?.message.text).toContain('来源');

    const [en] = await send('can I use an apostille in India?');
    expect(en?.message.text).toContain('does not apply between China and India');
  });

  it('/lang by button', async () => {
    const [prompt] = await send('/lang');
    await press(button(prompt, /简体中文/), prompt!.messageId);
    const text = await (await messageText(prompt!.messageId))('简体中文');
    expect(text).toContain('语言已设置为简体中文');
    const [help] = await send('/help');
    expect(help?.message.text).toContain('使用说明');
  });

  it('/check through its buttons', async () => {
    const [prompt] = await send('/check');
    const id = prompt!.messageId;
    const read = await messageText(id);
    await press(button(prompt, /中国文件送往国外/), id);
    expect(await read('（2/4）')).toContain('（2/4）');
    const history = async () => ((await client.getUpdatesHistory()) as unknown as BotMessage[]).find((h) => h.messageId === id);
    await press(button(await history(), /商业贸易/), id);
    expect(await read('（3/4）')).toContain('（3/4）');
    await press(button(await history(), /原产地证书/), id);
    expect(await read('（4/4）')).toContain('（4/4）');
    await press(button(await history(), /^德国$/), id);
    const [verdict] = (await client.getUpdates()).result as unknown as BotMessage[];
    expect(verdict?.message.text).toContain('办理附加证明书即可');
    expect(verdict?.message.text).toContain('德国');
  });

  it('a feedback press is recorded once', async () => {
    const [answer] = await send('what is an apostille');
    const up = button(answer, /👍/);
    expect(up).toBe('fb:what-is-apostille:up');
    await press(up, answer!.messageId);
    await bot.waitForLog((l) => l.outcome === 'feedback:up');
  });

  it('logs one line per update and never the token', async () => {
    const updates = bot.logs.filter((l) => l.msg === 'update');
    expect(updates.length).toBeGreaterThanOrEqual(10);
    for (const line of updates) expect(line).toEqual(expect.objectContaining({ update_id: expect.any(Number), outcome: expect.any(String), ms: expect.any(Number) }));
    expect(bot.stderr()).not.toContain(TEST_TOKEN);
    expect(bot.stderr()).not.toContain(TEST_TOKEN.split(':')[1]);
  });

  it('stops on SIGTERM with exit 0 and a valid store file', async () => {
    expect(await bot.stop('SIGTERM')).toBe(0);
    const store = JSON.parse(await readFile(join(dataDir, 'store.json'), 'utf8')) as { users: Record<string, { locale: string }>; votes: Record<string, string> };
    expect(store.users['501']?.locale).toBe('zh');
    expect(Object.values(store.votes)).toEqual(['up']);
  });
});
