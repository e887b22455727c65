/**
 * A Bot API that never leaves the process: an API transformer that records each
 * outgoing call and answers it with a plausible result. The console chat runs
 * the real bot on it; tests use it to see exactly what the bot sent.
 */
import type { Api, Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

export interface OutgoingCall {
  method: string;
  payload: Record<string, unknown>;
}

export const LOCAL_BOT_INFO: UserFromGetMe = {
  id: 1000,
  is_bot: true,
  first_name: 'Apostille Helper',
  username: 'apostille_helper_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export class LocalApi {
  readonly calls: OutgoingCall[] = [];
  private messageId = 0;
  /** Local files "uploaded" in the console: file_id → path on this machine. */
  private readonly files = new Map<string, { path: string; size: number }>();
  /** Called for every outgoing call, after it is recorded (the console prints from here). */
  onCall?: (call: OutgoingCall) => void;
  /** Lets a test answer a method its own way (a forum's getChat, createForumTopic): undefined answers normally. */
  answer?: (call: OutgoingCall) => unknown;
  /** Lets a test make a method fail: return an error to throw, or undefined to answer normally. */
  failWith?: (call: OutgoingCall) => { error_code: number; description: string } | undefined;

  readonly transformer: Transformer = async (_prev, method, payload) => {
    const call: OutgoingCall = { method, payload: { ...(payload as Record<string, unknown>) } };
    this.calls.push(call);
    this.onCall?.(call);
    const failure = this.failWith?.(call);
    if (failure) return { ok: false, ...failure } as never;
    return { ok: true, result: this.resultFor(call) } as never;
  };

  install<B extends { api: Api }>(bot: B): B {
    bot.api.config.use(this.transformer);
    return bot;
  }

  private resultFor(call: OutgoingCall): unknown {
    const answered = this.answer?.(call);
    if (answered !== undefined) return answered;
    const { method, payload } = call;
    if (method === 'sendMessage' || method === 'sendDocument' || method === 'sendPhoto') {
      return {
        message_id: ++this.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: payload.chat_id, type: 'private' },
        from: LOCAL_BOT_INFO,
        text: payload.text,
        reply_markup: payload.reply_markup,
      };
    }
    if (method === 'copyMessage') return { message_id: ++this.messageId };
    if (method === 'getChat') return { id: payload.chat_id, type: Number(payload.chat_id) < 0 ? 'group' : 'private' };
    if (method === 'getMe') return LOCAL_BOT_INFO;
    if (method === 'getFile') {
      const fileId = String(payload.file_id);
      const file = this.files.get(fileId);
      if (!file) return { file_id: fileId, file_unique_id: fileId };
      return { file_id: fileId, file_unique_id: fileId, file_size: file.size, file_path: file.path };
    }
    return true;
  }

  /**
   * Makes a local file look uploaded: returns its file_id. getFile then answers with
   * the absolute path, as a local Bot API server (--local) does.
   */
  addFile(path: string, size: number): string {
    const fileId = `local-${this.files.size + 1}`;
    this.files.set(fileId, { path, size });
    return fileId;
  }

  /** The calls of one method, in order. */
  sent(method = 'sendMessage'): OutgoingCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  clear(): void {
    this.calls.length = 0;
  }
}
