/**
 * /start and /help. /start also opens deep links (t.me/<bot>?start=<payload>):
 * faq_<entry id> opens that answer, chk_<document id>_<country code> that
 * verdict (…_cn: a document from that country used in China). An unknown or
 * stale payload gets the normal welcome.
 */
import { Composer } from 'grammy';
import { verdictReply } from '../../reply/verdict-card.ts';
import { checkDocument, type Direction } from '../../check/rules.ts';
import { POPULAR_TOPICS, topicButtons } from '../../reply/answer.ts';
import { encodeCallback } from '../callback-data.ts';
import type { BotContext } from '../context.ts';
import { sendReply } from '../send.ts';
import { openMenuData } from './browse.ts';
import { entryCard } from './feedback.ts';
import { askPersonRow } from './staff.ts';

export const startFeature = new Composer<BotContext>();

const FAQ_PAYLOAD = /^faq_([a-z0-9-]+)$/;
const CHECK_PAYLOAD = /^chk_([a-z0-9-]+)_([A-Z]{2})(_cn)?$/;

/** The start parameter that opens an answer. */
export const faqPayload = (entryId: string) => `faq_${entryId}`;
/** The start parameter that opens a verdict. */
export const checkPayload = (documentId: string, countryCode: string, direction: Direction = 'from_china') =>
  `chk_${documentId}_${countryCode}${direction === 'to_china' ? '_cn' : ''}`;
/** A link anyone can open: Telegram starts the bot with the payload. */
export const deepLink = (botUsername: string, payload: string) => `https://t.me/${botUsername}?start=${payload}`;

/** Opens what a deep link names; false when it names nothing (any more). */
async function openPayload(ctx: BotContext, payload: string): Promise<boolean> {
  const { knowledge, tables } = ctx.deps.data.current();
  const faq = FAQ_PAYLOAD.exec(payload);
  const entry = faq ? knowledge.kb.byId.get(faq[1]!) : undefined;
  if (entry) {
    ctx.outcome = `deep_link:faq:${entry.id}`;
    await sendReply(ctx, entryCard(entry, knowledge.kb.byId, ctx.locale, ctx.t, askPersonRow(ctx.deps, ctx.t)));
    return true;
  }
  const check = CHECK_PAYLOAD.exec(payload);
  if (check && tables.documents.some((d) => d.id === check[1]) && tables.countries.some((c) => c.code === check[2])) {
    const verdict = checkDocument({ document: check[1]!, country: check[2]!, direction: check[3] ? 'to_china' : 'from_china' }, tables, ctx.deps.today());
    ctx.outcome = `deep_link:check:${verdict.outcome}`;
    await sendReply(ctx, verdictReply(verdict, ctx.locale, ctx.t, { againData: encodeCallback({ kind: 'chk-new' }) }));
    return true;
  }
  return false;
}

startFeature.command('start', async (ctx) => {
  const payload = ctx.match.trim();
  if (payload && (await openPayload(ctx, payload))) return;
  const { kb } = ctx.deps.data.current().knowledge;
  const topics = POPULAR_TOPICS.map((id) => kb.byId.get(id)).filter((e) => e !== undefined);
  const buttons = [
    ...topicButtons(topics, ctx.locale),
    [{ text: ctx.t('faq_menu.button'), data: openMenuData() }],
    [
      { text: ctx.t('start.check_button'), data: encodeCallback({ kind: 'chk-new' }) },
      { text: ctx.t('start.language_button'), data: encodeCallback({ kind: 'lang-menu' }) },
    ],
  ];
  await sendReply(ctx, { html: ctx.t('start.text'), buttons });
});

// Staff see their commands too: in the staff chat, and admins anywhere.
startFeature.command('help', async (ctx) => {
  const admin = ctx.from !== undefined && ctx.deps.adminIds.has(ctx.from.id);
  const inStaffChat = ctx.deps.staffChatId !== undefined && ctx.chat?.id === ctx.deps.staffChatId;
  const parts = [ctx.t('help.text'), ...(admin || inStaffChat ? [ctx.t('help.staff')] : []), ...(admin ? [ctx.t('help.admin')] : [])];
  await sendReply(ctx, { html: parts.join('\n\n'), buttons: [] });
});
