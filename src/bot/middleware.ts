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

/** No feature reads more of a message than this (search reads 500 characters, names far fewer). */
export const MAX_TEXT_LENGTH = 1000;

/** Cut at a character boundary (never half a surrogate pair). */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The one "addressed to me" gate, in front of every feature that reads a message:
 * - every message's text is cut to MAX_TEXT_LENGTH first, so no message costs more
 *   than its first thousand characters of work;
 * - in private chats everything is for the bot;
 * - in groups only a command meant for it (/cmd or /cmd@this_bot), a mention of
 *   @this_bot (removed from the text the features read) or a reply to one of its
 *   messages gets through. Anything else is somebody else's conversation: no
 *   answer, no wizard step, no "send text" hint, no rate-limit count.
 * Button presses and other updates pass untouched (they belong to our own messages).
 */
export const addressedToBot: Middleware<BotContext> = async (ctx, next) => {
  const message = ctx.message ?? ctx.editedMessage;
  if (!message) return next();
  if (message.text !== undefined) message.text = cutText(message.text, MAX_TEXT_LENGTH);
  if (message.caption !== undefined) message.caption = cutText(message.caption, MAX_TEXT_LENGTH);
  if (ctx.chat?.type === 'private') return next();

  const username = ctx.me.username.toLowerCase();
  const text = message.text ?? message.caption ?? '';
  const command = message.entities?.[0]?.type === 'bot_command' && message.entities[0].offset === 0 ? text.slice(0, message.entities[0].length) : undefined;
  if (command) {
    const target = command.split('@')[1]?.toLowerCase();
    if (target === undefined || target === username) return next();
    ctx.outcome = 'group_not_addressed';
    return;
  }
  const mention = new RegExp(`@${escapeRegExp(ctx.me.username)}\\b`, 'ig');
  if (mention.test(text)) {
    // The features read the question, not the mention.
    if (message.text !== undefined) {
      message.text = message.text.replace(mention, ' ').replace(/\s+/g, ' ').trim();
      delete message.entities;
    }
    return next();
  }
  if (message.reply_to_message?.from?.id === ctx.me.id) return next();
  ctx.outcome = 'group_not_addressed';
};
