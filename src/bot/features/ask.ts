import { Composer } from 'grammy';
import { checkDocument } from '../../check/rules.ts';
import { langOf, replyLocale } from '../../i18n/locale.ts';
import { verdictReply } from '../../reply/verdict-card.ts';
import { answerQuestion, REPRESENTATIVE_DOCUMENT } from '../../reply/answer.ts';
import { freshFollowUp } from '../../storage/types.ts';
import { readFollowUpContext, type FollowUpContext } from '../../understand/index.ts';
import { onButton } from '../callback-data.ts';
import type { BotContext } from '../context.ts';
import { sendReply } from '../send.ts';
import { openMenuData } from './browse.ts';
import { entryCard, feedbackRow } from './feedback.ts';
import { askPersonRow, rememberExchange } from './staff.ts';

/** Answers this close to the threshold are logged for staff as low-confidence. */
const LOW_CONFIDENCE_MARGIN = 0.1;

export const askFeature = new Composer<BotContext>();

/** The member's previous question in this chat, while it is fresh (kept in the chat session as it was read). */
function previousContext(ctx: BotContext): FollowUpContext | undefined {
  return readFollowUpContext(freshFollowUp(ctx.session.chat));
}

function rememberContext(ctx: BotContext, context: FollowUpContext): void {
  ctx.session.chat.followUp = { at: Date.now(), context };
}

askFeature.on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  // In groups the gate (middleware.ts addressedToBot) lets through only what is addressed to the bot, without the mention.
  const text = ctx.message.text.trim();
  if (!text) {
    ctx.outcome = 'empty';
    return;
  }
  // Answer in the language of the question; the saved choice only when the text says nothing.
  const locale = replyLocale(text, ctx.locale);
  const { knowledge, tables } = ctx.deps.data.current();
  const { kb, index } = knowledge;
  const t = ctx.deps.i18n.translator(locale);
  const store = ctx.deps.store;
  const userId = ctx.from?.id;
  const previous = userId !== undefined ? previousContext(ctx) : undefined;
  const answer = answerQuestion({ index, byId: kb.byId, tables, today: ctx.deps.today() }, text, locale, t, previous);
  const { result, entry, kind } = answer;
  ctx.outcome = kind === 'verdict' ? `verdict:${answer.verdicts[0]?.country?.code}` : kind === 'answer' ? `answered:${entry?.id}` : kind;
  ctx.deps.logger.debug({ kind, id: entry?.id, score: Number(result.score.toFixed(3)), locale, followUp: answer.understanding.followUp }, 'question answered');
  // An answer gets 👍/👎 and the fallback a way to browse every topic; both, a way to ask a person.
  const extraRows = entry ? [feedbackRow(entry.id, t)] : kind === 'fallback' ? [[{ text: t('faq_menu.button'), data: openMenuData() }]] : [];
  const personRows = entry || kind === 'fallback' ? askPersonRow(ctx.deps, t) : [];
  const reply = { ...answer.reply, buttons: [...answer.reply.buttons, ...extraRows, ...personRows] };
  await sendReply(ctx, reply);
  if (userId !== undefined) rememberExchange(ctx.session.chat, text, reply.html);
  // The next message may be a follow-up to this one; small talk keeps the question before it.
  if (userId !== undefined && (kind === 'answer' || kind === 'verdict')) rememberContext(ctx, answer.understanding.context);
  if (kind === 'smalltalk') return;
  // What staff need to see: questions we could not answer, or answered with little confidence.
  await store.recordQuestion(entry?.id, ctx.deps.today());
  const weak = kind === 'answer' && result.score < index.threshold + LOW_CONFIDENCE_MARGIN;
  if (kind === 'fallback' || weak) await store.recordUnanswered(text, langOf(locale), weak);
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
  ctx.outcome = `related:${entry.id}`;
  const t = ctx.deps.i18n.translator(locale);
  await sendReply(ctx, entryCard(entry, kb.byId, locale, t, askPersonRow(ctx.deps, t)));
});

// The full verdict card behind an answer's button.
onButton(askFeature, 'vrd', async (ctx, { document, country, direction, locale }) => {
  const { tables } = ctx.deps.data.current();
  if (!tables.country(country) || (document && !tables.document(document))) {
    await ctx.answerCallbackQuery({ text: ctx.t('stale_button') });
    return;
  }
  await ctx.answerCallbackQuery();
  const verdict = checkDocument({ document: document ?? REPRESENTATIVE_DOCUMENT, country, direction }, tables, ctx.deps.today());
  ctx.outcome = `verdict_card:${country}`;
  await sendReply(ctx, verdictReply(verdict, locale, ctx.deps.i18n.translator(locale)));
});
