/** Builds the bot's dependencies from the configuration: shared by main, the console and the CLIs. */
import type { BotDeps } from './bot/context.ts';
import { today } from './check/rules.ts';
import type { Config } from './infra/config.ts';
import { I18n } from './i18n/index.ts';
import { DataService } from './data/service.ts';
import type { Logger } from './infra/logger.ts';
import { DocumentReader } from './read/reader.ts';
import { openStorage } from './storage/open.ts';

export async function createDeps(config: Config, logger: Logger): Promise<BotDeps> {
  const [data, store, i18n] = await Promise.all([DataService.load(config), openStorage(config, logger), I18n.create()]);
  // The reading process starts with the first document, not here: most runs never read one.
  const reader = new DocumentReader({ dataDir: config.dataDir, logger });
  return { data, store, i18n, logger, adminIds: new Set(config.adminIds), staffChatId: config.staffChatId, today: () => today(), reader };
}
