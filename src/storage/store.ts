/**
 * The default backend: bot-owned state in one lowdb JSON file in DATA_DIR (never the
 * staff-edited data files), for one process. One Low instance per file, created by
 * the entry point: two writers on one file race on the temp file.
 * `new Low(adapter)` on purpose: JSONFilePreset silently uses memory when NODE_ENV=test;
 * the adapter (chunked-file.ts) writes without holding the event loop. Expired wizards
 * and follow-up contexts are pruned at start and every few minutes, so the file holds
 * the users active lately. Rate-limit windows live in memory (they outlive a minute only).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { ChunkedJsonFile, salvageJson } from './chunked-file.ts';
import { FileSupportStore } from './support-file.ts';
import type { SupportRepository } from './support-types.ts';
import { emptyStoreData, repairStoreData, type StoreData } from './file-schema.ts';
import type { Lang } from '../i18n/languages.ts';
import { liveChatSession, STORE_LIMITS, unansweredKey, type ChatSession, type DayCounters, type EntryCounters, type MessageWindow, type SessionStore, type Storage, type StorageWarning, type UnansweredQuestion, type UpdateClaim, type UserSession } from './types.ts';

export { STORE_LIMITS };
export type { StoreData };

/** How long changes wait to be written together. */
const WRITE_DELAY_MS = 200;
/** A failed write is tried again after this long, doubling up to the maximum. */
const RETRY_DELAY_MS = { first: 1000, max: 30_000 };
/** update_ids kept in the file: Telegram re-delivers recent ones only. */
const FILE_RECENT_UPDATES = 1000;
/** How often expired chat sessions are swept out. */
const PRUNE_EVERY_MS = 5 * 60_000;

export class Store implements Storage {
  readonly kind = 'file';
  readonly sessions: { user: SessionStore<UserSession>; chat: SessionStore<ChatSession> };
  private pending: NodeJS.Timeout | undefined;
  private retryDelay = RETRY_DELAY_MS.first;
  /** Where a failed background write is reported (the store keeps the data and tries again). */
  onWriteError: (error: unknown) => void = () => undefined;
  private readonly windows = new Map<number, MessageWindow>();
  private readonly working = new Set<number>();
  private readonly done: Set<number>;

  private constructor(
    private readonly db: Low<StoreData>,
    readonly warnings: StorageWarning[],
    /** Salt for vote hashes: the store's own path is enough to make them useless elsewhere. */
    private readonly salt: string,
    /** Handoff, subscriptions and broadcasts: support.json beside the store file, written at once. */
    readonly support: SupportRepository,
  ) {
    this.done = new Set(db.data.recentUpdates);
    this.sessions = { user: this.sessionMap('users'), chat: this.sessionMap('conversations') };
    this.pruneTimer = setInterval(() => this.pruneSessions(), PRUNE_EVERY_MS).unref();
  }

  private readonly pruneTimer: NodeJS.Timeout;

  /** Drops wizards and follow-up contexts past their time; returns how many sessions went. */
  pruneSessions(nowMs: number = Date.now()): number {
    const conversations = this.db.data.conversations;
    let removed = 0;
    for (const [key, session] of Object.entries(conversations)) {
      const live = liveChatSession(session, nowMs);
      if (live) conversations[key] = live;
      else {
        delete conversations[key];
        removed++;
      }
    }
    if (removed) this.persist();
    return removed;
  }

  /**
   * Opens (or creates) the store. A file that is not JSON at all is moved aside with a
   * timestamp and a fresh store starts; a file of the wrong inner shape is repaired
   * field by field (see file-schema.ts), keeping what is valid.
   */
  static async open(path: string, now: () => Date = () => new Date()): Promise<Store> {
    await mkdir(dirname(path), { recursive: true });
    const db = new Low<StoreData>(new ChunkedJsonFile<StoreData>(path), emptyStoreData());
    const warnings: StorageWarning[] = [];
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === undefined) await db.write();
    else await Store.load(db, text, path, now(), warnings);
    const support = await FileSupportStore.open(join(dirname(path), 'support.json'), warnings);
    const store = new Store(db, warnings, db.data.voteSalt ?? path, support);
    store.pruneSessions(now().getTime());
    return store;
  }

  /**
   * The file's data into `db`: repaired field by field (file-schema.ts), keeping what is
   * valid. A file that is not whole JSON (cut short by a crash or a full disk) is copied
   * aside as a backup, and its readable beginning is kept: counters come first in the file.
   */
  private static async load(db: Low<StoreData>, text: string, path: string, at: Date, warnings: StorageWarning[]): Promise<void> {
    let raw: unknown;
    let damaged: string | undefined;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      damaged = (error as Error).message;
      raw = salvageJson(text);
    }
    let repaired: string[] = [];
    try {
      ({ data: db.data, repaired } = repairStoreData(raw));
    } catch (error) {
      damaged ??= (error as Error).message;
      db.data = emptyStoreData();
    }
    for (const message of repaired) warnings.push({ message: `store file repaired: ${message}` });
    if (damaged) {
      const movedTo = `${path}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
      await copyFile(path, movedTo);
      warnings.push({ message: `store file was damaged (${damaged.slice(0, 120)}); a copy was kept, and what could be read of it is kept`, movedTo });
    }
    if (damaged || repaired.length) await db.write();
  }

  /** The whole file's data (export to another backend). */
  snapshot(): StoreData {
    return structuredClone({ ...this.db.data, voteSalt: this.salt });
  }

  /** Replaces everything (import from another backend), written at once. */
  async replace(data: StoreData): Promise<void> {
    this.db.data = structuredClone(data);
    this.done.clear();
    for (const id of data.recentUpdates) this.done.add(id);
    await this.flush();
  }

  /** Sessions in one map of the file; reads are copies, so a change counts only once written. */
  private sessionMap<T extends object>(field: 'users' | 'conversations'): SessionStore<T> {
    const map = () => this.db.data[field] as Record<string, T>;
    return {
      read: async (key) => {
        const value = map()[key];
        return value === undefined ? undefined : structuredClone(value);
      },
      write: async (key, value) => {
        // An empty session is no session: the file keeps only users with a choice.
        if (Object.values(value).every((v) => v === undefined)) return this.deleteSession(field, key);
        const current = map()[key];
        if (current !== undefined && JSON.stringify(current) === JSON.stringify(value)) return;
        map()[key] = structuredClone(value);
        this.persist();
      },
      delete: async (key) => this.deleteSession(field, key),
    };
  }

  private async deleteSession(field: 'users' | 'conversations', key: string): Promise<void> {
    if (!(key in this.db.data[field])) return;
    delete this.db.data[field][key];
    this.persist();
  }

  async recordQuestion(entryId: string | undefined, day: string): Promise<void> {
    const counters = (this.db.data.days[day] ??= { questions: 0, matched: 0 });
    counters.questions++;
    if (entryId) {
      counters.matched++;
      this.entry(entryId).answered++;
    }
    this.trimDays();
    this.persist();
  }

  async recordUnanswered(text: string, lang: Lang, lowConfidence: boolean, now: Date = new Date()): Promise<void> {
    const key = unansweredKey(text);
    if (!key) return;
    const at = now.toISOString();
    const item = this.db.data.unanswered[key];
    if (item) {
      item.count++;
      item.lastSeen = at;
      item.lowConfidence &&= lowConfidence;
    } else {
      this.db.data.unanswered[key] = { text: text.slice(0, 300), lang, firstSeen: at, lastSeen: at, count: 1, lowConfidence };
    }
    this.trimUnanswered(now);
    this.persist();
  }

  async recordFeedback(userId: number, entryId: string, vote: 'up' | 'down'): Promise<boolean> {
    const key = voteKey(this.salt, userId, entryId);
    if (this.db.data.votes[key]) return false;
    this.db.data.votes[key] = vote;
    const counters = this.entry(entryId);
    if (vote === 'up') counters.helpful++;
    else counters.unhelpful++;
    this.persist();
    return true;
  }

  async unanswered(): Promise<UnansweredQuestion[]> {
    return sortUnanswered(Object.values(this.db.data.unanswered).map((q) => ({ ...q })));
  }

  async entryCounters(): Promise<Record<string, EntryCounters>> {
    return structuredClone(this.db.data.entries);
  }

  async dayCounters(): Promise<Record<string, DayCounters>> {
    return structuredClone(this.db.data.days);
  }

  async countMessage(userId: number, nowMs: number, windowMs: number): Promise<MessageWindow> {
    let window = this.windows.get(userId);
    if (!window || nowMs - window.start >= windowMs) {
      window = { start: nowMs, count: 0 };
      this.windows.set(userId, window);
      // Forget idle users now and then, so the map does not grow without bound.
      if (this.windows.size > 10_000) for (const [id, w] of this.windows) if (nowMs - w.start >= windowMs) this.windows.delete(id);
    }
    window.count++;
    return { ...window };
  }

  async claimUpdate(updateId: number): Promise<UpdateClaim> {
    if (this.done.has(updateId)) return 'done';
    if (this.working.has(updateId)) return 'busy';
    this.working.add(updateId);
    return 'claimed';
  }

  async finishUpdate(updateId: number): Promise<void> {
    this.working.delete(updateId);
    this.done.add(updateId);
    const recent = this.db.data.recentUpdates;
    recent.push(updateId);
    if (recent.length > FILE_RECENT_UPDATES) this.done.delete(recent.shift()!);
    this.persist();
  }

  async releaseUpdate(updateId: number): Promise<void> {
    this.working.delete(updateId);
  }

  async ping(): Promise<void> {
    // Nothing to reach: the file is local.
  }

  private entry(id: string): EntryCounters {
    return (this.db.data.entries[id] ??= { answered: 0, helpful: 0, unhelpful: 0 });
  }

  private trimUnanswered(now: Date): void {
    const items = Object.entries(this.db.data.unanswered);
    const oldest = new Date(now.getTime() - STORE_LIMITS.unansweredMaxAgeDays * 86_400_000).toISOString();
    for (const [key, item] of items) if (item.lastSeen < oldest) delete this.db.data.unanswered[key];
    const kept = Object.entries(this.db.data.unanswered);
    if (kept.length <= STORE_LIMITS.unanswered) return;
    kept.sort(([, a], [, b]) => a.lastSeen.localeCompare(b.lastSeen) || a.count - b.count);
    for (const [key] of kept.slice(0, kept.length - STORE_LIMITS.unanswered)) delete this.db.data.unanswered[key];
  }

  private trimDays(): void {
    const days = Object.keys(this.db.data.days).sort();
    for (const day of days.slice(0, Math.max(0, days.length - STORE_LIMITS.days))) delete this.db.data.days[day];
  }

  /** Writes now, and waits for every change so far to be on disk (shutdown, tests). */
  async flush(): Promise<void> {
    clearTimeout(this.pending);
    this.pending = undefined;
    await this.db.write();
  }

  async close(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.flush();
  }

  /**
   * Changes are made in memory at once (so concurrent updates cannot overwrite each
   * other) and written to disk together shortly after: one atomic write (temp file +
   * rename, by lowdb's steno) for a burst of updates instead of one per update.
   * A failed write is reported and tried again with back-off; the data stays in
   * memory, and later changes are written as usual.
   */
  private persist(delay = WRITE_DELAY_MS): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.db.write().then(
        () => (this.retryDelay = RETRY_DELAY_MS.first),
        (error: unknown) => {
          this.onWriteError(error);
          this.persist(this.retryDelay);
          this.retryDelay = Math.min(this.retryDelay * 2, RETRY_DELAY_MS.max);
        },
      );
    }, delay);
    // A retry alone does not keep a finished process (the console, a CLI) alive.
    if (delay > WRITE_DELAY_MS) this.pending.unref();
  }
}

/** A vote's key: a salted hash of user and entry, the same in both backends. */
export function voteKey(salt: string, userId: number, entryId: string): string {
  return createHash('sha256').update(`${salt}:${userId}:${entryId}`).digest('base64url').slice(0, 22);
}

/** Most asked first, then most recent. */
export function sortUnanswered(items: UnansweredQuestion[]): UnansweredQuestion[] {
  return items.sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}
