/** Faults: rate limits, an unreachable Bot API, and a stop in the middle of an update. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { textUpdate } from '../../src/bot/updates.ts';
import { createBot } from '../../src/bot/index.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { createTestBot, tempDir, USER_EN } from '../helpers/bot.ts';
import { startBot, TEST_TOKEN, type BotProcess } from '../helpers/spawn-bot.ts';

let api: FakeBotApi | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.stop('SIGKILL');
  await api?.stop();
  bot = undefined;
  api = undefined;
});

async function botOnFakeApi() {
  api = new FakeBotApi();
  await api.start();
  const { deps } = await createTestBot();
  const real = createBot(TEST_TOKEN, deps, { botInfo: { id: 42, is_bot: true, first_name: 'T', username: 't_bot' } as never, client: { apiRoot: api.url } });
  return { api, real };
}

describe('outgoing calls', () => {
  it('429 with retry_after: the call is repeated after the wait and the reply arrives once', async () => {
    const { api, real } = await botOnFakeApi();
    api.script('sendMessage', { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } });
    await real.handleUpdate(textUpdate(USER_EN, 'what is an apostille'));
    const calls = api.sent();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(String(calls[1]!.payload.text)).toContain('An apostille');
  });

  it('a transient 5xx is retried', async () => {
    const { api, real } = await botOnFakeApi();
    api.script('sendMessage', { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } });
    await real.handleUpdate(textUpdate(USER_EN, 'what is an apostille'));
    expect(api.sent()).toHaveLength(2);
  });
});

describe('the polling process', () => {
  it('rides out a Bot API outage of a few seconds: no crash, no lost update, no tight retry loop', async () => {
    api = new FakeBotApi();
    await api.start();
    bot = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: api.url, DATA_DIR: await tempDir() });
    await bot.waitForLog((l) => l.msg === 'polling');
    api.pushText(7, 'what is an apostille');
    await api.waitFor(() => api!.sent().length === 1);

    await api.down();
    api.pushText(7, '公约什么时候对中国生效');
    await new Promise((r) => setTimeout(r, 3000));
    await api.up();
    await api.waitFor(() => api!.sent().length === 2, 30_000);
    expect(String(api.sent()[1]!.payload.text)).toContain('2023年11月7日');
    expect(bot.child.exitCode).toBeNull();
    // Exponential back-off: a handful of failed polls, not hundreds.
    expect(bot.logs.filter((l) => l.method === 'getUpdates').length).toBeLessThan(20);
  }, 60_000);

  it('SIGTERM while an update is being handled: the reply is still sent, exit 0, the store file intact', async () => {
    api = new FakeBotApi();
    await api.start();
    const dataDir = await tempDir();
    bot = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: api.url, DATA_DIR: dataDir });
    await bot.waitForLog((l) => l.msg === 'polling');
    api.delay('sendMessage', 1500);
    api.pushText(8, 'what is an apostille');
    await api.waitFor(() => api!.sent().length === 1);
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(bot.logs, JSON.stringify(bot.logs)).toContainEqual(expect.objectContaining({ msg: 'update', outcome: 'answered:what-is-apostille' }));
    const store = JSON.parse(await readFile(join(dataDir, 'store.json'), 'utf8')) as { days: Record<string, { questions: number }> };
    expect(Object.values(store.days)[0]?.questions).toBe(1);
  });
});
