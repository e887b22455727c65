import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

/** The last features: non-text messages, unknown commands and buttons nobody handles any more. */
export const fallbacksFeature = new Composer<BotContext>();

fallbacksFeature.on('message:text', async (ctx) => {
  await ctx.reply(ctx.t('unknown_command'));
});

fallbacksFeature.on('message', async (ctx) => {
  await ctx.reply(ctx.t('nontext.hint'), { parse_mode: 'HTML' });
});

fallbacksFeature.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('stale_button') });
});
