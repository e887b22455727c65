/** Builders for the updates the console chat (and the tests) feed to the bot. */
import type { MessageEntity, Update, User } from 'grammy/types';

export interface LocalUser {
  id: number;
  first_name: string;
  language_code?: string;
}

let nextUpdateId = 1;
let nextMessageId = 100_000;

const fromUser = (user: LocalUser): User => ({ id: user.id, is_bot: false, first_name: user.first_name, language_code: user.language_code });

/** A private message from `user` with the given content (text, document…). */
function privateMessage(user: LocalUser, content: Record<string, unknown>): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      from: fromUser(user),
      ...content,
    },
  } as Update;
}

/**
 * The entities Telegram gives a text: a leading /command, and each @username mention (an
 * e-mail address such as x@bot.com is not one). Offsets count UTF-16 units, as Telegram's do.
 */
export function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/(?<![\w@.+-])@[A-Za-z0-9_]{5,32}\b(?![.@]\w)/g)) entities.push({ type: 'mention', offset: mention.index, length: mention[0].length });
  return entities;
}

/** A private text message, with its entities as Telegram sends them. */
export function textUpdate(user: LocalUser, text: string): Update {
  const entities = entitiesOf(text);
  return privateMessage(user, { text, ...(entities.length ? { entities } : {}) });
}

export interface LocalFile {
  file_id: string;
  file_name: string;
  mime_type: string;
  file_size: number;
}

/** A file sent as a document (photos and PDFs alike). */
export function documentUpdate(user: LocalUser, file: LocalFile): Update {
  return privateMessage(user, { document: { ...file, file_unique_id: file.file_id } });
}

/** A press on an inline button of a message the bot sent. */
export function callbackUpdate(user: LocalUser, data: string, messageId: number, messageText = ''): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: String(nextUpdateId),
      chat_instance: String(user.id),
      from: fromUser(user),
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: 'private', first_name: user.first_name },
        text: messageText,
      },
    },
  } as Update;
}

/** What the user types after "@bot" in any chat (inline mode). */
export function inlineQueryUpdate(user: LocalUser, query: string): Update {
  return {
    update_id: nextUpdateId++,
    inline_query: { id: String(nextUpdateId), from: fromUser(user), query, offset: '' },
  } as Update;
}
