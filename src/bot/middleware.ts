/** Cross-cutting middleware: one log line per update, each update once, and a per-user rate limit. */
import type { Middleware } from 'grammy';
import { isRetryLater, UpdateInProgressError } from '../storage/types.ts';
import type { BotContext } from './context.ts';

/** Logs every update once, with what happened and how long it took. */
export const logUpdates: Middleware<BotContext> = async (ctx, next) => {
  const started = performance.now();
  try {
    await next();
  } catch (error) {
    ctx.outcome ??= isRetryLater(error) ? 'retry_later' : 'error';
    throw error;
  } finally {
    ctx.deps.logger.info(
      {
        update_id: ctx.update.update_id,
        kind: Object.keys(ctx.update).find((k) => k !== 'update_id'),
        outcome: ctx.outcome ?? 'handled',
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'update',
    );
  }
};

export interface RateLimitOptions {
  /** Messages a user may send per window. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

/**
 * At most `limit` messages per user per window, counted in the storage backend, so
 * all replicas share one window per user. The first message over the limit gets
 * one polite notice (the count is atomic: exactly one message is number limit + 1);
 * the rest of the window is dropped silently, so a flood does not turn into a flood
 * of notices. Button presses are answered as usual.
 */
export function rateLimit(options: RateLimitOptions): Middleware<BotContext> {
  const now = options.now ?? Date.now;
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined || !ctx.message) return next();
    const at = now();
    const window = await ctx.deps.store.countMessage(userId, at, options.windowMs);
    if (window.count <= options.limit) return next();
    ctx.outcome = 'rate_limited';
    if (window.count > options.limit + 1) return;
    await ctx.reply(ctx.t('rate_limit.notice', { seconds: Math.max(1, Math.ceil((window.start + options.windowMs - at) / 1000)) }));
  };
}

/**
 * Each update_id is handled once, across restarts and replicas (Telegram delivers
 * an update again when it saw no answer in time). A duplicate of a handled update is
 * skipped; one another replica is handling right now is refused (UpdateInProgressError:
 * the webhook answers 503, Telegram re-sends it later). An update whose handling
 * failed is released, so its re-delivery is handled.
 */
export const oncePerUpdate: Middleware<BotContext> = async (ctx, next) => {
  const { store } = ctx.deps;
  const id = ctx.update.update_id;
  const claim = await store.claimUpdate(id);
  if (claim === 'done') {
    ctx.outcome = 'duplicate';
    return;
  }
  if (claim === 'busy') {
    ctx.outcome = 'duplicate_in_progress';
    throw new UpdateInProgressError(id);
  }
  try {
    await next();
  } catch (error) {
    await store.releaseUpdate(id).catch(() => undefined);
    throw error;
  }
  await store.finishUpdate(id);
};
