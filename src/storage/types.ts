/**
 * What the bot keeps, split by kind, behind small async interfaces (no grammY here):
 * - sessions: per user (the language) and per chat and user (the /check wizard, the
 *   follow-up context of the last question), read and written whole by grammY's session();
 * - a repository of atomic operations: the unanswered-question log, votes, counters,
 *   per-user message windows and the recent update_ids.
 * Two backends implement them: the lowdb file (default, one process) and PostgreSQL
 * (several replicas on one database).
 */
import type { Locale } from '../i18n/locale.ts';
import type { Lang } from '../i18n/languages.ts';
import { HANDOFF_AWAIT_MS, HANDOFF_TTL_MS, type SupportRepository } from './support-types.ts';

/** Per user, wherever they write from. */
export interface UserSession {
  locale?: Locale;
}

/** Where a user is in the /check wizard; `nonce` ties buttons to this run, so old buttons can be told apart. */
export interface WizardState {
  nonce: string;
  step: 'direction' | 'group' | 'document' | 'country';
  direction?: 'from_china' | 'to_china';
  group?: string;
  document?: string;
  updatedAt: string;
}

/**
 * The reading of the user's previous question, so a short follow-up ("那印度呢？", "and for
 * Germany?") can be read against it. understand/ owns its shape and checks it when it is
 * read back; storage keeps it as it is.
 */
export interface StoredFollowUp {
  /** When it was asked (ms since epoch): the context is used for FOLLOW_UP_TTL_MS only. */
  at: number;
  context: unknown;
}

/** How long a follow-up context is used; after that it is pruned. */
export const FOLLOW_UP_TTL_MS = 10 * 60_000;
/** A /check wizard untouched this long is over (its buttons and typed steps no longer apply) and is pruned. */
export const WIZARD_TTL_MS = 24 * 60 * 60_000;

/** The last question and the bot's answer (plain text, cut short): what staff see with a /human message. */
export interface LastExchange {
  question: string;
  answer: string;
  /** When it was asked (ms): kept LAST_EXCHANGE_TTL_MS, for an "Ask a person" pressed later. */
  at: number;
}

export const LAST_EXCHANGE_TTL_MS = 24 * 60 * 60_000;

/** Handoff in this chat: since when the bot waits for the message to pass on, and when the user last wrote to staff (ms). */
export interface HandoffSession {
  awaitingSince?: number;
  relayedAt?: number;
}

/** Per chat and user: two members of one group each have their own. */
export interface ChatSession {
  wizard?: WizardState;
  followUp?: StoredFollowUp;
  lastExchange?: LastExchange;
  handoff?: HandoffSession;
}

/**
 * Key–value storage of whole session objects; the same shape as grammY's
 * StorageAdapter, so it plugs into session() directly.
 */
export interface SessionStore<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Session keys: the user fragment by user id, the chat fragment by chat and user. */
export const userSessionKey = (userId: number) => String(userId);
export const chatSessionKey = (chatId: number, userId: number) => `${chatId}:${userId}`;

/** A question the bot could not answer (or answered with low confidence). No user id is kept with it. */
export interface UnansweredQuestion {
  text: string;
  lang: Lang;
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

/** Bounds that keep the store small: the oldest unanswered questions go first. */
export const STORE_LIMITS = { unanswered: 1000, unansweredMaxAgeDays: 180, days: 400, recentUpdates: 10_000 } as const;

/**
 * A claim on an update_id: `claimed` → handle it, then finishUpdate (or releaseUpdate
 * when handling failed, so Telegram's re-delivery is handled); `done` → already
 * handled, skip; `busy` → another replica is handling it right now.
 */
export type UpdateClaim = 'claimed' | 'done' | 'busy';

/** Where a user's message falls in their current rate-limit window. */
export interface MessageWindow {
  /** Messages in this window including this one (1 for the first). */
  count: number;
  /** When the window started (ms since epoch). */
  start: number;
}

/** Atomic operations: increments and inserts, never a read-modify-write across processes. */
export interface Repository {
  /** Counts a question for the day and, when it was answered, for the entry (both or neither). */
  recordQuestion(entryId: string | undefined, day: string): Promise<void>;
  /** Logs a question the bot could not answer well; the same text (normalised) is counted, not repeated. */
  recordUnanswered(text: string, lang: Lang, lowConfidence: boolean, now?: Date): Promise<void>;
  /** Records a 👍/👎 once per user and entry; false when this user already rated it. */
  recordFeedback(userId: number, entryId: string, vote: 'up' | 'down'): Promise<boolean>;
  /** Most asked first. */
  unanswered(): Promise<UnansweredQuestion[]>;
  entryCounters(): Promise<Record<string, EntryCounters>>;
  dayCounters(): Promise<Record<string, DayCounters>>;
  /** Counts a message of `userId` in a fixed window of `windowMs` starting at their first message. */
  countMessage(userId: number, nowMs: number, windowMs: number): Promise<MessageWindow>;
  claimUpdate(updateId: number): Promise<UpdateClaim>;
  finishUpdate(updateId: number): Promise<void>;
  releaseUpdate(updateId: number): Promise<void>;
}

export interface StorageWarning {
  message: string;
  movedTo?: string;
}

/** One backend: sessions, repository and its own lifecycle. */
export interface Storage extends Repository {
  readonly kind: 'file' | 'postgres';
  readonly sessions: { user: SessionStore<UserSession>; chat: SessionStore<ChatSession> };
  /** Staff handoff, subscriptions and broadcasts (support-types.ts). */
  readonly support: SupportRepository;
  /** Problems found and repaired while opening. */
  readonly warnings: StorageWarning[];
  /** Throws StorageUnavailableError when the backend cannot be reached (health check). */
  ping(): Promise<void>;
  /** Everything written so far is durable (file: written to disk). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The backend cannot be reached (database down, connection lost). The update is
 * not acknowledged: the webhook answers 503 so Telegram re-sends it; polling holds
 * it and stops fetching until the backend is back.
 */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/** Another replica is handling this update right now; Telegram should re-send it later. */
export class UpdateInProgressError extends Error {
  constructor(readonly updateId: number) {
    super(`update ${updateId} is being handled by another replica`);
    this.name = 'UpdateInProgressError';
  }
}

/** True for errors after which the update should be delivered again rather than dropped. */
export function isRetryLater(error: unknown): boolean {
  // grammY wraps middleware errors in BotError (`.error`), sometimes twice.
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = (e as { error?: unknown }).error, depth++) {
    if (e instanceof StorageUnavailableError || e instanceof UpdateInProgressError) return true;
  }
  return false;
}

/** The normalised form under which the same question is counted once. */
export function unansweredKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim().slice(0, 300);
}

/**
 * The parts of a chat session still alive at `nowMs` (a follow-up within FOLLOW_UP_TTL_MS, a
 * wizard within WIZARD_TTL_MS, the last exchange within LAST_EXCHANGE_TTL_MS, a handoff while it
 * is awaited or its thread is recent), or undefined when nothing is: what both backends keep, so
 * state stays bounded by the users active lately, not by everyone who ever wrote.
 */
export function liveChatSession(session: ChatSession, nowMs: number = Date.now()): ChatSession | undefined {
  const followUp = session.followUp && nowMs - session.followUp.at < FOLLOW_UP_TTL_MS ? session.followUp : undefined;
  const wizardAge = session.wizard ? nowMs - Date.parse(session.wizard.updatedAt) : NaN;
  const wizard = wizardAge < WIZARD_TTL_MS ? session.wizard : undefined;
  const lastExchange = session.lastExchange && nowMs - session.lastExchange.at < LAST_EXCHANGE_TTL_MS ? session.lastExchange : undefined;
  const handoff = liveHandoff(session.handoff, nowMs);
  if (!followUp && !wizard && !lastExchange && !handoff) return undefined;
  return { ...session, followUp, wizard, lastExchange, handoff };
}

/** The handoff state while it matters: the message awaited for staff, or a thread the user wrote to lately. */
function liveHandoff(handoff: HandoffSession | undefined, nowMs: number): HandoffSession | undefined {
  const awaitingSince = handoff?.awaitingSince !== undefined && nowMs - handoff.awaitingSince < HANDOFF_AWAIT_MS ? handoff.awaitingSince : undefined;
  const relayedAt = handoff?.relayedAt !== undefined && nowMs - handoff.relayedAt < HANDOFF_TTL_MS ? handoff.relayedAt : undefined;
  return awaitingSince === undefined && relayedAt === undefined ? undefined : { awaitingSince, relayedAt };
}

/** The stored follow-up context while it is fresh, else undefined. */
export function freshFollowUp(session: ChatSession, nowMs: number = Date.now()): unknown {
  const followUp = session.followUp;
  return followUp && nowMs - followUp.at >= 0 && nowMs - followUp.at < FOLLOW_UP_TTL_MS ? followUp.context : undefined;
}
