/**
 * The scale-out backend: PostgreSQL through `pg`, for one or more replicas on one
 * DATABASE_URL. Every operation is one statement (so it is its own transaction:
 * a vote and its counter, a day and an entry counter, agree or neither happens) or
 * an explicit transaction (import); increments and upserts run in the database,
 * never as a read-modify-write in a process.
 *
 * A connection problem becomes StorageUnavailableError: the update is not
 * acknowledged and comes back (webhook 503 → Telegram re-sends; polling waits).
 */
import pg from 'pg';
import type { Lang } from '../i18n/languages.ts';
import type { StoreData } from './file-schema.ts';
import { migrate, type MigrationResult } from './migrate.ts';
import { sortUnanswered, voteKey } from './store.ts';
import { PostgresSupportStore } from './support-postgres.ts';
import { STORE_LIMITS, StorageUnavailableError, unansweredKey, type ChatSession, type DayCounters, type EntryCounters, type MessageWindow, type SessionStore, type Storage, type StorageWarning, type UnansweredQuestion, type UpdateClaim, type UserSession } from './types.ts';

export interface PostgresOptions {
  /** Connections per process. */
  poolSize?: number;
  /** Apply pending migrations on open (default true; `npm run db:migrate` does it alone). */
  migrate?: boolean;
  /** Told about connection errors of idle clients (which pg would otherwise throw). */
  onConnectionError?: (error: unknown) => void;
}

/** An update claimed by a replica that did not finish it within this is claimed again. */
const UPDATE_LEASE_SECONDS = 60;
/** update_ids are kept this long: Telegram keeps an undelivered update for 24 hours. */
const RECENT_UPDATES_HOURS = 24;
/** Chat sessions idle this long are removed: by then the wizard and the follow-up context have expired (types.ts). */
const CHAT_SESSION_DAYS = 1;
/** Housekeeping runs after this many writes of its kind, in whichever replica reaches it. */
const PRUNE_EVERY = 500;
/** Arbitrary, fixed: the advisory lock of the one long-polling process. */
const POLLING_LOCK = 7_212_002;

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Connection trouble (retry later) as opposed to a bug in a query (a real error). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^(08|57P|53)/.test(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionError);
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout|Connection ended|not queryable/i.test(error.message);
}

/** Where the database is, without the password (for logs and messages). */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'the database';
  }
}

/** The password in a DATABASE_URL, so the logger can keep it out of every line. */
export function databasePassword(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  } catch {
    return undefined;
  }
}

export class PostgresStore implements Storage {
  readonly kind = 'postgres';
  readonly warnings: StorageWarning[] = [];
  readonly sessions: { user: SessionStore<UserSession>; chat: SessionStore<ChatSession> };
  /** Handoff, subscriptions and broadcasts (migrations/0002_support.sql). */
  readonly support = new PostgresSupportStore((sql, params) => this.query(sql, params));
  private writes = { updates: 0, windows: 0, sessions: 0 };
  /** Updates this process claimed and has not finished or released. */
  private readonly handling = new Set<number>();
  /** A connection held for the life of the process: its backend pid marks our claims as alive, and it holds the polling lock. */
  private presence: { client: pg.Client; pid: number } | undefined;
  private presenceConnecting: Promise<{ client: pg.Client; pid: number }> | undefined;
  private pollingLock: { onLost: () => void } | undefined;
  private closed = false;

  private constructor(
    readonly pool: pg.Pool,
    private readonly url: string,
    private salt: string,
    private readonly options: PostgresOptions,
    readonly migrations: MigrationResult,
  ) {
    this.sessions = { user: this.sessionTable('user'), chat: this.sessionTable('chat') };
  }

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      query_timeout: 15_000,
      keepAlive: true,
      application_name: 'apostille-helper',
    });
    // An idle client whose server went away emits 'error'; unhandled, it would end the process.
    pool.on('error', (error) => options.onConnectionError?.(error));
    try {
      const migrations = options.migrate === false ? { applied: [], unknown: [] } : await migrate(pool);
      const salt = (await pool.query<{ value: string }>("SELECT value FROM settings WHERE name = 'vote_salt'")).rows[0]?.value;
      if (!salt) throw new Error('the database has no vote salt: run `npm run db:migrate`');
      const store = new PostgresStore(pool, url, salt, options, migrations);
      if (migrations.unknown.length) store.warnings.push({ message: `the database has migrations this version does not know (${migrations.unknown.join(', ')}): a newer release migrated it` });
      return store;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw isConnectionError(error) ? unavailable(url, error) : error;
    }
  }

  /** One statement, with connection trouble mapped to StorageUnavailableError. */
  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      throw isConnectionError(error) ? unavailable(this.url, error) : error;
    }
  }

  /** Several statements that must all happen or none. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      throw isConnectionError(error) ? unavailable(this.url, error) : error;
    } finally {
      client?.release();
    }
  }

  private sessionTable<T extends object>(kind: 'user' | 'chat'): SessionStore<T> {
    return {
      read: async (key) => (await this.query<{ value: T }>('SELECT value FROM sessions WHERE kind = $1 AND key = $2', [kind, key])).rows[0]?.value,
      write: async (key, value) => {
        if (Object.values(value).every((v) => v === undefined)) return this.sessions[kind].delete(key);
        await this.query(
          'INSERT INTO sessions (kind, key, value) VALUES ($1, $2, $3) ON CONFLICT (kind, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()',
          [kind, key, JSON.stringify(value)],
        );
        if (kind === 'chat' && ++this.writes.sessions % PRUNE_EVERY === 0) {
          await this.query("DELETE FROM sessions WHERE kind = 'chat' AND updated_at < now() - make_interval(days => $1)", [CHAT_SESSION_DAYS]);
        }
      },
      delete: async (key) => {
        await this.query('DELETE FROM sessions WHERE kind = $1 AND key = $2', [kind, key]);
      },
    };
  }

  async recordQuestion(entryId: string | undefined, day: string): Promise<void> {
    const { rows } = await this.query<{ new_day: boolean }>(
      `WITH entry AS (
         INSERT INTO entry_counters (entry_id, answered) SELECT $2, 1 WHERE $2::text IS NOT NULL
         ON CONFLICT (entry_id) DO UPDATE SET answered = entry_counters.answered + 1
       )
       INSERT INTO day_counters (day, questions, matched) VALUES ($1, 1, $3)
       ON CONFLICT (day) DO UPDATE SET questions = day_counters.questions + 1, matched = day_counters.matched + EXCLUDED.matched
       RETURNING (xmax = 0) AS new_day`,
      [day, entryId ?? null, entryId ? 1 : 0],
    );
    if (rows[0]?.new_day) await this.query('DELETE FROM day_counters WHERE day NOT IN (SELECT day FROM day_counters ORDER BY day DESC LIMIT $1)', [STORE_LIMITS.days]);
  }

  async recordUnanswered(text: string, lang: Lang, lowConfidence: boolean, now: Date = new Date()): Promise<void> {
    const key = unansweredKey(text);
    if (!key) return;
    const { rows } = await this.query<{ inserted: boolean }>(
      `INSERT INTO unanswered (key, text, lang, first_seen, last_seen, count, low_confidence) VALUES ($1, $2, $3, $4, $4, 1, $5)
       ON CONFLICT (key) DO UPDATE SET count = unanswered.count + 1, last_seen = GREATEST(unanswered.last_seen, EXCLUDED.last_seen),
         low_confidence = unanswered.low_confidence AND EXCLUDED.low_confidence
       RETURNING (xmax = 0) AS inserted`,
      [key, text.slice(0, 300), lang, now, lowConfidence],
    );
    // Only a new question can push the log over its bounds.
    if (!rows[0]?.inserted) return;
    const oldest = new Date(now.getTime() - STORE_LIMITS.unansweredMaxAgeDays * 86_400_000);
    await this.query(
      `DELETE FROM unanswered WHERE last_seen < $1
         OR key IN (SELECT key FROM unanswered ORDER BY last_seen DESC, count DESC OFFSET $2)`,
      [oldest, STORE_LIMITS.unanswered],
    );
  }

  async recordFeedback(userId: number, entryId: string, vote: 'up' | 'down'): Promise<boolean> {
    const { rows } = await this.query<{ recorded: number }>(
      `WITH vote AS (
         INSERT INTO votes (key, vote) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING vote
       ), counted AS (
         INSERT INTO entry_counters (entry_id, helpful, unhelpful)
         SELECT $3, (vote = 'up')::int, (vote = 'down')::int FROM vote
         ON CONFLICT (entry_id) DO UPDATE SET helpful = entry_counters.helpful + EXCLUDED.helpful, unhelpful = entry_counters.unhelpful + EXCLUDED.unhelpful
       )
       SELECT count(*)::int AS recorded FROM vote`,
      [voteKey(this.salt, userId, entryId), vote, entryId],
    );
    return rows[0]?.recorded === 1;
  }

  async unanswered(): Promise<UnansweredQuestion[]> {
    const { rows } = await this.query<{ text: string; lang: Lang; first_seen: Date; last_seen: Date; count: number; low_confidence: boolean }>(
      'SELECT text, lang, first_seen, last_seen, count, low_confidence FROM unanswered',
    );
    return sortUnanswered(
      rows.map((r) => ({ text: r.text, lang: r.lang, firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString(), count: r.count, lowConfidence: r.low_confidence })),
    );
  }

  async entryCounters(): Promise<Record<string, EntryCounters>> {
    const { rows } = await this.query<EntryCounters & { entry_id: string }>('SELECT entry_id, answered, helpful, unhelpful FROM entry_counters');
    return Object.fromEntries(rows.map(({ entry_id, ...counters }) => [entry_id, counters]));
  }

  async dayCounters(): Promise<Record<string, DayCounters>> {
    const { rows } = await this.query<DayCounters & { day: string }>('SELECT day, questions, matched FROM day_counters ORDER BY day');
    return Object.fromEntries(rows.map(({ day, ...counters }) => [day, counters]));
  }

  async countMessage(userId: number, nowMs: number, windowMs: number): Promise<MessageWindow> {
    const { rows } = await this.query<{ window_start: string; count: number }>(
      `INSERT INTO message_windows (user_id, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (user_id) DO UPDATE SET
         window_start = CASE WHEN message_windows.window_start <= $2 - $3 THEN EXCLUDED.window_start ELSE message_windows.window_start END,
         count = CASE WHEN message_windows.window_start <= $2 - $3 THEN 1 ELSE message_windows.count + 1 END
       RETURNING window_start, count`,
      [userId, nowMs, windowMs],
    );
    if (++this.writes.windows % PRUNE_EVERY === 0) await this.query('DELETE FROM message_windows WHERE window_start <= $1', [nowMs - windowMs]);
    return { start: Number(rows[0]!.window_start), count: rows[0]!.count };
  }

  /**
   * Claims an update for this replica. Taken over when the claim is older than the
   * lease or its owner's presence connection is gone (the replica died): an update
   * a killed replica had accepted but not answered is answered by the next delivery.
   */
  async claimUpdate(updateId: number): Promise<UpdateClaim> {
    const owner = (await this.presenceConnection()).pid;
    // A claim in this process's name that it is not working on is stale: the claim was written
    // after this process had given up on it (a query that timed out reached a frozen server,
    // which ran it once thawed). It is taken over at once rather than after the lease.
    const stale = !this.handling.has(updateId);
    // Held from now, so a concurrent claim of the same update in this process is not taken for stale.
    this.handling.add(updateId);
    const rows = await this.claimQuery(updateId, owner, stale).catch((error: unknown) => {
      if (stale) this.handling.delete(updateId);
      throw error;
    });
    if (++this.writes.updates % PRUNE_EVERY === 0) await this.query('DELETE FROM recent_updates WHERE claimed_at < now() - make_interval(hours => $1)', [RECENT_UPDATES_HOURS]);
    const row = rows[0]!;
    if (row.claimed) return 'claimed';
    if (stale) this.handling.delete(updateId);
    return row.done ? 'done' : 'busy';
  }

  private async claimQuery(updateId: number, owner: number, stale: boolean): Promise<{ claimed: boolean; done: boolean | null }[]> {
    const { rows } = await this.query<{ claimed: boolean; done: boolean | null }>(
      `WITH claim AS (
         INSERT INTO recent_updates (update_id, owner) VALUES ($1, $2)
         ON CONFLICT (update_id) DO UPDATE SET owner = EXCLUDED.owner, claimed_at = now(), done = false
         WHERE NOT recent_updates.done AND (
           recent_updates.claimed_at < now() - make_interval(secs => $3)
           OR (recent_updates.owner = $2 AND $4)
           OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = recent_updates.owner))
         RETURNING update_id
       )
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, (SELECT done FROM recent_updates WHERE update_id = $1) AS done`,
      [updateId, owner, UPDATE_LEASE_SECONDS, stale],
    );
    return rows;
  }

  async finishUpdate(updateId: number): Promise<void> {
    await this.query('UPDATE recent_updates SET done = true WHERE update_id = $1', [updateId]);
    this.handling.delete(updateId);
  }

  async releaseUpdate(updateId: number): Promise<void> {
    // Not ours any more, whether or not the row can be deleted now.
    this.handling.delete(updateId);
    await this.query('DELETE FROM recent_updates WHERE update_id = $1 AND NOT done', [updateId]);
  }

  /** The presence connection, (re)connected when needed; its pid marks this replica alive. */
  private presenceConnection(): Promise<{ client: pg.Client; pid: number }> {
    if (this.presence) return Promise.resolve(this.presence);
    this.presenceConnecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000, keepAlive: true, application_name: 'apostille-helper presence' });
      try {
        await client.connect();
        const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        if (this.pollingLock && !(await tryLock(client))) {
          await client.end().catch(() => undefined);
          this.pollingLock.onLost();
          throw new StorageUnavailableError('another long-polling process took the polling lock while the database was away');
        }
        const presence = { client, pid };
        const lost = () => {
          if (this.presence === presence) this.presence = undefined;
        };
        client.on('error', (error) => (lost(), this.options.onConnectionError?.(error)));
        client.on('end', lost);
        this.presence = presence;
        return presence;
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error instanceof StorageUnavailableError ? error : isConnectionError(error) ? unavailable(this.url, error) : error;
      } finally {
        this.presenceConnecting = undefined;
      }
    })();
    return this.presenceConnecting;
  }

  /**
   * Takes the one long-polling lock of this database (Telegram allows one poller).
   * False when another process holds it. `onLost` is called if, after the database
   * came back, another poller got it first.
   */
  async acquirePollingLock(onLost: () => void): Promise<boolean> {
    const { client } = await this.presenceConnection();
    try {
      if (!(await tryLock(client))) return false;
    } catch (error) {
      throw isConnectionError(error) ? unavailable(this.url, error) : error;
    }
    this.pollingLock = { onLost };
    return true;
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  /** Each statement commits on its own: nothing is waiting to be written. */
  async flush(): Promise<void> {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const presence = this.presence;
    this.presence = undefined;
    await presence?.client.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  /** True when nothing but the schema is there (an export does not overwrite data unasked). */
  async isEmpty(): Promise<boolean> {
    const { rows } = await this.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM unanswered) + (SELECT count(*) FROM entry_counters) + (SELECT count(*) FROM day_counters) + (SELECT count(*) FROM votes) AS n',
    );
    return Number(rows[0]!.n) === 0;
  }

  /** Everything, in the lowdb file's shape (db:import). */
  async snapshot(): Promise<StoreData> {
    return this.transaction(async (client) => {
      // One consistent view of all tables.
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const sessions = (await client.query<{ kind: 'user' | 'chat'; key: string; value: object }>('SELECT kind, key, value FROM sessions')).rows;
      const unanswered = (await client.query<{ key: string; text: string; lang: Lang; first_seen: Date; last_seen: Date; count: number; low_confidence: boolean }>('SELECT * FROM unanswered')).rows;
      const entries = (await client.query<EntryCounters & { entry_id: string }>('SELECT entry_id, answered, helpful, unhelpful FROM entry_counters')).rows;
      const days = (await client.query<DayCounters & { day: string }>('SELECT day, questions, matched FROM day_counters')).rows;
      const votes = (await client.query<{ key: string; vote: 'up' | 'down' }>('SELECT key, vote FROM votes')).rows;
      const recent = (await client.query<{ update_id: string }>('SELECT update_id FROM recent_updates WHERE done ORDER BY update_id DESC LIMIT 1000')).rows;
      const salt = (await client.query<{ value: string }>("SELECT value FROM settings WHERE name = 'vote_salt'")).rows[0]!.value;
      return {
        version: 1,
        users: Object.fromEntries(sessions.filter((s) => s.kind === 'user').map((s) => [s.key, s.value])),
        conversations: Object.fromEntries(sessions.filter((s) => s.kind === 'chat').map((s) => [s.key, s.value])),
        unanswered: Object.fromEntries(
          unanswered.map((u) => [u.key, { text: u.text, lang: u.lang, firstSeen: u.first_seen.toISOString(), lastSeen: u.last_seen.toISOString(), count: u.count, lowConfidence: u.low_confidence }]),
        ),
        entries: Object.fromEntries(entries.map(({ entry_id, ...c }) => [entry_id, c])),
        days: Object.fromEntries(days.map(({ day, ...c }) => [day, c])),
        votes: Object.fromEntries(votes.map((v) => [v.key, v.vote])),
        recentUpdates: recent.map((r) => Number(r.update_id)).reverse(),
        voteSalt: salt,
      } satisfies StoreData;
    });
  }

  /** Replaces everything with the lowdb file's data, in one transaction (db:export). */
  async replaceAll(data: StoreData, salt: string): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('TRUNCATE sessions, unanswered, entry_counters, day_counters, votes, message_windows, recent_updates');
      const insert = async (table: string, columns: string[], rows: unknown[][]) => {
        // In slices: one statement has at most 65,535 parameters.
        for (let i = 0; i < rows.length; i += 1000) {
          const slice = rows.slice(i, i + 1000);
          const values = slice.map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
          await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, slice.flat());
        }
      };
      await insert('sessions', ['kind', 'key', 'value'], [
        ...Object.entries(data.users).map(([key, value]) => ['user', key, JSON.stringify(value)]),
        ...Object.entries(data.conversations).map(([key, value]) => ['chat', key, JSON.stringify(value)]),
      ]);
      await insert(
        'unanswered',
        ['key', 'text', 'lang', 'first_seen', 'last_seen', 'count', 'low_confidence'],
        Object.entries(data.unanswered).map(([key, q]) => [key, q.text, q.lang, q.firstSeen, q.lastSeen, q.count, q.lowConfidence]),
      );
      await insert('entry_counters', ['entry_id', 'answered', 'helpful', 'unhelpful'], Object.entries(data.entries).map(([id, c]) => [id, c.answered, c.helpful, c.unhelpful]));
      await insert('day_counters', ['day', 'questions', 'matched'], Object.entries(data.days).map(([day, c]) => [day, c.questions, c.matched]));
      await insert('votes', ['key', 'vote'], Object.entries(data.votes).map(([key, vote]) => [key, vote]));
      await insert('recent_updates', ['update_id', 'done'], data.recentUpdates.map((id) => [id, true]));
      // The votes' hashes were made with the file's salt: keep it, so a user still votes once.
      await client.query("UPDATE settings SET value = $1 WHERE name = 'vote_salt'", [salt]);
    });
    this.salt = salt;
  }
}

async function tryLock(client: pg.Client): Promise<boolean> {
  return (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [POLLING_LOCK])).rows[0]!.locked;
}

function unavailable(url: string, error: unknown): StorageUnavailableError {
  const reason = error instanceof AggregateError ? error.errors.map((e: Error) => e.message).join('; ') : error instanceof Error ? error.message : String(error);
  return new StorageUnavailableError(`database ${describeDatabaseUrl(url)} is unreachable: ${reason}`, { cause: error });
}
