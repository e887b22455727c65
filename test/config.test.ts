import { describe, expect, it } from 'vitest';
import { createConfig } from '../src/config.ts';

const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc';

describe('configuration', () => {
  it('defaults: console without a token, polling with one', () => {
    expect(createConfig({})).toMatchObject({ botToken: undefined, mode: 'polling', port: 8080, rateLimitPerMinute: 20, adminIds: [] });
    expect(createConfig({ BOT_TOKEN: TOKEN, BOT_API_ROOT: 'http://127.0.0.1:9000/', ADMIN_IDS: '1, 22' })).toMatchObject({ botToken: TOKEN, apiRoot: 'http://127.0.0.1:9000', adminIds: [1, 22] });
  });

  it.each([
    [{ BOT_TOKEN: 'nonsense' }, /^Configuration error: BOT_TOKEN: /],
    [{ BOT_API_ROOT: 'ftp:/x' }, /^Configuration error: BOT_API_ROOT: /],
    [{ LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL: /],
    [{ ADMIN_IDS: 'alice' }, /^Configuration error: ADMIN_IDS: /],
    [{ PORT: '99999' }, /^Configuration error: PORT: /],
    [{ MODE: 'carrier-pigeon' }, /^Configuration error: MODE: /],
    [{ MODE: 'webhook', BOT_TOKEN: TOKEN }, /^Configuration error: WEBHOOK_URL: required when MODE=webhook/],
    [{ MODE: 'webhook', BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://x.org/hook', WEBHOOK_SECRET: 'short' }, /^Configuration error: WEBHOOK_SECRET: /],
  ])('stops with one clear message naming the variable: %j', (env, message) => {
    expect(() => createConfig(env)).toThrow(message);
  });

  it('never repeats the token in an error', () => {
    try {
      createConfig({ BOT_TOKEN: `${TOKEN} ` + 'x', PORT: 'eighty' });
    } catch (error) {
      expect((error as Error).message).not.toContain(TOKEN);
    }
  });

  it('webhook mode takes its path from the URL', () => {
    const config = createConfig({ MODE: 'webhook', BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/telegram', WEBHOOK_SECRET: 'abcdefghijkl' });
    expect(config.webhook).toEqual({ url: 'https://bot.example.org/telegram', secret: 'abcdefghijkl', path: '/telegram' });
  });
});
