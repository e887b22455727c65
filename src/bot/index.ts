import { Bot, type BotConfig } from 'grammy';
import { localeFromLanguageCode } from '../knowledge/language.ts';
import type { BotContext, BotDeps } from './context.ts';
import { adminFeature } from './features/admin.ts';
import { askFeature } from './features/ask.ts';
import { checkFeature } from './features/check.ts';
import { fallbacksFeature } from './features/fallbacks.ts';
import { feedbackFeature } from './features/feedback.ts';
import { languageFeature } from './features/language.ts';
import { startFeature } from './features/start.ts';

export function createBot(token: string, deps: BotDeps, config?: BotConfig<BotContext>): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, config);

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    const userId = ctx.from?.id;
    ctx.locale = (userId !== undefined ? deps.store.getLocale(userId) : undefined) ?? localeFromLanguageCode(ctx.from?.language_code) ?? 'en';
    ctx.t = deps.i18n.translator(ctx.locale);
    await next();
  });

  // The boundary catches errors in every feature, in polling, webhook and console alike
  // (bot.catch alone only serves bot.start()): log, apologise, carry on.
  bot.errorBoundary(async ({ ctx, error }) => {
    deps.logger.error({ err: error instanceof Error ? error.message : String(error), update_id: ctx.update.update_id }, 'update failed');
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      if (ctx.chat) await ctx.reply(ctx.t('error.generic'));
    } catch {
      // The apology failed too (e.g. Telegram unreachable): the log line above is all we can do.
    }
  }).use(startFeature, languageFeature, adminFeature, checkFeature, feedbackFeature, askFeature, fallbacksFeature);

  return bot;
}
