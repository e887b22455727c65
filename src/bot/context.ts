import type { Context, SessionFlavor } from 'grammy';
import type { DataService } from '../data/service.ts';
import type { I18n, Translate } from '../i18n/index.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Logger } from '../infra/logger.ts';
import type { DocumentReader } from '../read/reader.ts';
import type { Storage } from '../storage/types.ts';
import type { SessionData } from './session-data.ts';

/** Everything the bot needs, passed in so tests and the console build it the same way. */
export interface BotDeps {
  /** FAQ with its search index, countries and document types: read current() per update (hot reload swaps it). */
  data: DataService;
  /** Sessions and the repository: the lowdb file, or PostgreSQL shared by replicas. */
  store: Storage;
  /** Telegram user ids allowed to use the staff commands. */
  adminIds: ReadonlySet<number>;
  /** The staff group or forum supergroup for /human; undefined: no handoff. */
  staffChatId?: number;
  /** Today's date (YYYY-MM-DD) for date-dependent verdicts; injected so tests can fix it. */
  today: () => string;
  i18n: I18n;
  logger: Logger;
  /** Reads photos and PDFs of documents (OCR in a child process); without it, files get the text-only hint. */
  reader?: DocumentReader;
}

export interface BotContextFlavor {
  deps: BotDeps;
  /** The user's locale: saved choice, else Telegram's language_code, else English. */
  locale: Locale;
  t: Translate;
  /** What the bot did with the update, for the update log (e.g. "answered", "check:apostille"). */
  outcome?: string;
}

export type BotContext = Context & BotContextFlavor & SessionFlavor<SessionData>;
