import { Composer } from 'grammy';
import { POPULAR_TOPICS, topicButtons } from '../../reply/answer.ts';
import { encodeCallback } from '../callback-data.ts';
import type { BotContext } from '../context.ts';
import { sendReply } from '../send.ts';

export const startFeature = new Composer<BotContext>();

startFeature.command('start', async (ctx) => {
  const { kb } = ctx.deps.data.current().knowledge;
  const topics = POPULAR_TOPICS.map((id) => kb.byId.get(id)).filter((e) => e !== undefined);
  const buttons = [
    ...topicButtons(topics, ctx.locale),
    [
      { text: ctx.t('start.check_button'), data: encodeCallback({ kind: 'chk-new' }) },
      { text: ctx.t('start.language_button'), data: encodeCallback({ kind: 'lang-menu' }) },
    ],
  ];
  await sendReply(ctx, { html: ctx.t('start.text'), buttons });
});

startFeature.command('help', async (ctx) => {
  await sendReply(ctx, { html: ctx.t('help.text'), buttons: [] });
});
