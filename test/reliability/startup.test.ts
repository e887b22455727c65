/**
 * Issue 11, problem 3: an unreachable or wrong Bot API at start-up. Before, the process
 * printed nothing for over 90 s (auto-retry repeated getMe silently during bot.init).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/bot.ts';
import { freePort, startBot, TEST_TOKEN, type BotProcess } from '../helpers/spawn-bot.ts';

let bot: BotProcess | undefined;
let silent: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  await bot?.stop('SIGKILL');
  sockets.splice(0).forEach((s) => s.destroy());
  await new Promise((resolve) => (silent ? silent.close(resolve) : resolve(undefined)));
  bot = undefined;
  silent = undefined;
});

const failedAttempt = (l: Record<string, unknown>) => typeof l.msg === 'string' && l.msg.startsWith('cannot reach the Bot API');

describe('start-up against an unreachable Bot API', () => {
  it('connection refused: a line naming the URL and the failure within 15 s, then one line per retry, token never shown', async () => {
    const root = `http://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    bot = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: root, DATA_DIR: await tempDir() });
    const first = await bot.waitForLog(failedAttempt, 15_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(first).toMatchObject({ level: 50, apiRoot: root, attempt: 1 });
    expect(String(first.msg)).toContain(root);
    expect(String(first.failure)).toContain('ECONNREFUSED');
    const second = await bot.waitForLog((l) => failedAttempt(l) && l.attempt === 2, 15_000);
    expect(Number(second.retryInSeconds)).toBeGreaterThan(Number(first.retryInSeconds));
    expect(bot.child.exitCode).toBeNull();
    expect(bot.stderr()).not.toContain(TEST_TOKEN.split(':')[1]);
  }, 40_000);

  it('a server that accepts connections and never answers: the line comes within 15 s', async () => {
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    const root = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const started = Date.now();
    bot = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: root, DATA_DIR: await tempDir() });
    const first = await bot.waitForLog(failedAttempt, 15_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(first).toMatchObject({ apiRoot: root, failure: 'no answer within 5 s' });
  }, 40_000);
});
