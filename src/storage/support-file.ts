/**
 * The support repository of the file backend: its own lowdb file beside store.json
 * (support.json), for one process. Every change is written before the call returns:
 * a broadcast recipient claimed, or a notice claimed, stays claimed after a crash.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { z } from 'zod';
import { LangSchema } from '../i18n/languages.ts';
import { LOCALES, type Locale } from '../i18n/locale.ts';
import { emptyCounts, type Broadcast, type BroadcastCounts, type FaqDraft, type HandoffThread, type RecipientState, type StaffMessageLink, type Subscription, type SupportRepository } from './support-types.ts';

/** Kept at most: the oldest go first (a staff message older than this many is not answered through any more). */
const LIMITS = { links: 5000, notices: 20_000 } as const;

const id = z.number().int();
const locale = z.enum(LOCALES as [Locale, ...Locale[]]);
const ThreadSchema = z.object({ userId: id, chatId: id, locale, topicId: id.optional(), question: z.string(), lastActivity: z.number(), closed: z.boolean() });
const LinkSchema = z.object({ staffChatId: id, messageId: id, userId: id, question: z.string(), answer: z.string().optional() });
const DraftSchema = z.object({ id: z.string(), question: z.string(), answer: z.string(), lang: LangSchema, author: z.string(), createdAt: z.string(), status: z.enum(['pending', 'accepted']) });
const SubscriptionSchema = z.object({ chatId: id, country: z.string(), locale });
const BroadcastSchema = z.object({
  id: z.string(),
  adminId: id,
  adminChatId: id,
  locale,
  text: z.string(),
  status: z.enum(['draft', 'sending', 'done', 'cancelled']),
  progressMessageId: id.optional(),
  createdAt: z.string(),
});
const RecipientStateSchema = z.enum(['pending', 'sending', 'sent', 'blocked', 'failed']);

// A bad field costs that field only (each default made anew: a shared [] would be shared by every store).
const SupportDataSchema = z.object({
  version: z.literal(1).catch(1),
  users: z.array(id).catch(() => []),
  threads: z.record(z.string(), ThreadSchema).catch(() => ({})),
  links: z.record(z.string(), LinkSchema).catch(() => ({})),
  drafts: z.array(DraftSchema).catch(() => []),
  subscriptions: z.array(SubscriptionSchema).catch(() => []),
  notices: z.array(z.string()).catch(() => []),
  broadcasts: z.record(z.string(), BroadcastSchema).catch(() => ({})),
  recipients: z.record(z.string(), z.record(z.string(), RecipientStateSchema)).catch(() => ({})),
});

export type SupportData = z.infer<typeof SupportDataSchema>;

const emptySupportData = (): SupportData => SupportDataSchema.parse({});

const linkKey = (staffChatId: number, messageId: number) => `${staffChatId}:${messageId}`;

export class FileSupportStore implements SupportRepository {
  private readonly users: Set<number>;
  private readonly notices: Set<string>;

  private constructor(private readonly db: Low<SupportData>) {
    this.users = new Set(db.data.users);
    this.notices = new Set(db.data.notices);
  }

  /** Opens (or creates) the file; one that is not JSON is moved aside and a fresh one starts. */
  static async open(path: string, warnings: { message: string; movedTo?: string }[] = []): Promise<FileSupportStore> {
    const db = new Low<SupportData>(new JSONFile<SupportData>(path), emptySupportData());
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== undefined) {
      try {
        db.data = SupportDataSchema.parse(JSON.parse(text));
      } catch (error) {
        const movedTo = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await rename(path, movedTo);
        warnings.push({ message: `support file was unreadable (${(error as Error).message}); moved aside`, movedTo });
      }
    }
    return new FileSupportStore(db);
  }

  private get data(): SupportData {
    return this.db.data;
  }

  private async save(): Promise<void> {
    await this.db.write();
  }

  async rememberUser(userId: number): Promise<void> {
    if (this.users.has(userId)) return;
    this.users.add(userId);
    this.data.users.push(userId);
    await this.save();
  }

  async knownUsers(): Promise<number[]> {
    return [...this.data.users];
  }

  async thread(userId: number): Promise<HandoffThread | undefined> {
    const thread = this.data.threads[userId];
    return thread && { ...thread };
  }

  async threadByTopic(topicId: number): Promise<HandoffThread | undefined> {
    const thread = Object.values(this.data.threads).find((t) => t.topicId === topicId);
    return thread && { ...thread };
  }

  async saveThread(thread: HandoffThread): Promise<void> {
    // The topic is only ever set (keepTopic), never cleared by a save made before it was kept.
    const topicId = thread.topicId ?? this.data.threads[thread.userId]?.topicId;
    this.data.threads[thread.userId] = { ...thread, ...(topicId !== undefined ? { topicId } : {}) };
    await this.save();
  }

  async keepTopic(userId: number, topicId: number): Promise<number> {
    const thread = this.data.threads[userId];
    if (!thread) throw new Error(`no handoff thread for user ${userId}`);
    thread.topicId ??= topicId;
    await this.save();
    return thread.topicId;
  }

  async linkStaffMessage(link: StaffMessageLink): Promise<void> {
    const links = this.data.links;
    links[linkKey(link.staffChatId, link.messageId)] = { ...link };
    const keys = Object.keys(links);
    for (const key of keys.slice(0, Math.max(0, keys.length - LIMITS.links))) delete links[key];
    await this.save();
  }

  async staffMessage(staffChatId: number, messageId: number): Promise<StaffMessageLink | undefined> {
    const link = this.data.links[linkKey(staffChatId, messageId)];
    return link && { ...link };
  }

  async addFaqDraft(draft: Omit<FaqDraft, 'id' | 'status' | 'createdAt'>, now: Date = new Date()): Promise<FaqDraft> {
    const saved: FaqDraft = { ...draft, id: newDraftId(), status: 'pending', createdAt: now.toISOString() };
    this.data.drafts.push(saved);
    await this.save();
    return { ...saved };
  }

  async faqDrafts(): Promise<FaqDraft[]> {
    return this.data.drafts.map((d) => ({ ...d }));
  }

  async markDraftAccepted(draftId: string): Promise<boolean> {
    const draft = this.data.drafts.find((d) => d.id === draftId && d.status === 'pending');
    if (!draft) return false;
    draft.status = 'accepted';
    await this.save();
    return true;
  }

  async subscribe(subscription: Subscription): Promise<boolean> {
    const existing = this.data.subscriptions.find((s) => s.chatId === subscription.chatId && s.country === subscription.country);
    if (existing) existing.locale = subscription.locale;
    else this.data.subscriptions.push({ ...subscription });
    await this.save();
    return !existing;
  }

  async unsubscribe(chatId: number, country: string): Promise<boolean> {
    const before = this.data.subscriptions.length;
    this.data.subscriptions = this.data.subscriptions.filter((s) => !(s.chatId === chatId && s.country === country));
    if (this.data.subscriptions.length === before) return false;
    await this.save();
    return true;
  }

  async subscriptionsOf(chatId: number): Promise<Subscription[]> {
    return this.data.subscriptions.filter((s) => s.chatId === chatId).map((s) => ({ ...s }));
  }

  async subscribersOf(country: string): Promise<Subscription[]> {
    return this.data.subscriptions.filter((s) => s.country === country).map((s) => ({ ...s }));
  }

  async claimNotice(country: string, changeKey: string, chatId: number): Promise<boolean> {
    const key = `${country}:${changeKey}:${chatId}`;
    if (this.notices.has(key)) return false;
    this.notices.add(key);
    const notices = this.data.notices;
    notices.push(key);
    if (notices.length > LIMITS.notices) this.notices.delete(notices.shift()!);
    await this.save();
    return true;
  }

  async createBroadcast(broadcast: Omit<Broadcast, 'status' | 'createdAt'>, now: Date = new Date()): Promise<Broadcast> {
    const saved: Broadcast = { ...broadcast, status: 'draft', createdAt: now.toISOString() };
    this.data.broadcasts[saved.id] = saved;
    await this.save();
    return { ...saved };
  }

  async broadcast(broadcastId: string): Promise<Broadcast | undefined> {
    const found = this.data.broadcasts[broadcastId];
    return found && { ...found };
  }

  async startBroadcast(broadcastId: string, recipients: number[], progressMessageId: number): Promise<boolean> {
    const found = this.data.broadcasts[broadcastId];
    if (found?.status !== 'draft') return false;
    found.status = 'sending';
    found.progressMessageId = progressMessageId;
    this.data.recipients[broadcastId] = Object.fromEntries(recipients.map((userId) => [userId, 'pending' as RecipientState]));
    await this.save();
    return true;
  }

  async cancelBroadcast(broadcastId: string): Promise<boolean> {
    const found = this.data.broadcasts[broadcastId];
    if (found?.status !== 'draft') return false;
    found.status = 'cancelled';
    await this.save();
    return true;
  }

  async claimRecipient(broadcastId: string): Promise<number | undefined> {
    const states = this.data.recipients[broadcastId] ?? {};
    const next = Object.keys(states).find((userId) => states[userId] === 'pending');
    if (next === undefined) return undefined;
    states[next] = 'sending';
    await this.save();
    return Number(next);
  }

  async finishRecipient(broadcastId: string, userId: number, state: 'sent' | 'blocked' | 'failed'): Promise<void> {
    const states = this.data.recipients[broadcastId];
    if (!states || states[userId] !== 'sending') return;
    states[userId] = state;
    await this.save();
  }

  async broadcastCounts(broadcastId: string): Promise<BroadcastCounts> {
    const counts = emptyCounts();
    for (const state of Object.values(this.data.recipients[broadcastId] ?? {})) counts[state]++;
    return counts;
  }

  async finishBroadcast(broadcastId: string): Promise<boolean> {
    const found = this.data.broadcasts[broadcastId];
    if (found?.status !== 'sending') return false;
    found.status = 'done';
    await this.save();
    return true;
  }

  async broadcastsSending(): Promise<Broadcast[]> {
    return Object.values(this.data.broadcasts)
      .filter((b) => b.status === 'sending')
      .map((b) => ({ ...b }));
  }
}

/** Short enough to type on a command line. */
export function newDraftId(): string {
  return `d${randomBytes(4).toString('hex')}`;
}
