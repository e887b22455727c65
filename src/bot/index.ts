import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotConfig } from 'grammy';
import { localeFromLanguageCode } from '../i18n/locale.ts';
import type { BotContext, BotDeps } from './context.ts';
import { adminFeature } from './features/admin.ts';
import { askFeature } from './features/ask.ts';
import { browseFeature } from './features/browse.ts';
import { checkFeature, leaveWizardOnCommand } from './features/check/index.ts';
import { documentFeature } from './features/document.ts';
import { fallbacksFeature } from './features/fallbacks.ts';
import { feedbackFeature } from './features/feedback.ts';
import { inlineFeature } from './features/inline.ts';
import { languageFeature } from './features/language.ts';
import { startFeature } from './features/start.ts';
import { broadcastFeature, rememberUser } from './features/broadcast.ts';
import { staffFeature } from './features/staff.ts';
import { subscriptionsFeature, watchCountryChanges } from './features/subscriptions.ts';
import { isRetryLater } from '../storage/types.ts';
import { addressedToBot, logUpdates, oncePerUpdate, rateLimit, type RateLimitOptions } from './middleware.ts';
import { sessions } from './session.ts';
import { htmlByDefault } from './send.ts';
import { installTransformers } from './transformers.ts';
import { DEFAULT_LANG } from '../i18n/languages.ts';

export interface RuntimeOptions {
  /** Queue outgoing calls within Telegram's flood limits. Default: off (tests); main turns it on. */
  throttle?: boolean;
  /** Messages per user per window; false turns the limit off. Default: 20 a minute. */
  rateLimit?: RateLimitOptions | false;
  /** Skip update_ids already handled (Telegram re-delivers). Default: off (tests, console); main turns it on. */
  dedupeUpdates?: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 20, windowMs: 60_000 };

/** Updates of one chat are handled in order; different chats run concurrently (runner polling). */
const chatKey = (ctx: BotContext) => (ctx.chat?.id ?? ctx.from?.id)?.toString();

export function createBot(token: string, deps: BotDeps, config?: BotConfig<BotContext>, runtime: RuntimeOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, config);
  installTransformers(bot.api, { throttle: runtime.throttle ?? false, logger: deps.logger });

  bot.use(sequentialize(chatKey));
  bot.use(async (ctx, next) => {
    ctx.api.config.use(htmlByDefault);
    ctx.deps = deps;
    await next();
  });
  bot.use(logUpdates);
  // Before everything that costs storage: in groups, only what is meant for the bot.
  bot.use(addressedToBot);
  if (runtime.dedupeUpdates) bot.use(oncePerUpdate);
  bot.use(sessions(deps.store));
  bot.use(async (ctx, next) => {
    ctx.locale = (ctx.from ? ctx.session.user.locale : undefined) ?? localeFromLanguageCode(ctx.from?.language_code) ?? DEFAULT_LANG;
    ctx.t = deps.i18n.translator(ctx.locale);
    await next();
  });

  const limit = runtime.rateLimit ?? DEFAULT_RATE_LIMIT;
  // The boundary catches errors in every feature, in polling, webhook and console alike
  // (bot.catch alone only serves bot.start()): log, apologise, carry on. Order before
  // it: one update per chat at a time, the log line, the group gate, each update once,
  // sessions, locale.
  const features = bot.errorBoundary(async ({ ctx, error }) => {
    // Storage unreachable: no apology; the update is not acknowledged and comes back.
    if (isRetryLater(error)) throw error;
    ctx.outcome = 'error';
    deps.logger.error({ err: error instanceof Error ? error.message : String(error), update_id: ctx.update.update_id }, 'update failed');
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      if (ctx.chat) await ctx.reply(ctx.t('error.generic'));
    } catch {
      // The apology failed too (e.g. Telegram unreachable): the log line above is all we can do.
    }
  });
  if (limit) features.use(rateLimit(limit));
  features.use(leaveWizardOnCommand);
  // The handoff first: a message for staff (or in the staff chat) is not a question for the bot.
  features.use(rememberUser, staffFeature, startFeature, browseFeature, inlineFeature, languageFeature, adminFeature, broadcastFeature, subscriptionsFeature);
  features.use(checkFeature, documentFeature, feedbackFeature, askFeature, fallbacksFeature);
  // Subscribers hear of a change to their country after any reload (file watch or /reload).
  watchCountryChanges(deps, bot.api);

  return bot;
}
