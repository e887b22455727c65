import { Composer } from 'grammy';
import { encodeCallback, onButton } from '../callback-data.ts';
import type { Button } from '../../reply/answer.ts';
import type { Translate } from '../../i18n/index.ts';
import type { BotContext } from '../context.ts';

export const feedbackFeature = new Composer<BotContext>();

/** The 👍 / 👎 row under an answer; callback data stays an ASCII id (≤ 64 bytes). */
export function feedbackRow(entryId: string, t: Translate): Button[] {
  return [
    { text: t('feedback.up'), data: encodeCallback({ kind: 'fb', id: entryId, vote: 'up' }) },
    { text: t('feedback.down'), data: encodeCallback({ kind: 'fb', id: entryId, vote: 'down' }) },
  ];
}

// Acknowledged with a toast only: no message in the chat.
onButton(feedbackFeature, 'fb', async (ctx, { id: entryId, vote }) => {
  const known = ctx.deps.data.current().knowledge.kb.byId.has(entryId);
  const recorded = known && (await ctx.deps.store.recordFeedback(ctx.from!.id, entryId, vote));
  ctx.outcome = recorded ? `feedback:${vote}` : 'feedback:repeat';
  await ctx.answerCallbackQuery({ text: ctx.t(recorded ? 'feedback.thanks' : known ? 'feedback.already' : 'stale_button') });
});
