/**
 * Issue 11, problem 1: no token and no webhook secret in any output. The fake Bot API
 * answers with errors that quote the request URL (token included) and the payload
 * (secret included), as a proxy or a misbehaving server may; the real process runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { redact, registerSecrets } from '../../src/infra/logger.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { tempDir } from '../helpers/bot.ts';
import { freePort, startBot, TEST_TOKEN, type BotProcess } from '../helpers/spawn-bot.ts';

const SECRET = 'webhook_secret-0123456789abcdef';
const TOKEN_DIGITS = TEST_TOKEN.split(':')[0]!;
const TOKEN_SECRET_PART = TEST_TOKEN.split(':')[1]!;

let api: FakeBotApi | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.stop('SIGKILL');
  await api?.stop();
  bot = undefined;
  api = undefined;
});

/** An error answer that quotes everything it was sent: the URL with the token, and the payload. */
const echoing =
  (status: number) =>
  ({ url, payload }: { url: string; payload: Record<string, unknown> }) => ({
    status,
    body: { ok: false, error_code: status, description: `Bad Request: rejected ${url} with ${JSON.stringify(payload)} (secret ${String(payload.secret_token ?? '')})` },
  });

function expectNoSecrets(output: string) {
  expect(output).not.toContain(TOKEN_SECRET_PART);
  expect(output).not.toContain(`${TOKEN_DIGITS}:`);
  expect(output).not.toContain(SECRET);
  expect(output).not.toMatch(/\/bot\d+:/);
}

async function output(process: BotProcess): Promise<string> {
  let stdout = '';
  process.child.stdout!.on('data', (d: Buffer) => (stdout += d));
  await process.exit;
  return `${stdout}\n${process.stderr()}`;
}

describe('redact()', () => {
  it('removes registered secrets (also URL-encoded), /bot<token>/ URL paths and bare tokens', () => {
    registerSecrets('s3cret-value_xyz', undefined, '');
    expect(redact('a s3cret-value_xyz b')).toBe('a [REDACTED] b');
    expect(redact('http://h/bot987654321:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr/getMe')).toBe('http://h/bot[REDACTED]/getMe');
    expect(redact('token 987654321:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr here')).toBe('token [REDACTED] here');
    expect(redact('at 12:30 on 2026-11-29')).toBe('at 12:30 on 2026-11-29');
  });
});

describe('the token and the webhook secret never reach stdout or stderr', () => {
  it('start-up refused with an error quoting the request URL: a clear fatal line, without the token', async () => {
    api = new FakeBotApi();
    await api.start();
    api.script('getMe', echoing(401));
    bot = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: api.url, DATA_DIR: await tempDir(), LOG_LEVEL: 'trace' });
    const text = await output(bot);
    expect(await bot.exit).toBe(1);
    expect(text).toContain('rejected the token');
    expect(text).toContain('/bot[REDACTED]/getMe');
    expectNoSecrets(text);
  });

  it('webhook mode: setWebhook fails quoting the URL and the secret: warn and fatal lines carry neither', async () => {
    api = new FakeBotApi();
    await api.start();
    api.script('setWebhook', echoing(400), echoing(400), echoing(400), echoing(400));
    bot = startBot({
      BOT_TOKEN: TEST_TOKEN,
      BOT_API_ROOT: api.url,
      DATA_DIR: await tempDir(),
      LOG_LEVEL: 'trace',
      MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.org/telegram',
      WEBHOOK_SECRET: SECRET,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
    });
    const text = await output(bot);
    expect(await bot.exit).toBe(1);
    expect(api.sent('setWebhook')[0]?.payload.secret_token).toBe(SECRET);
    expect(text).toContain('Bad Request: rejected');
    expect(text).toContain('[REDACTED]');
    expectNoSecrets(text);
  });

  it('polling: a failing reply whose error quotes the URL is logged without the token', async () => {
    api = new FakeBotApi();
    await api.start();
    api.script('sendMessage', echoing(400));
    bot = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: api.url, DATA_DIR: await tempDir(), LOG_LEVEL: 'trace' });
    await bot.waitForLog((l) => l.msg === 'polling');
    api.pushText(7, 'what is an apostille');
    await bot.waitForLog((l) => l.msg === 'update');
    await bot.waitForLog((l) => l.msg === 'Bot API call failed');
    await bot.stop('SIGTERM');
    const text = await output(bot);
    expect(text).toContain('Bad Request: rejected');
    expectNoSecrets(text);
  });
});
