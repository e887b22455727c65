import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

/** The last features: non-text messages, unknown commands and buttons nobody handles any more. */
export const fallbacksFeature = new Composer<BotContext>();

// In groups, other people's commands and messages are not for us: stay quiet.
fallbacksFeature.on('message').filter((ctx) => ctx.chat.type !== 'private', (ctx) => {
  ctx.outcome = 'group_ignored';
});

fallbacksFeature.on('message:text', async (ctx) => {
  ctx.outcome = 'unknown_command';
  await ctx.reply(ctx.t('unknown_command'));
});

fallbacksFeature.on('message', async (ctx) => {
  ctx.outcome = 'non_text';
  await ctx.reply(ctx.t('nontext.hint'));
});

fallbacksFeature.on('callback_query', async (ctx) => {
  ctx.outcome = 'stale_button';
  await ctx.answerCallbackQuery({ text: ctx.t('stale_button') });
});
