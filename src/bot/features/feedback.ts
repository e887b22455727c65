import { Composer } from 'grammy';
import { encodeCallback, onButton } from '../callback-data.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { FaqEntry } from '../../knowledge/schema.ts';
import { relatedEntries, renderAnswer, type Button, type Reply } from '../../reply/answer.ts';
import type { BotContext } from '../context.ts';

export const feedbackFeature = new Composer<BotContext>();

/** The 👍 / 👎 row under an answer; callback data stays an ASCII id (≤ 64 bytes). */
export function feedbackRow(entryId: string, t: Translate): Button[] {
  return [
    { text: t('feedback.up'), data: encodeCallback({ kind: 'fb', id: entryId, vote: 'up' }) },
    { text: t('feedback.down'), data: encodeCallback({ kind: 'fb', id: entryId, vote: 'down' }) },
  ];
}

/** One entry's answer as a chat card: the answer, related questions, Share, 👍 / 👎, and any rows to go under them ("Ask a person"). */
export function entryCard(entry: FaqEntry, byId: Map<string, FaqEntry>, locale: Locale, t: Translate, belowFeedback: Button[][] = []): Reply {
  const reply = renderAnswer(entry, relatedEntries(entry, byId), locale, t);
  return { ...reply, buttons: [...reply.buttons, feedbackRow(entry.id, t), ...belowFeedback] };
}

// Acknowledged with a toast only: no message in the chat.
onButton(feedbackFeature, 'fb', async (ctx, { id: entryId, vote }) => {
  const known = ctx.deps.data.current().knowledge.kb.byId.has(entryId);
  const recorded = known && (await ctx.deps.store.recordFeedback(ctx.from!.id, entryId, vote));
  ctx.outcome = recorded ? `feedback:${vote}` : 'feedback:repeat';
  await ctx.answerCallbackQuery({ text: ctx.t(recorded ? 'feedback.thanks' : known ? 'feedback.already' : 'stale_button') });
});
