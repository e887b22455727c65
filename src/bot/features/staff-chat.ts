/**
 * The staff chat side of the handoff: where a user's messages go (the plain group, or the
 * user's own forum topic, created once and reused), the card staff see, and delivering a
 * staff answer back to the chat the user asked in. Every message the bot posts for a user,
 * and every answer it delivers, is linked to that user in the store, so a reply to it
 * (or /faq on it) finds them again.
 */
import { GrammyError, type Api } from 'grammy';
import type { Message, User } from 'grammy/types';
import { escapeHtml, splitHtml } from '../../format/html.ts';
import { DEFAULT_LANG } from '../../i18n/languages.ts';
import type { HandoffThread } from '../../storage/support-types.ts';
import type { LastExchange } from '../../storage/types.ts';
import type { BotDeps } from '../context.ts';

/** Where in the staff chat a user's messages go. */
export interface StaffPlace {
  chatId: number;
  topicId?: number;
}

/** Telegram's limits: a topic name, a caption. */
const TOPIC_NAME_MAX = 128;
const CAPTION_MAX = 1024;

const forumOf = new WeakMap<BotDeps, boolean>();

/** Whether the staff chat is a forum (topics); asked once per process, and again after a failed ask. */
async function isForum(api: Api, deps: BotDeps, staffChatId: number): Promise<boolean> {
  const known = forumOf.get(deps);
  if (known !== undefined) return known;
  try {
    const chat = await api.getChat(staffChatId);
    const forum = (chat as { is_forum?: boolean }).is_forum === true;
    forumOf.set(deps, forum);
    return forum;
  } catch (error) {
    deps.logger.warn({ err: (error as Error).message }, 'could not read the staff chat; posting without topics');
    return false;
  }
}

export function displayName(user: Pick<User, 'first_name' | 'last_name' | 'username'>): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ') + (user.username ? ` (@${user.username})` : '');
}

/** The user's topic in a forum staff chat (created on their first message), else the chat itself. */
export async function staffPlace(api: Api, deps: BotDeps, staffChatId: number, thread: HandoffThread, user: User): Promise<StaffPlace> {
  if (!(await isForum(api, deps, staffChatId))) return { chatId: staffChatId };
  if (thread.topicId !== undefined) return { chatId: staffChatId, topicId: thread.topicId };
  try {
    const name = `${displayName(user)} · ${user.id}`.slice(0, TOPIC_NAME_MAX);
    const topic = await api.createForumTopic(staffChatId, name);
    const topicId = await deps.store.support.keepTopic(thread.userId, topic.message_thread_id);
    thread.topicId = topicId;
    return { chatId: staffChatId, topicId };
  } catch (error) {
    // Most often the bot is not an admin allowed to manage topics: the General topic still works.
    deps.logger.warn({ err: (error as Error).message }, 'could not create a forum topic in the staff chat; posting in General');
    return { chatId: staffChatId };
  }
}

/** Posts HTML (split to Telegram's limit) in the staff place; returns the ids of the messages posted. */
export async function postHtml(api: Api, place: StaffPlace, html: string): Promise<number[]> {
  const ids: number[] = [];
  for (const part of splitHtml(html)) {
    const sent = await api.sendMessage(place.chatId, part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, message_thread_id: place.topicId });
    ids.push(sent.message_id);
  }
  return ids;
}

/** Copies a user's photo, document or other non-text message into the staff place. */
export async function copyToStaff(api: Api, place: StaffPlace, fromChatId: number, messageId: number): Promise<number> {
  const copied = await api.copyMessage(place.chatId, fromChatId, messageId, { message_thread_id: place.topicId });
  return copied.message_id;
}

/** What staff see first: who the user is, their last question and the bot's answer, then their message. */
export function staffCard(deps: BotDeps, user: User, locale: string, message: string, last: LastExchange | undefined): string {
  const t = deps.i18n.translator(DEFAULT_LANG);
  const who = `<a href="tg://user?id=${user.id}">${escapeHtml(displayName(user))}</a>`;
  const lines = [t('staff.card.title'), t('staff.card.user', { who, id: user.id }), t('staff.card.language', { language: user.language_code ?? '-', locale })];
  if (last) lines.push('', t('staff.card.last_question', { text: last.question }), t('staff.card.last_answer', { text: last.answer }));
  lines.push('', message ? t('staff.card.message', { text: message }) : t('staff.card.attachment'), '', t('staff.card.how_to_answer'));
  return lines.join('\n');
}

/** A later message of an open thread: the user's name, then what they wrote. */
export function relayHtml(deps: BotDeps, user: User, message: string): string {
  const t = deps.i18n.translator(DEFAULT_LANG);
  return t(message ? 'staff.relay' : 'staff.relay_attachment', { name: displayName(user), id: user.id, text: message });
}

/** Cut so that the escaped text fits `max` characters. */
function escapedWithin(text: string, max: number): string {
  let raw = text;
  while (escapeHtml(raw).length > max) raw = raw.slice(0, Math.floor(raw.length * 0.9));
  return escapeHtml(raw);
}

export type Delivery = 'delivered' | 'blocked' | 'unsupported' | 'failed';

/** Sends a staff message (text, photo or document) to the user's chat under the header, in the user's language. */
export async function deliverToUser(api: Api, deps: BotDeps, thread: HandoffThread, message: Message): Promise<Delivery> {
  const header = deps.i18n.translator(thread.locale)('staff.answer_header');
  const caption = (text: string | undefined) => (text ? `${header}\n\n${escapedWithin(text, CAPTION_MAX - header.length - 2)}` : header);
  try {
    if (message.photo?.length) await api.sendPhoto(thread.chatId, message.photo.at(-1)!.file_id, { caption: caption(message.caption), parse_mode: 'HTML' });
    else if (message.document) await api.sendDocument(thread.chatId, message.document.file_id, { caption: caption(message.caption), parse_mode: 'HTML' });
    else if (message.text) for (const part of splitHtml(`${header}\n\n${escapeHtml(message.text)}`)) await api.sendMessage(thread.chatId, part, { parse_mode: 'HTML' });
    else return 'unsupported';
    return 'delivered';
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) return 'blocked';
    deps.logger.warn({ err: (error as Error).message, userId: thread.userId }, 'could not deliver a staff answer');
    return 'failed';
  }
}
