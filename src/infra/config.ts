/** Environment → typed configuration, checked once at start with one clear message per bad value. */
import { resolve } from 'node:path';
import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const ConfigSchema = z.object({
  BOT_TOKEN: optional.pipe(z.string().regex(/^\d+:[\w-]{20,}$/, 'expected the form 123456:ABC… given by @BotFather').optional()),
  BOT_API_ROOT: optional.pipe(z.url({ protocol: /^https?$/, message: 'expected an http(s) URL such as http://127.0.0.1:8081' }).optional()),
  DATA_DIR: optional.default('var'),
  FAQ_FILE: optional.default('data/faq.json'),
  COUNTRIES_FILE: optional.default('data/countries.json'),
  DOCUMENTS_FILE: optional.default('data/documents.json'),
  LOG_LEVEL: optional.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  CONSOLE_LANGUAGE: optional.default('en'),
  MODE: optional.pipe(z.enum(['polling', 'webhook'], { message: 'expected polling or webhook' }).optional()),
  WEBHOOK_URL: optional.pipe(z.url({ protocol: /^https?$/, message: 'expected the public https URL Telegram should post to' }).optional()),
  WEBHOOK_SECRET: optional.pipe(z.string().regex(/^[A-Za-z0-9_-]{12,256}$/, 'expected 12 to 256 characters: letters, digits, _ and -').optional()),
  PORT: optional.pipe(z.string().regex(/^\d+$/, 'expected a port number').transform(Number).pipe(z.number().int().min(1).max(65535)).optional()),
  HOST: optional.default('0.0.0.0'),
  RATE_LIMIT_PER_MINUTE: optional.pipe(z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).optional()),
  THROTTLE: optional.pipe(z.enum(['on', 'off'], { message: 'expected on or off' }).optional()),
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/, message: 'expected postgres://user:password@host:5432/database' }).optional()),
  STAFF_CHAT_ID: optional.pipe(z.string().regex(/^-?\d{1,20}$/, 'expected the staff group\'s chat id, e.g. -1001234567890').transform(Number).optional()),
  ADMIN_IDS: optional.pipe(z.string().regex(/^\d+(\s*,\s*\d+)*$/, 'expected Telegram user ids separated by commas, e.g. 12345,67890').optional()),
});

export interface Config {
  botToken?: string;
  apiRoot?: string;
  dataDir: string;
  faqFile: string;
  countriesFile: string;
  documentsFile: string;
  storeFile: string;
  /** PostgreSQL for sessions, logs and counters (several replicas); unset: the lowdb file in dataDir. */
  databaseUrl?: string;
  logLevel?: string;
  consoleLanguage: string;
  adminIds: number[];
  /** The Telegram group (or forum supergroup) where staff answer users' /human questions; unset: no handoff. */
  staffChatId?: number;
  mode: 'polling' | 'webhook';
  webhook?: { url: string; secret: string; path: string };
  port: number;
  host: string;
  /** 0 turns the per-user limit off. */
  rateLimitPerMinute: number;
  /** Space outgoing calls within Telegram's flood limits (off: a local Bot API server, load tests). */
  throttle: boolean;
}

export class ConfigError extends Error {}

export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Configuration error: ${String(issue.path[0])}: ${issue.message}`);
  }
  const c = parsed.data;
  const mode = c.MODE ?? 'polling';
  if (mode === 'webhook') {
    for (const name of ['BOT_TOKEN', 'WEBHOOK_URL', 'WEBHOOK_SECRET'] as const) {
      if (!c[name]) throw new ConfigError(`Configuration error: ${name}: required when MODE=webhook`);
    }
  }
  const dataDir = resolve(c.DATA_DIR ?? 'var');
  return {
    botToken: c.BOT_TOKEN,
    // grammY builds `${apiRoot}/bot…`: a trailing slash would double it.
    apiRoot: c.BOT_API_ROOT?.replace(/\/+$/, ''),
    dataDir,
    faqFile: resolve(c.FAQ_FILE ?? 'data/faq.json'),
    countriesFile: resolve(c.COUNTRIES_FILE ?? 'data/countries.json'),
    documentsFile: resolve(c.DOCUMENTS_FILE ?? 'data/documents.json'),
    storeFile: resolve(dataDir, 'store.json'),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    consoleLanguage: c.CONSOLE_LANGUAGE ?? 'en',
    staffChatId: c.STAFF_CHAT_ID,
    adminIds: c.ADMIN_IDS ? c.ADMIN_IDS.split(',').map((id) => Number(id.trim())) : [],
    mode,
    webhook: c.WEBHOOK_URL && c.WEBHOOK_SECRET ? { url: c.WEBHOOK_URL, secret: c.WEBHOOK_SECRET, path: new URL(c.WEBHOOK_URL).pathname } : undefined,
    port: c.PORT ?? 8080,
    host: c.HOST ?? '0.0.0.0',
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE ?? 20,
    throttle: c.THROTTLE !== 'off',
  };
}

/** Reads .env when there is one (Node's own loader); real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch {
    // No .env: the environment alone configures the bot.
  }
}
