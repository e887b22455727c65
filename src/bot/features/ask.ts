import { Composer } from 'grammy';
import { onButton } from '../callback-data.ts';
import { detectLocale, langOf } from '../../knowledge/language.ts';
import { answerQuestion, relatedEntries, renderAnswer } from '../../reply/answer.ts';
import type { BotContext } from '../context.ts';
import { sendReply } from '../send.ts';
import { feedbackRow } from './feedback.ts';

/** Answers this close to the threshold are logged for staff as low-confidence. */
const LOW_CONFIDENCE_MARGIN = 0.1;

export const askFeature = new Composer<BotContext>();

askFeature.on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  // In groups the gate (middleware.ts addressedToBot) lets through only what is addressed to the bot, without the mention.
  const text = ctx.message.text.trim();
  if (!text) {
    ctx.outcome = 'empty';
    return;
  }
  // Answer in the language of the question; the saved choice only when the text says nothing.
  const locale = detectLocale(text) ?? ctx.locale;
  const { kb, index } = ctx.deps.data.current().knowledge;
  const t = ctx.deps.i18n.translator(locale);
  const answer = answerQuestion(index, kb.byId, text, locale, t);
  const { result } = answer;
  ctx.outcome = result.matched ? `answered:${result.entry?.id}` : 'unanswered';
  ctx.deps.logger.debug({ matched: result.matched, id: result.entry?.id, score: Number(result.score.toFixed(3)), locale }, 'question answered');
  const reply = result.entry ? { ...answer.reply, buttons: [...answer.reply.buttons, feedbackRow(result.entry.id, t)] } : answer.reply;
  await sendReply(ctx, reply);
  // What staff need to see: questions we could not answer, or answered with little confidence.
  const store = ctx.deps.store;
  await store.recordQuestion(result.entry?.id, ctx.deps.today());
  const weak = result.matched && result.score < index.threshold + LOW_CONFIDENCE_MARGIN;
  if (!result.matched || weak) await store.recordUnanswered(text, langOf(locale), weak);
});

// A related-question button, answered in the locale of the message it came from.
onButton(askFeature, 'faq', async (ctx, { id, locale }) => {
  const { kb } = ctx.deps.data.current().knowledge;
  const entry = kb.byId.get(id);
  if (!entry) {
    await ctx.answerCallbackQuery({ text: ctx.t('stale_button') });
    return;
  }
  await ctx.answerCallbackQuery();
  const related = relatedEntries(entry, kb.byId);
  const t = ctx.deps.i18n.translator(locale);
  const reply = renderAnswer(entry, related, locale, t);
  ctx.outcome = `related:${entry.id}`;
  await sendReply(ctx, { ...reply, buttons: [...reply.buttons, feedbackRow(entry.id, t)] });
});
