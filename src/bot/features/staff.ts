/**
 * "Ask a person": a user reaches staff with /human (or the button under a fallback or an
 * answer); their message, with who they are and their last question and the bot's answer,
 * goes to the staff chat (STAFF_CHAT_ID), in their own topic when it is a forum. Staff answer
 * by replying there (or writing in the topic); the bot delivers it to the chat the user asked
 * in. Later messages of the user go to staff too, until staff /close or 24 h pass. In the staff
 * chat, /faq as a reply to a staff answer saves an FAQ draft (never data/faq.json itself).
 */
import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import { htmlToPlain, quoteUserText } from '../../format/html.ts';
import type { Translate } from '../../i18n/index.ts';
import { DEFAULT_LANG } from '../../i18n/languages.ts';
import { detectLocale, langOf, replyLocale } from '../../i18n/locale.ts';
import type { Button } from '../../reply/answer.ts';
import { HANDOFF_AWAIT_MS, HANDOFF_TTL_MS, isThreadOpen, type HandoffThread } from '../../storage/support-types.ts';
import type { ChatSession } from '../../storage/types.ts';
import { onButton } from '../callback-data.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { copyToStaff, deliverToUser, displayName, postHtml, relayHtml, staffCard, staffPlace, type StaffPlace } from './staff-chat.ts';

export const staffFeature = new Composer<BotContext>();

/** What staff see of the last exchange: enough to tell what was asked and answered. */
const EXCHANGE_LIMITS = { question: 300, answer: 700 };

/** The "Ask a person" row, when there is a staff chat to ask in. */
export function askPersonRow(deps: BotDeps, t: Translate): Button[][] {
  return deps.staffChatId === undefined ? [] : [[{ text: t('staff.ask_button'), action: { kind: 'human' } }]];
}

/** Keeps the question and the bot's answer (plain text, cut short) for a /human message that may follow. */
export function rememberExchange(session: ChatSession, question: string, answerHtml: string): void {
  session.lastExchange = { question: quoteUserText(question, EXCHANGE_LIMITS.question), answer: quoteUserText(htmlToPlain(answerHtml), EXCHANGE_LIMITS.answer), at: Date.now() };
}

const isStaffChat = (ctx: BotContext) => ctx.deps.staffChatId !== undefined && ctx.chat?.id === ctx.deps.staffChatId;
const users = staffFeature.filter((ctx) => !isStaffChat(ctx));
const staff = staffFeature.filter(isStaffChat);

const isCommand = (message: Message) => message.entities?.[0]?.type === 'bot_command' && message.entities[0].offset === 0;

async function askForMessage(ctx: BotContext): Promise<void> {
  if (ctx.deps.staffChatId === undefined) {
    await ctx.reply(ctx.t('staff.unavailable'));
    return;
  }
  ctx.session.chat.handoff = { ...ctx.session.chat.handoff, awaitingSince: Date.now() };
  ctx.outcome = 'handoff_prompt';
  await ctx.reply(ctx.t('staff.ask_prompt'));
}

/** Links the messages posted in the staff chat to the user, so a reply to any of them reaches them. */
async function linkAll(deps: BotDeps, staffChatId: number, messageIds: number[], userId: number, question: string): Promise<void> {
  for (const messageId of messageIds) await deps.store.support.linkStaffMessage({ staffChatId, messageId, userId, question });
}

/** Posts a user's message (its text as HTML; anything else copied) in the staff place. */
async function postForUser(ctx: BotContext, place: StaffPlace, html: string, message: Message, text: string): Promise<void> {
  const ids = await postHtml(ctx.api, place, html);
  if (message.text === undefined) ids.push(await copyToStaff(ctx.api, place, ctx.chat!.id, message.message_id));
  await linkAll(ctx.deps, place.chatId, ids, ctx.from!.id, text);
}

/** The first message to staff: opens (or reopens) the user's thread and posts the card. */
async function handOff(ctx: BotContext, message: Message, text: string): Promise<void> {
  const { deps } = ctx;
  const staffChatId = deps.staffChatId;
  if (staffChatId === undefined || !ctx.from || !ctx.chat) {
    await ctx.reply(ctx.t('staff.unavailable'));
    return;
  }
  const locale = replyLocale(text, ctx.locale);
  const previous = await deps.store.support.thread(ctx.from.id);
  const thread: HandoffThread = { userId: ctx.from.id, chatId: ctx.chat.id, locale, topicId: previous?.topicId, question: text, lastActivity: Date.now(), closed: false };
  await deps.store.support.saveThread(thread);
  const place = await staffPlace(ctx.api, deps, staffChatId, thread, ctx.from);
  await postForUser(ctx, place, staffCard(deps, ctx.from, locale, text, ctx.session.chat.lastExchange), message, text);
  ctx.session.chat.handoff = { relayedAt: Date.now() };
  ctx.outcome = 'handoff';
  await ctx.reply(deps.i18n.translator(locale)('staff.sent'));
}

/** A later message while the thread is open: to the same place, no reply (the user was told where it goes). */
async function relay(ctx: BotContext, thread: HandoffThread, message: Message, text: string): Promise<void> {
  const place = { chatId: ctx.deps.staffChatId!, topicId: thread.topicId };
  await postForUser(ctx, place, relayHtml(ctx.deps, ctx.from!, text), message, text);
  await ctx.deps.store.support.saveThread({ ...thread, lastActivity: Date.now(), question: text || thread.question });
  ctx.session.chat.handoff = { relayedAt: Date.now() };
  ctx.outcome = 'handoff_relay';
}

users.command('human', async (ctx) => {
  const text = ctx.match.trim();
  if (!text) return askForMessage(ctx);
  await handOff(ctx, ctx.message!, text);
});

onButton(users, 'human', async (ctx) => {
  await ctx.answerCallbackQuery();
  if (ctx.chat && ctx.from) await askForMessage(ctx);
});

// Before any other feature reads a message: the one awaited for staff, or one of an open thread.
users.on('message', async (ctx, next) => {
  if (isCommand(ctx.message) || !ctx.from) return next();
  const handoff = ctx.session.chat.handoff;
  const now = Date.now();
  const text = (ctx.message.text ?? ctx.message.caption ?? '').trim();
  if (handoff?.awaitingSince !== undefined && now - handoff.awaitingSince < HANDOFF_AWAIT_MS) return handOff(ctx, ctx.message, text);
  if (handoff?.relayedAt === undefined || now - handoff.relayedAt >= HANDOFF_TTL_MS) return next();
  const thread = await ctx.deps.store.support.thread(ctx.from.id);
  if (isThreadOpen(thread, now) && thread.chatId === ctx.chat.id) return relay(ctx, thread, ctx.message, text);
  ctx.session.chat.handoff = undefined;
  return next();
});

/** The user a staff message is for: the one whose message it replies to, else the owner of the topic it is in. */
async function targetOf(ctx: BotContext, message: Message): Promise<{ thread: HandoffThread; question: string } | undefined> {
  const support = ctx.deps.store.support;
  const reply = message.reply_to_message;
  const link = reply ? await support.staffMessage(ctx.deps.staffChatId!, reply.message_id) : undefined;
  if (link) {
    const thread = await support.thread(link.userId);
    return thread && { thread, question: link.question };
  }
  const topicId = message.is_topic_message ? message.message_thread_id : undefined;
  const thread = topicId !== undefined ? await support.threadByTopic(topicId) : undefined;
  return thread && { thread, question: thread.question };
}

staff.command('close', async (ctx) => {
  const target = await targetOf(ctx, ctx.message!);
  if (!target) return void (await ctx.reply(ctx.t('staff.close_usage')));
  if (!isThreadOpen(target.thread)) return void (await ctx.reply(ctx.t('staff.already_closed')));
  await ctx.deps.store.support.saveThread({ ...target.thread, closed: true });
  ctx.outcome = 'staff_close';
  try {
    await ctx.api.sendMessage(target.thread.chatId, ctx.deps.i18n.translator(target.thread.locale)('staff.closed_user'), { parse_mode: 'HTML' });
  } catch (error) {
    ctx.deps.logger.warn({ err: (error as Error).message, userId: target.thread.userId }, 'could not tell the user their staff conversation was closed');
  }
  await ctx.reply(ctx.t('staff.closed'));
});

staff.command('faq', async (ctx) => {
  const reply = ctx.message!.reply_to_message;
  const link = reply ? await ctx.deps.store.support.staffMessage(ctx.deps.staffChatId!, reply.message_id) : undefined;
  if (!link?.answer) return void (await ctx.reply(ctx.t('staff.faq_usage')));
  const lang = langOf(detectLocale(link.answer) ?? detectLocale(link.question) ?? DEFAULT_LANG);
  const draft = await ctx.deps.store.support.addFaqDraft({ question: link.question, answer: link.answer, lang, author: ctx.from ? displayName(ctx.from) : '-' });
  ctx.outcome = 'faq_draft';
  await ctx.reply(ctx.t('staff.faq_saved', { id: draft.id }));
});

// Everything else in the staff chat: an answer for a user, or staff talking among themselves (left alone).
staff.on('message', async (ctx, next) => {
  if (isCommand(ctx.message)) return next();
  const target = await targetOf(ctx, ctx.message);
  if (!target) {
    ctx.outcome = 'staff_chat_other';
    return;
  }
  const result = await deliverToUser(ctx.api, ctx.deps, target.thread, ctx.message);
  ctx.outcome = `staff_answer:${result}`;
  if (result !== 'delivered') return void (await ctx.reply(ctx.t(`staff.delivery.${result}`), { reply_parameters: { message_id: ctx.message.message_id } }));
  const answer = ctx.message.text ?? ctx.message.caption ?? '';
  await ctx.deps.store.support.linkStaffMessage({ staffChatId: ctx.chat.id, messageId: ctx.message.message_id, userId: target.thread.userId, question: target.question, answer });
  await ctx.deps.store.support.saveThread({ ...target.thread, lastActivity: Date.now(), closed: false });
});
