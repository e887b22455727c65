import { describe, expect, it } from 'vitest';
import { createConfig } from '../src/infra/config.ts';

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
    [{ DATABASE_URL: 'mysql://u:secret-pw@db/x' }, /^Configuration error: DATABASE_URL: expected postgres:\/\/user:password@host:5432\/database$/],
    [{ THROTTLE: 'maybe' }, /^Configuration error: THROTTLE: expected on or off$/],
    [{ STAFF_CHAT_ID: '@staff' }, /^Configuration error: STAFF_CHAT_ID: expected the staff group's chat id/],
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

  it('DATABASE_URL selects PostgreSQL; without it the lowdb file in DATA_DIR stays', () => {
    expect(createConfig({})).toMatchObject({ databaseUrl: undefined, throttle: true });
    expect(createConfig({ DATABASE_URL: 'postgresql://bot:pw@db.internal:5432/apostille', THROTTLE: 'off' })).toMatchObject({ databaseUrl: 'postgresql://bot:pw@db.internal:5432/apostille', throttle: false });
  });

  it('STAFF_CHAT_ID is the staff group for /human; unset, there is no handoff', () => {
    expect(createConfig({}).staffChatId).toBeUndefined();
    expect(createConfig({ STAFF_CHAT_ID: '-1001234567890' }).staffChatId).toBe(-1001234567890);
  });

  it('webhook mode takes its path from the URL', () => {
    const config = createConfig({ MODE: 'webhook', BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.example.org/telegram', WEBHOOK_SECRET: 'abcdefghijkl' });
    expect(config.webhook).toEqual({ url: 'https://bot.example.org/telegram', secret: 'abcdefghijkl', path: '/telegram' });
  });
});
