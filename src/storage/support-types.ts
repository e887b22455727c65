/**
 * What the bot keeps for the people around it, apart from the question log: the staff
 * handoff (threads, which staff-chat message belongs to which user, FAQ drafts), country
 * subscriptions with their "notified once" claims, and broadcasts with a durable state per
 * recipient. Both backends implement it (support-file.ts, support-postgres.ts); every
 * claim is one atomic step, so replicas on one database never do the same thing twice.
 */
import type { Lang } from '../i18n/languages.ts';
import type { Locale } from '../i18n/locale.ts';

/** A user's conversation with staff: where they asked and, in a forum staff chat, their topic. */
export interface HandoffThread {
  userId: number;
  /** The chat the user wrote from: answers are delivered there. */
  chatId: number;
  locale: Locale;
  /** The user's own forum topic in the staff chat, kept for later conversations. */
  topicId?: number;
  /** The user's latest message to staff (the question an FAQ draft is made from). */
  question: string;
  /** ms since epoch of the last message either way: the thread closes itself HANDOFF_TTL_MS later. */
  lastActivity: number;
  closed: boolean;
}

/** A thread takes the user's messages for this long after the last one, unless staff close it. */
export const HANDOFF_TTL_MS = 24 * 60 * 60_000;
/** After /human without text (or the button), the next message is taken as the one for staff for this long. */
export const HANDOFF_AWAIT_MS = 30 * 60_000;

export function isThreadOpen(thread: HandoffThread | undefined, nowMs: number = Date.now()): thread is HandoffThread {
  return thread !== undefined && !thread.closed && nowMs - thread.lastActivity < HANDOFF_TTL_MS;
}

/** A message in the staff chat that belongs to a user: one the bot posted for them, or a staff answer it delivered. */
export interface StaffMessageLink {
  staffChatId: number;
  messageId: number;
  userId: number;
  /** The user's message it carries, or the one a staff answer answered. */
  question: string;
  /** Set on a staff answer: what staff wrote (an FAQ draft is made from it). */
  answer?: string;
}

/** An answer staff turned into an FAQ entry to be; it reaches data/faq.json only through `npm run faq:drafts accept`. */
export interface FaqDraft {
  id: string;
  question: string;
  answer: string;
  lang: Lang;
  /** Staff member's name, for whoever completes the entry. */
  author: string;
  createdAt: string;
  status: 'pending' | 'accepted';
}

/** A chat told when a country's row in data/countries.json changes. */
export interface Subscription {
  chatId: number;
  country: string;
  locale: Locale;
}

export type BroadcastStatus = 'draft' | 'sending' | 'done' | 'cancelled';

export interface Broadcast {
  id: string;
  adminId: number;
  /** Where the admin confirmed it: the progress message lives there. */
  adminChatId: number;
  locale: Locale;
  /** The text as the admin typed it (sent escaped). */
  text: string;
  status: BroadcastStatus;
  progressMessageId?: number;
  createdAt: string;
}

/**
 * One recipient's state. `sending` is claimed: the message may have left, so it is never
 * sent again (a restart between the send and its record leaves it `sending`, counted as unconfirmed).
 */
export type RecipientState = 'pending' | 'sending' | 'sent' | 'blocked' | 'failed';

export type BroadcastCounts = Record<RecipientState, number>;

export const emptyCounts = (): BroadcastCounts => ({ pending: 0, sending: 0, sent: 0, blocked: 0, failed: 0 });

export interface SupportRepository {
  /** Remembers a user who wrote to the bot in private (the broadcast's audience). */
  rememberUser(userId: number): Promise<void>;
  knownUsers(): Promise<number[]>;

  thread(userId: number): Promise<HandoffThread | undefined>;
  threadByTopic(topicId: number): Promise<HandoffThread | undefined>;
  saveThread(thread: HandoffThread): Promise<void>;
  /** Keeps `topicId` as the user's topic unless another replica kept one first; returns the one kept. */
  keepTopic(userId: number, topicId: number): Promise<number>;
  linkStaffMessage(link: StaffMessageLink): Promise<void>;
  staffMessage(staffChatId: number, messageId: number): Promise<StaffMessageLink | undefined>;
  addFaqDraft(draft: Omit<FaqDraft, 'id' | 'status' | 'createdAt'>, now?: Date): Promise<FaqDraft>;
  faqDrafts(): Promise<FaqDraft[]>;
  /** False when there is no pending draft of that id. */
  markDraftAccepted(id: string): Promise<boolean>;

  /** False when the chat already follows that country (its language is updated). */
  subscribe(subscription: Subscription): Promise<boolean>;
  unsubscribe(chatId: number, country: string): Promise<boolean>;
  subscriptionsOf(chatId: number): Promise<Subscription[]>;
  subscribersOf(country: string): Promise<Subscription[]>;
  /** True once per (country, change, chat), whichever replica asks first. */
  claimNotice(country: string, changeKey: string, chatId: number): Promise<boolean>;

  createBroadcast(broadcast: Omit<Broadcast, 'status' | 'createdAt'>, now?: Date): Promise<Broadcast>;
  broadcast(id: string): Promise<Broadcast | undefined>;
  /** draft → sending with these recipients, once; false when it was not a draft any more. */
  startBroadcast(id: string, recipients: number[], progressMessageId: number): Promise<boolean>;
  cancelBroadcast(id: string): Promise<boolean>;
  /** The next pending recipient, now `sending`, or undefined when none is left. */
  claimRecipient(id: string): Promise<number | undefined>;
  finishRecipient(id: string, userId: number, state: 'sent' | 'blocked' | 'failed'): Promise<void>;
  broadcastCounts(id: string): Promise<BroadcastCounts>;
  /** sending → done, once: true for the caller that finished it (it sends the final report). */
  finishBroadcast(id: string): Promise<boolean>;
  broadcastsSending(): Promise<Broadcast[]>;
}
