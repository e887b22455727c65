/**
 * Bot-owned state in one lowdb JSON file (never the staff-edited data files).
 * One Low instance per file, created by the entry point: two writers on one file
 * race on the temp file. `new Low(new JSONFile())` on purpose: JSONFilePreset
 * silently uses memory when NODE_ENV=test.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { isLocale, type Locale } from '../knowledge/language.ts';
import type { FollowUpContext } from '../understand/index.ts';

export interface UserRecord {
  locale?: Locale;
}

/** Where a member of a chat is in the /check wizard; `nonce` ties buttons to this run, so old buttons can be told apart. */
export interface WizardState {
  nonce: string;
  step: 'direction' | 'group' | 'document' | 'country';
  direction?: 'from_china' | 'to_china';
  group?: string;
  document?: string;
  updatedAt: string;
}

/** A question the bot could not answer (or answered with low confidence). No user id is kept with it. */
export interface UnansweredQuestion {
  text: string;
  lang: 'zh' | 'en';
  firstSeen: string;
  lastSeen: string;
  count: number;
  /** True when an answer was given but with little confidence. */
  lowConfidence: boolean;
}

export interface EntryCounters {
  answered: number;
  helpful: number;
  unhelpful: number;
}

export interface DayCounters {
  questions: number;
  matched: number;
}

export interface StoreData {
  version: 1;
  users: Record<string, UserRecord>;
  wizards: Record<string, WizardState>;
  /** Keyed by the normalised question text. */
  unanswered: Record<string, UnansweredQuestion>;
  entries: Record<string, EntryCounters>;
  /** Keyed by YYYY-MM-DD. */
  days: Record<string, DayCounters>;
  /** Who rated which answer, as salted hashes of user and entry: enough to count a vote once, not to tell who voted. */
  votes: Record<string, 'up' | 'down'>;
  /** Per user: what the last question was about, to read a follow-up against (see FOLLOW_UP_TTL_MS). */
  followUps: Record<string, { context: FollowUpContext; at: string }>;
}

/** Wizards are keyed by chat and member ("-100:42"); keys of the older per-chat layout are never read again. */
const wizardKey = (chatId: number, userId: number) => `${chatId}:${userId}`;

/** Bounds that keep the file small: the oldest unanswered questions go first. */
export const STORE_LIMITS = { unanswered: 1000, unansweredMaxAgeDays: 180, days: 400 } as const;

const emptyData = (): StoreData => ({ version: 1, users: {}, wizards: {}, unanswered: {}, entries: {}, days: {}, votes: {}, followUps: {} });

/** A follow-up ("那印度呢？") refers to the previous question only within this time. */
export const FOLLOW_UP_TTL_MS = 10 * 60_000;

/** How long changes wait to be written together. */
const WRITE_DELAY_MS = 200;

export interface StoreWarning {
  message: string;
  movedTo?: string;
}

export class Store {
  private pending: NodeJS.Timeout | undefined;
  private followUpsPrunedAt = 0;
  /** Where a failed background write is reported (the store keeps the data and tries again on the next change). */
  onWriteError: (error: unknown) => void = () => undefined;

  private constructor(
    private readonly db: Low<StoreData>,
    readonly warnings: StoreWarning[],
    /** Salt for vote hashes: the store's own path is enough to make them useless elsewhere. */
    private readonly salt: string,
  ) {}

  /** Opens (or creates) the store; a corrupt file is moved aside with a timestamp and a fresh store starts. */
  static async open(path: string, now: () => Date = () => new Date()): Promise<Store> {
    await mkdir(dirname(path), { recursive: true });
    const db = new Low<StoreData>(new JSONFile<StoreData>(path), emptyData());
    const warnings: StoreWarning[] = [];
    try {
      await db.read();
      if (typeof db.data !== 'object' || db.data === null || typeof db.data.users !== 'object') throw new Error('unexpected shape');
      db.data = { ...emptyData(), ...db.data };
    } catch (error) {
      const movedTo = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
      await rename(path, movedTo);
      warnings.push({ message: `store file was unreadable (${(error as Error).message}); moved aside`, movedTo });
      db.data = emptyData();
      await db.write();
    }
    return new Store(db, warnings, path);
  }

  getLocale(userId: number): Locale | undefined {
    const locale = this.db.data.users[String(userId)]?.locale;
    return isLocale(locale) ? locale : undefined;
  }

  async setLocale(userId: number, locale: Locale): Promise<void> {
    const users = this.db.data.users;
    users[String(userId)] = { ...users[String(userId)], locale };
    this.persist();
  }

  /** One wizard per member of a chat: in a group, each member's /check is their own. */
  getWizard(chatId: number, userId: number): WizardState | undefined {
    return this.db.data.wizards[wizardKey(chatId, userId)];
  }

  async setWizard(chatId: number, userId: number, state: WizardState | undefined): Promise<void> {
    if (state) this.db.data.wizards[wizardKey(chatId, userId)] = state;
    else delete this.db.data.wizards[wizardKey(chatId, userId)];
    this.persist();
  }

  // ── Follow-up context (a small slot of its own: it may move to grammY sessions later) ──

  /** The user's previous question context, if it is recent enough. */
  getFollowUp(userId: number, now: Date = new Date()): FollowUpContext | undefined {
    const slot = this.db.data.followUps[String(userId)];
    if (!slot || now.getTime() - Date.parse(slot.at) > FOLLOW_UP_TTL_MS) return undefined;
    return slot.context;
  }

  /** Remembers (or, with undefined, forgets) what the user's last question was about; expired slots are dropped. */
  async setFollowUp(userId: number, context: FollowUpContext | undefined, now: Date = new Date()): Promise<void> {
    const slots = this.db.data.followUps;
    // Expired slots are dropped at most once per TTL: a scan on every message would cost more than the slots.
    if (now.getTime() - this.followUpsPrunedAt > FOLLOW_UP_TTL_MS) {
      this.followUpsPrunedAt = now.getTime();
      for (const [key, slot] of Object.entries(slots)) if (now.getTime() - Date.parse(slot.at) > FOLLOW_UP_TTL_MS) delete slots[key];
    }
    if (context) slots[String(userId)] = { context, at: now.toISOString() };
    else delete slots[String(userId)];
    this.persist();
  }

  /** Counts a question and, when it was answered, the entry. */
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

  /** Logs a question the bot could not answer well; the same text (normalised) is counted, not repeated. */
  async recordUnanswered(text: string, lang: 'zh' | 'en', lowConfidence: boolean, now: Date = new Date()): Promise<void> {
    const key = text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim().slice(0, 300);
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

  /** Records a 👍/👎 once per user and entry; returns false when this user already rated it. */
  async recordFeedback(userId: number, entryId: string, vote: 'up' | 'down'): Promise<boolean> {
    const key = createHash('sha256').update(`${this.salt}:${userId}:${entryId}`).digest('base64url').slice(0, 22);
    if (this.db.data.votes[key]) return false;
    this.db.data.votes[key] = vote;
    const counters = this.entry(entryId);
    if (vote === 'up') counters.helpful++;
    else counters.unhelpful++;
    this.persist();
    return true;
  }

  unanswered(): UnansweredQuestion[] {
    return Object.values(this.db.data.unanswered).sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
  }

  entryCounters(): Record<string, EntryCounters> {
    return this.db.data.entries;
  }

  dayCounters(): Record<string, DayCounters> {
    return this.db.data.days;
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

  /** Waits for pending writes (lowdb's writer coalesces them; the last data wins). */
  /** Writes now, and waits for every change so far to be on disk (shutdown, tests). */
  async flush(): Promise<void> {
    clearTimeout(this.pending);
    this.pending = undefined;
    await this.db.write();
  }

  /**
   * Changes are made in memory at once (so concurrent updates cannot overwrite each
   * other) and written to disk together shortly after: one atomic write (temp file +
   * rename, by lowdb's steno) for a burst of updates instead of one per update.
   */
  private persist(): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.db.write().catch((error: unknown) => this.onWriteError(error));
    }, WRITE_DELAY_MS);
  }
}
