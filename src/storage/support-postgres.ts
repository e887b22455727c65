/**
 * The support repository on PostgreSQL (migrations/0002_support.sql), shared by replicas.
 * Claims are single statements: a notice by its primary key (INSERT … ON CONFLICT DO NOTHING),
 * a broadcast recipient by `FOR UPDATE SKIP LOCKED`, so two replicas never take the same one.
 */
import type pg from 'pg';
import type { Lang } from '../i18n/languages.ts';
import type { Locale } from '../i18n/locale.ts';
import { newDraftId } from './support-file.ts';
import { emptyCounts, type Broadcast, type BroadcastCounts, type BroadcastStatus, type FaqDraft, type HandoffThread, type RecipientState, type StaffMessageLink, type Subscription, type SupportRepository } from './support-types.ts';

/** One statement, with connection trouble already mapped by the caller (PostgresStore.query). */
export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

/** Staff-chat links older than this are dropped (housekeeping on insert, now and then). */
const LINK_DAYS = 90;
const PRUNE_EVERY = 200;

interface ThreadRow {
  user_id: string;
  chat_id: string;
  locale: Locale;
  topic_id: string | null;
  question: string;
  last_activity: string;
  closed: boolean;
}

interface BroadcastRow {
  id: string;
  admin_id: string;
  admin_chat_id: string;
  locale: Locale;
  text: string;
  status: BroadcastStatus;
  progress_message_id: string | null;
  created_at: Date;
}

const toThread = (r: ThreadRow): HandoffThread => ({
  userId: Number(r.user_id),
  chatId: Number(r.chat_id),
  locale: r.locale,
  ...(r.topic_id !== null ? { topicId: Number(r.topic_id) } : {}),
  question: r.question,
  lastActivity: Number(r.last_activity),
  closed: r.closed,
});

const toBroadcast = (r: BroadcastRow): Broadcast => ({
  id: r.id,
  adminId: Number(r.admin_id),
  adminChatId: Number(r.admin_chat_id),
  locale: r.locale,
  text: r.text,
  status: r.status,
  ...(r.progress_message_id !== null ? { progressMessageId: Number(r.progress_message_id) } : {}),
  createdAt: r.created_at.toISOString(),
});

const toDraft = (r: { id: string; question: string; answer: string; lang: Lang; author: string; created_at: Date; status: FaqDraft['status'] }): FaqDraft => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  lang: r.lang,
  author: r.author,
  createdAt: r.created_at.toISOString(),
  status: r.status,
});

export class PostgresSupportStore implements SupportRepository {
  private links = 0;

  constructor(private readonly query: Query) {}

  async rememberUser(userId: number): Promise<void> {
    await this.query('INSERT INTO known_users (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
  }

  async knownUsers(): Promise<number[]> {
    const { rows } = await this.query<{ user_id: string }>('SELECT user_id FROM known_users ORDER BY first_seen, user_id');
    return rows.map((r) => Number(r.user_id));
  }

  async thread(userId: number): Promise<HandoffThread | undefined> {
    const { rows } = await this.query<ThreadRow>('SELECT * FROM handoff_threads WHERE user_id = $1', [userId]);
    return rows[0] && toThread(rows[0]);
  }

  async threadByTopic(topicId: number): Promise<HandoffThread | undefined> {
    const { rows } = await this.query<ThreadRow>('SELECT * FROM handoff_threads WHERE topic_id = $1', [topicId]);
    return rows[0] && toThread(rows[0]);
  }

  async saveThread(t: HandoffThread): Promise<void> {
    // The topic is only ever set (keepTopic), never cleared by a save made before it was kept.
    await this.query(
      `INSERT INTO handoff_threads (user_id, chat_id, locale, topic_id, question, last_activity, closed) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET chat_id = EXCLUDED.chat_id, locale = EXCLUDED.locale, topic_id = COALESCE(handoff_threads.topic_id, EXCLUDED.topic_id),
         question = EXCLUDED.question, last_activity = EXCLUDED.last_activity, closed = EXCLUDED.closed`,
      [t.userId, t.chatId, t.locale, t.topicId ?? null, t.question, t.lastActivity, t.closed],
    );
  }

  async keepTopic(userId: number, topicId: number): Promise<number> {
    const { rows } = await this.query<{ topic_id: string }>(
      'UPDATE handoff_threads SET topic_id = COALESCE(topic_id, $2) WHERE user_id = $1 RETURNING topic_id',
      [userId, topicId],
    );
    if (!rows[0]) throw new Error(`no handoff thread for user ${userId}`);
    return Number(rows[0].topic_id);
  }

  async linkStaffMessage(link: StaffMessageLink): Promise<void> {
    await this.query(
      `INSERT INTO staff_messages (staff_chat_id, message_id, user_id, question, answer) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (staff_chat_id, message_id) DO UPDATE SET user_id = EXCLUDED.user_id, question = EXCLUDED.question, answer = EXCLUDED.answer`,
      [link.staffChatId, link.messageId, link.userId, link.question, link.answer ?? null],
    );
    if (++this.links % PRUNE_EVERY === 0) await this.query('DELETE FROM staff_messages WHERE created_at < now() - make_interval(days => $1)', [LINK_DAYS]);
  }

  async staffMessage(staffChatId: number, messageId: number): Promise<StaffMessageLink | undefined> {
    const { rows } = await this.query<{ user_id: string; question: string; answer: string | null }>(
      'SELECT user_id, question, answer FROM staff_messages WHERE staff_chat_id = $1 AND message_id = $2',
      [staffChatId, messageId],
    );
    const row = rows[0];
    return row && { staffChatId, messageId, userId: Number(row.user_id), question: row.question, ...(row.answer !== null ? { answer: row.answer } : {}) };
  }

  async addFaqDraft(draft: Omit<FaqDraft, 'id' | 'status' | 'createdAt'>, now: Date = new Date()): Promise<FaqDraft> {
    const { rows } = await this.query<Parameters<typeof toDraft>[0]>(
      'INSERT INTO faq_drafts (id, question, answer, lang, author, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [newDraftId(), draft.question, draft.answer, draft.lang, draft.author, now],
    );
    return toDraft(rows[0]!);
  }

  async faqDrafts(): Promise<FaqDraft[]> {
    const { rows } = await this.query<Parameters<typeof toDraft>[0]>('SELECT * FROM faq_drafts ORDER BY created_at, id');
    return rows.map(toDraft);
  }

  async markDraftAccepted(id: string): Promise<boolean> {
    const { rowCount } = await this.query("UPDATE faq_drafts SET status = 'accepted' WHERE id = $1 AND status = 'pending'", [id]);
    return rowCount === 1;
  }

  async subscribe(s: Subscription): Promise<boolean> {
    const { rows } = await this.query<{ inserted: boolean }>(
      `INSERT INTO subscriptions (chat_id, country, locale) VALUES ($1, $2, $3)
       ON CONFLICT (chat_id, country) DO UPDATE SET locale = EXCLUDED.locale RETURNING (xmax = 0) AS inserted`,
      [s.chatId, s.country, s.locale],
    );
    return rows[0]?.inserted === true;
  }

  async unsubscribe(chatId: number, country: string): Promise<boolean> {
    const { rowCount } = await this.query('DELETE FROM subscriptions WHERE chat_id = $1 AND country = $2', [chatId, country]);
    return rowCount === 1;
  }

  async subscriptionsOf(chatId: number): Promise<Subscription[]> {
    return this.subscriptions('chat_id = $1', [chatId]);
  }

  async subscribersOf(country: string): Promise<Subscription[]> {
    return this.subscriptions('country = $1', [country]);
  }

  private async subscriptions(where: string, params: unknown[]): Promise<Subscription[]> {
    const { rows } = await this.query<{ chat_id: string; country: string; locale: Locale }>(`SELECT chat_id, country, locale FROM subscriptions WHERE ${where} ORDER BY created_at, chat_id`, params);
    return rows.map((r) => ({ chatId: Number(r.chat_id), country: r.country, locale: r.locale }));
  }

  async claimNotice(country: string, changeKey: string, chatId: number): Promise<boolean> {
    const { rowCount } = await this.query('INSERT INTO country_notices (country, change_key, chat_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [country, changeKey, chatId]);
    return rowCount === 1;
  }

  async createBroadcast(b: Omit<Broadcast, 'status' | 'createdAt'>, now: Date = new Date()): Promise<Broadcast> {
    const { rows } = await this.query<BroadcastRow>(
      "INSERT INTO broadcasts (id, admin_id, admin_chat_id, locale, text, status, created_at) VALUES ($1, $2, $3, $4, $5, 'draft', $6) RETURNING *",
      [b.id, b.adminId, b.adminChatId, b.locale, b.text, now],
    );
    return toBroadcast(rows[0]!);
  }

  async broadcast(id: string): Promise<Broadcast | undefined> {
    const { rows } = await this.query<BroadcastRow>('SELECT * FROM broadcasts WHERE id = $1', [id]);
    return rows[0] && toBroadcast(rows[0]);
  }

  async startBroadcast(id: string, recipients: number[], progressMessageId: number): Promise<boolean> {
    const { rows } = await this.query<{ started: number }>(
      `WITH started AS (
         UPDATE broadcasts SET status = 'sending', progress_message_id = $3 WHERE id = $1 AND status = 'draft' RETURNING id
       ), listed AS (
         INSERT INTO broadcast_recipients (broadcast_id, user_id, state) SELECT started.id, u, 'pending' FROM started, unnest($2::bigint[]) AS u
       )
       SELECT count(*)::int AS started FROM started`,
      [id, recipients, progressMessageId],
    );
    return rows[0]?.started === 1;
  }

  async cancelBroadcast(id: string): Promise<boolean> {
    const { rowCount } = await this.query("UPDATE broadcasts SET status = 'cancelled' WHERE id = $1 AND status = 'draft'", [id]);
    return rowCount === 1;
  }

  async claimRecipient(id: string): Promise<number | undefined> {
    const { rows } = await this.query<{ user_id: string }>(
      `UPDATE broadcast_recipients SET state = 'sending' WHERE (broadcast_id, user_id) = (
         SELECT broadcast_id, user_id FROM broadcast_recipients WHERE broadcast_id = $1 AND state = 'pending' ORDER BY user_id LIMIT 1 FOR UPDATE SKIP LOCKED
       ) RETURNING user_id`,
      [id],
    );
    return rows[0] ? Number(rows[0].user_id) : undefined;
  }

  async finishRecipient(id: string, userId: number, state: 'sent' | 'blocked' | 'failed'): Promise<void> {
    await this.query("UPDATE broadcast_recipients SET state = $3 WHERE broadcast_id = $1 AND user_id = $2 AND state = 'sending'", [id, userId, state]);
  }

  async broadcastCounts(id: string): Promise<BroadcastCounts> {
    const { rows } = await this.query<{ state: RecipientState; n: number }>('SELECT state, count(*)::int AS n FROM broadcast_recipients WHERE broadcast_id = $1 GROUP BY state', [id]);
    const counts = emptyCounts();
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  async finishBroadcast(id: string): Promise<boolean> {
    const { rowCount } = await this.query("UPDATE broadcasts SET status = 'done' WHERE id = $1 AND status = 'sending'", [id]);
    return rowCount === 1;
  }

  async broadcastsSending(): Promise<Broadcast[]> {
    const { rows } = await this.query<BroadcastRow>("SELECT * FROM broadcasts WHERE status = 'sending' ORDER BY created_at");
    return rows.map(toBroadcast);
  }
}
