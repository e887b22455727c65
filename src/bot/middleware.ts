/** Cross-cutting middleware: one log line per update, each update once, and a per-user rate limit. */
import type { Middleware } from 'grammy';
import type { MessageEntity } from 'grammy/types';
import { isRetryLater, UpdateInProgressError, type Repository } from '../storage/types.ts';
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

/** Calls that put something in front of the user: after one of them, the update must not be handled again. */
const VISIBLE_CALL = /^(?:send|edit|copy|forward)[A-Z]/;
/** Answered updates whose done mark is still being written, at most this many (oldest forgotten first). */
const MAX_UNRECORDED = 10_000;
const RECORD_RETRY_MS = { first: 500, max: 10_000 };

/**
 * Updates this process answered but could not yet mark done in the store (it was away):
 * a re-delivery of one is skipped here, and the mark is written as soon as the store is back.
 */
class AnsweredLedger {
  private readonly unrecorded = new Set<number>();
  constructor(private readonly store: Repository) {}

  has(updateId: number): boolean {
    return this.unrecorded.has(updateId);
  }

  /** Marks the update done, now or (the store being away) in the background until it works. */
  async record(updateId: number): Promise<void> {
    try {
      await this.store.finishUpdate(updateId);
    } catch {
      this.unrecorded.add(updateId);
      if (this.unrecorded.size > MAX_UNRECORDED) this.unrecorded.delete(this.unrecorded.values().next().value!);
      void this.retry(updateId);
    }
  }

  private async retry(updateId: number): Promise<void> {
    for (let delay = RECORD_RETRY_MS.first; this.unrecorded.has(updateId); delay = Math.min(delay * 2, RECORD_RETRY_MS.max)) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      try {
        await this.store.finishUpdate(updateId);
        this.unrecorded.delete(updateId);
      } catch {
        // Still away: try again later.
      }
    }
  }
}

const ledgers = new WeakMap<Repository, AnsweredLedger>();
const ledgerOf = (store: Repository) => ledgers.get(store) ?? ledgers.set(store, new AnsweredLedger(store)).get(store)!;

/**
 * Each update_id is handled once, across restarts and replicas (Telegram delivers
 * an update again when it saw no answer in time). A duplicate of a handled update is
 * skipped; one another replica is handling right now is refused (UpdateInProgressError:
 * the webhook answers 503, Telegram re-sends it later). An update whose handling
 * failed before anything reached the user is released, so its re-delivery is handled;
 * once a reply went out, the update counts as handled whatever fails after it (a session
 * write to a store that went away), so a re-delivery never answers twice.
 */
export const oncePerUpdate: Middleware<BotContext> = async (ctx, next) => {
  const { store } = ctx.deps;
  const ledger = ledgerOf(store);
  const id = ctx.update.update_id;
  if (ledger.has(id)) {
    ctx.outcome = 'duplicate';
    return;
  }
  const claim = await store.claimUpdate(id);
  if (claim === 'done') {
    ctx.outcome = 'duplicate';
    return;
  }
  if (claim === 'busy') {
    ctx.outcome = 'duplicate_in_progress';
    throw new UpdateInProgressError(id);
  }
  let answered = false;
  ctx.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (result.ok && VISIBLE_CALL.test(method)) answered = true;
    return result;
  });
  try {
    await next();
  } catch (error) {
    if (!answered) {
      await store.releaseUpdate(id).catch(() => undefined);
      throw error;
    }
    ctx.deps.logger.warn({ update_id: id, err: error instanceof Error ? error.name : 'unknown' }, 'update answered, then failed; not handled again');
  }
  await ledger.record(id);
};

/** No feature reads more of a message than this (search reads 500 characters, names far fewer). */
export const MAX_TEXT_LENGTH = 1000;

/** Cut at a character boundary (never half a surrogate pair). */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Telegram's own mentions of this bot in a message: "@its_name" entities and text mentions
 * of its user. Read from the entities, not the text, so x@its_name.com (an e-mail address
 * to Telegram) is not one.
 */
function mentionsOfMe(ctx: BotContext, entities: MessageEntity[], text: string): MessageEntity[] {
  const name = `@${ctx.me.username}`.toLowerCase();
  return entities.filter((e) => (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === name) || (e.type === 'text_mention' && e.user.id === ctx.me.id));
}

/** The text with the @mentions cut out and its spaces tidied. */
function withoutRanges(text: string, ranges: MessageEntity[]): string {
  let out = text;
  for (const r of [...ranges].filter((e) => e.type === 'mention').sort((a, b) => b.offset - a.offset)) out = `${out.slice(0, r.offset)} ${out.slice(r.offset + r.length)}`;
  return out.replace(/\s+/g, ' ').trim();
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
  const mentions = mentionsOfMe(ctx, message.entities ?? message.caption_entities ?? [], text);
  if (mentions.length) {
    // The features read the question, not the mention.
    if (message.text !== undefined) {
      message.text = withoutRanges(message.text, mentions);
      delete message.entities;
    }
    return next();
  }
  if (message.reply_to_message?.from?.id === ctx.me.id) return next();
  ctx.outcome = 'group_not_addressed';
};
