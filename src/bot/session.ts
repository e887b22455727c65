/**
 * grammY sessions on the storage backend, in two fragments: `ctx.session.user` (the
 * language, per user) and `ctx.session.chat` (the /check wizard and the follow-up
 * context, per chat and user, so group members do not share them).
 */
import { session, type MiddlewareFn } from 'grammy';
import { chatSessionKey, liveChatSession, userSessionKey, type ChatSession, type SessionStore, type Storage } from '../storage/types.ts';
import type { BotContext } from './context.ts';
import type { SessionData } from './session-data.ts';

/** In-flight reads remembered at most; beyond this the memo starts again (only a write is saved). */
const MEMO_LIMIT = 10_000;

/**
 * grammY writes a session back after every update that read it. This skips the write
 * when nothing changed (most updates): a database round trip saved, and a replica
 * that only read a session never overwrites another replica's newer write.
 */
export function writeOnlyChanges<T extends object>(storage: SessionStore<T>): SessionStore<T> {
  const read = new Map<string, string>();
  const same = (key: string, value: T | undefined) => {
    const before = read.get(key);
    read.delete(key);
    const empty = value === undefined || Object.values(value).every((v) => v === undefined);
    return before !== undefined && (before === '' ? empty : before === JSON.stringify(value));
  };
  return {
    async read(key) {
      const value = await storage.read(key);
      if (read.size >= MEMO_LIMIT) read.clear();
      read.set(key, value === undefined ? '' : JSON.stringify(value));
      return value;
    },
    async write(key, value) {
      if (!same(key, value)) await storage.write(key, value);
    },
    async delete(key) {
      if (!same(key, undefined)) await storage.delete(key);
    },
  };
}

/** Chat sessions as read: a wizard or follow-up past its time is gone, on every backend. */
function liveOnly(storage: SessionStore<ChatSession>): SessionStore<ChatSession> {
  return {
    read: async (key) => liveChatSession((await storage.read(key)) ?? {}),
    write: (key, value) => storage.write(key, value),
    delete: (key) => storage.delete(key),
  };
}

export function sessions(storage: Storage): MiddlewareFn<BotContext> {
  return session<SessionData, BotContext>({
    type: 'multi',
    user: {
      storage: writeOnlyChanges(storage.sessions.user),
      getSessionKey: (ctx) => (ctx.from ? userSessionKey(ctx.from.id) : undefined),
      initial: () => ({}),
    },
    chat: {
      storage: writeOnlyChanges(liveOnly(storage.sessions.chat)),
      getSessionKey: (ctx) => (ctx.chat && ctx.from ? chatSessionKey(ctx.chat.id, ctx.from.id) : undefined),
      initial: () => ({}),
    },
  });
}
