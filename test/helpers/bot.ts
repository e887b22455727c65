import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotDeps } from '../../src/bot/context.ts';
import { DataService } from '../../src/data/service.ts';
import { createBot, type RuntimeOptions } from '../../src/bot/index.ts';
import { LOCAL_BOT_INFO, LocalApi } from '../../src/bot/local-api.ts';
import { callbackUpdate, textUpdate, type LocalUser } from '../../src/bot/updates.ts';
import { I18n } from '../../src/i18n/index.ts';
import type { KnowledgeBase } from '../../src/knowledge/load.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { silentLogger } from '../../src/infra/logger.ts';
import { Store } from '../../src/storage/store.ts';
import type { Storage } from '../../src/storage/types.ts';

export const FAQ_PATH = 'data/faq.json';
export const DATA_PATHS = { faqFile: FAQ_PATH, countriesFile: 'data/countries.json', documentsFile: 'data/documents.json' };

/** The shipped data, loaded once per test file (each bot gets the same read-only snapshot). */
let shippedDataCache: Promise<DataService> | undefined;
export function shippedData(): Promise<DataService> {
  shippedDataCache ??= DataService.load(DATA_PATHS);
  return shippedDataCache;
}

export async function tempDir(prefix = 'apostille-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface TestBot {
  bot: ReturnType<typeof createBot>;
  api: LocalApi;
  deps: BotDeps;
  storePath: string;
  /** Sends a text message as `user` and returns what the bot sent in reply. */
  say(text: string, user?: LocalUser): Promise<Record<string, unknown>[]>;
  /** Presses a button (callback data) on message `messageId`. */
  press(data: string, user?: LocalUser, messageId?: number): Promise<Record<string, unknown>[]>;
}

export const USER_EN: LocalUser = { id: 42, first_name: 'Ann', language_code: 'en' };
export const USER_ZH: LocalUser = { id: 43, first_name: '王', language_code: 'zh-hans' };
export const USER_HK: LocalUser = { id: 44, first_name: '陳', language_code: 'zh-HK' };
export const ADMIN: LocalUser = { id: 7, first_name: 'Staff', language_code: 'zh' };

export async function createTestBot(
  options: { kb?: KnowledgeBase; data?: DataService; storePath?: string; store?: Storage; today?: string; adminIds?: number[]; staffChatId?: number; runtime?: RuntimeOptions } = {},
): Promise<TestBot> {
  const storePath = options.storePath ?? join(await tempDir(), 'store.json');
  const shipped = options.data ?? (await shippedData());
  const data = options.kb ? new DataService({ ...shipped.current(), knowledge: buildKnowledge(options.kb) }) : shipped;
  const deps: BotDeps = {
    data,
    store: options.store ?? (await Store.open(storePath)),
    i18n: await I18n.create(),
    logger: silentLogger,
    today: () => options.today ?? '2026-11-29',
    adminIds: new Set(options.adminIds ?? [ADMIN.id]),
    staffChatId: options.staffChatId,
  };
  const api = new LocalApi();
  const bot = api.install(createBot('0:test', deps, { botInfo: LOCAL_BOT_INFO }, options.runtime));
  const collect = async (run: () => Promise<void>) => {
    const before = api.calls.length;
    await run();
    return api.calls.slice(before).map((c) => ({ method: c.method, ...c.payload }));
  };
  return {
    bot,
    api,
    deps,
    storePath,
    say: (text, user = USER_EN) => collect(() => bot.handleUpdate(textUpdate(user, text))),
    press: (data, user = USER_EN, messageId = 1) => collect(() => bot.handleUpdate(callbackUpdate(user, data, messageId))),
  };
}

export interface SentButton {
  text: string;
  callback_data: string;
  /** A Share button (switch_inline_query) has this instead of callback data. */
  switch_inline_query?: string;
}

/** The inline keyboard of a sendMessage payload, flattened. */
export function buttonsOf(call: Record<string, unknown> | undefined): SentButton[] {
  const markup = call?.reply_markup as { inline_keyboard?: SentButton[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}
