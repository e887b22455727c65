/** Builders for the updates the console chat (and the tests) feed to the bot. */
import type { Update, User } from 'grammy/types';

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

/** A private text message; a leading /command gets its bot_command entity, as Telegram sends it. */
export function textUpdate(user: LocalUser, text: string): Update {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return privateMessage(user, { text, ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}) });
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
