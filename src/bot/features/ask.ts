import { Composer } from 'grammy';
import { detectLocale, isLocale } from '../../knowledge/language.ts';
import { answerQuestion, relatedEntries, renderAnswer } from '../../reply/answer.ts';
import type { BotContext } from '../context.ts';
import { sendReply } from '../send.ts';

export const askFeature = new Composer<BotContext>();

askFeature.on('message:text', async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith('/')) return next();
  // Answer in the language of the question; the saved choice only when the text says nothing.
  const locale = detectLocale(text) ?? ctx.locale;
  const { kb, index } = ctx.deps.knowledge.current();
  const answer = answerQuestion(index, kb.byId, text, locale, ctx.deps.i18n.translator(locale));
  ctx.deps.logger.info({ matched: answer.result.matched, id: answer.result.entry?.id, score: Number(answer.result.score.toFixed(3)), locale }, 'question answered');
  await sendReply(ctx, answer.reply);
});

// A related-question button: faq:<id>:<locale>, answered in the locale of the message it came from.
askFeature.callbackQuery(/^faq:([a-z0-9-]+):([A-Za-z-]+)$/, async (ctx) => {
  const [, id = '', localeText] = ctx.match;
  const { kb } = ctx.deps.knowledge.current();
  const entry = kb.byId.get(id);
  if (!entry) {
    await ctx.answerCallbackQuery({ text: ctx.t('stale_button') });
    return;
  }
  await ctx.answerCallbackQuery();
  const locale = isLocale(localeText) ? localeText : ctx.locale;
  const related = relatedEntries(entry, kb.byId);
  await sendReply(ctx, renderAnswer(entry, related, locale, ctx.deps.i18n.translator(locale)));
});
