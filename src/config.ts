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
  BOT_API_ROOT: optional.pipe(z.url({ message: 'expected a URL such as http://127.0.0.1:8081' }).optional()),
  DATA_DIR: optional.default('var'),
  FAQ_FILE: optional.default('data/faq.json'),
  COUNTRIES_FILE: optional.default('data/countries.json'),
  DOCUMENTS_FILE: optional.default('data/documents.json'),
  LOG_LEVEL: optional.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  CONSOLE_LANGUAGE: optional.default('en'),
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
  logLevel?: string;
  consoleLanguage: string;
  adminIds: number[];
}

export class ConfigError extends Error {}

export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Configuration error: ${String(issue.path[0])}: ${issue.message}`);
  }
  const c = parsed.data;
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
    logLevel: c.LOG_LEVEL,
    consoleLanguage: c.CONSOLE_LANGUAGE ?? 'en',
    adminIds: c.ADMIN_IDS ? c.ADMIN_IDS.split(',').map((id) => Number(id.trim())) : [],
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
