/** Cross-cutting middleware: one log line per update, and a per-user rate limit. */
import type { Middleware } from 'grammy';
import type { BotContext } from './context.ts';

/** Logs every update once, with what happened and how long it took. */
export const logUpdates: Middleware<BotContext> = async (ctx, next) => {
  const started = performance.now();
  try {
    await next();
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
 * At most `limit` messages per user per window. The first message over the limit
 * gets one polite notice; the rest of the window is dropped silently, so a flood
 * does not turn into a flood of notices. Button presses are answered as usual.
 */
export function rateLimit(options: RateLimitOptions): Middleware<BotContext> {
  const now = options.now ?? Date.now;
  const windows = new Map<number, { start: number; count: number; noticed: boolean }>();
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined || !ctx.message) return next();
    const at = now();
    let window = windows.get(userId);
    if (!window || at - window.start >= options.windowMs) {
      window = { start: at, count: 0, noticed: false };
      windows.set(userId, window);
      // Forget idle users now and then, so the map does not grow without bound.
      if (windows.size > 10_000) for (const [id, w] of windows) if (at - w.start >= options.windowMs) windows.delete(id);
    }
    window.count++;
    if (window.count <= options.limit) return next();
    ctx.outcome = 'rate_limited';
    if (window.noticed) return;
    window.noticed = true;
    await ctx.reply(ctx.t('rate_limit.notice', { seconds: Math.ceil((window.start + options.windowMs - at) / 1000) }));
  };
}
