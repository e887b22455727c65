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
  // The staff chat is where staff answer users without addressing the bot, at full length (features/staff.ts).
  if (ctx.deps.staffChatId !== undefined && ctx.chat?.id === ctx.deps.staffChatId) return next();
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
