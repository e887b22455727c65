import { Composer, InlineKeyboard } from 'grammy';
import { LOCALES } from '../../i18n/locale.ts';
import { encodeCallback, onButton } from '../callback-data.ts';
import type { BotContext } from '../context.ts';
import { isHarmlessTelegramError } from '../send.ts';

export const languageFeature = new Composer<BotContext>();

function languageKeyboard(ctx: BotContext): InlineKeyboard {
  return InlineKeyboard.from([LOCALES.map((locale) => InlineKeyboard.text(ctx.deps.i18n.languageName(locale), encodeCallback({ kind: 'lang-set', locale })))]);
}

languageFeature.command('lang', async (ctx) => {
  await ctx.reply(ctx.t('lang.prompt'), { reply_markup: languageKeyboard(ctx) });
});

onButton(languageFeature, 'lang-menu', async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('lang.prompt'), { reply_markup: languageKeyboard(ctx) });
});

onButton(languageFeature, 'lang-set', async (ctx, { locale }) => {
  await ctx.answerCallbackQuery();
  ctx.session.user.locale = locale;
  ctx.locale = locale;
  ctx.t = ctx.deps.i18n.translator(locale);
  try {
    await ctx.editMessageText(ctx.t('lang.saved', { name: ctx.deps.i18n.languageName(locale) }));
  } catch (error) {
    if (!isHarmlessTelegramError(error)) throw error;
  }
});
