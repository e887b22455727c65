/**
 * Long polling while the storage backend is away: an update that failed because the
 * database could not be reached is held in memory and handled again once it is back,
 * and no further getUpdates is sent meanwhile, so Telegram keeps (and does not
 * consider confirmed) everything after it. The webhook needs none of this: it answers
 * 503 and Telegram re-sends.
 */
import type { Bot, Transformer } from 'grammy';
import type { Logger } from '../infra/logger.ts';
import { isRetryLater, UpdateInProgressError, type Storage } from '../storage/types.ts';
import type { BotContext } from './context.ts';

const PING_DELAY_MS = { first: 250, max: 5000 };
/** An update another process holds is looked at again after this long. */
const BUSY_RETRY_MS = 1000;

export function holdUpdatesWhileStorageDown(bot: Bot<BotContext>, store: Storage, logger: Logger): Transformer {
  let outage: Promise<void> | undefined;
  const waitForStorage = (error: unknown) =>
    (outage ??= (async () => {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'storage unavailable; holding updates until it is back');
      const started = Date.now();
      for (let delay = PING_DELAY_MS.first; ; delay = Math.min(delay * 2, PING_DELAY_MS.max)) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        try {
          await store.ping();
          break;
        } catch {
          // still away
        }
      }
      logger.info({ downMs: Date.now() - started }, 'storage is back; handling held updates');
      outage = undefined;
    })());

  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, envelope) => {
    for (;;) {
      try {
        return await handle(update, envelope);
      } catch (error) {
        if (!isRetryLater(error)) throw error;
        const inner = (error as { error?: unknown }).error;
        if (inner instanceof UpdateInProgressError) await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
        else await waitForStorage(inner ?? error);
      }
    }
  };
  return async (prev, method, payload, signal) => {
    if (method === 'getUpdates' && outage) await outage;
    return prev(method, payload, signal);
  };
}
