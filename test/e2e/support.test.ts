/**
 * Handoff, subscriptions and broadcast end to end: real bot processes in webhook mode
 * (`npm start`'s entry) on one PostgreSQL, against a fake Bot API. Replicas A and B use a
 * plain staff group; C (same database) a forum staff group. All three watch one shared copy
 * of the data files, so one edit is seen by three replicas: each subscriber still gets one notice.
 */
import { readFile } from 'node:fs/promises';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackUpdate, entitiesOf, textUpdate } from '../../src/bot/updates.ts';
import { PostgresStore } from '../../src/storage/postgres.ts';
import type { DataPaths } from '../../src/data/types.ts';
import { copyData, save } from '../helpers/data.ts';
import { FakeBotApi, type RecordedCall } from '../helpers/fake-bot-api.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { freePort, startBot, webhookEnv, type BotProcess } from '../helpers/spawn-bot.ts';

const SECRET = 'support_secret-0123456789';
const STAFF_GROUP = -100_111;
const STAFF_FORUM = -100_222;
const ADMIN = 7;
const STAFF = { id: 9001, is_bot: false, first_name: 'Li' };

interface Replica {
  port: number;
  env: Record<string, string>;
  bot: BotProcess;
}

let server: TestPostgres;
let databaseUrl: string;
let api: FakeBotApi;
let db: PostgresStore;
let paths: DataPaths;
let a: Replica;
let b: Replica;
let c: Replica;

async function startReplica(staffChatId: number, port?: number, env?: Record<string, string>): Promise<Replica> {
  const chosen = port ?? (await freePort());
  const replicaEnv = env ?? {
    ...(await webhookEnv(api.url, chosen, SECRET)),
    DATABASE_URL: databaseUrl,
    STAFF_CHAT_ID: String(staffChatId),
    ADMIN_IDS: String(ADMIN),
    FAQ_FILE: paths.faqFile,
    COUNTRIES_FILE: paths.countriesFile,
    DOCUMENTS_FILE: paths.documentsFile,
  };
  const bot = startBot(replicaEnv);
  await bot.waitForLog((l) => l.msg === 'webhook server listening', 30_000);
  return { port: chosen, env: replicaEnv, bot };
}

beforeAll(async () => {
  [server, paths] = await Promise.all([startPostgres(), copyData()]);
  databaseUrl = await server.createDatabase();
  api = new FakeBotApi();
  await api.start();
  let topics = 500;
  api.rule('getChat', (p) => (p.chat_id === STAFF_FORUM ? { status: 200, body: { ok: true, result: { id: STAFF_FORUM, type: 'supergroup', title: 'Staff', is_forum: true } } } : undefined));
  api.rule('createForumTopic', (p) => ({ status: 200, body: { ok: true, result: { message_thread_id: topics++, name: p.name, icon_color: 0 } } }));
  // The first replica applies the migrations; the others start on a migrated database.
  a = await startReplica(STAFF_GROUP);
  [b, c] = await Promise.all([startReplica(STAFF_GROUP), startReplica(STAFF_FORUM)]);
  db = await PostgresStore.open(databaseUrl, { poolSize: 2 });
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.bot.stop(), b?.bot.stop(), c?.bot.stop()]);
  await db?.close();
  await api?.stop();
  await server?.stop();
});

let nextUpdateId = 7_000_000;
let nextMessageId = 1;

/** A private message as Telegram sends it (its command entity included). */
const privateText = (userId: number, body: string, languageCode = 'en'): Update => textUpdate({ id: userId, first_name: `User${userId}`, language_code: languageCode }, body);

function staffText(chatId: number, body: string, where: { replyTo?: number; topic?: number }): Update {
  const chat = { id: chatId, type: 'supergroup', title: 'Staff' };
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: STAFF,
      text: body,
      ...(where.replyTo ? { reply_to_message: { message_id: where.replyTo, date: 0, chat, text: '…' } } : {}),
      ...(where.topic ? { message_thread_id: where.topic, is_topic_message: true } : {}),
      entities: entitiesOf(body),
    },
  } as unknown as Update;
}

const press = (userId: number, data: string, messageId: number): Update => callbackUpdate({ id: userId, first_name: 'Admin', language_code: 'en' }, data, messageId);

async function post(replica: Replica, update: Update): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${replica.port}/tg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  expect(res.status).toBe(200);
}

const sentTo = (chatId: number): RecordedCall[] => api.calls.filter((x) => x.method === 'sendMessage' && x.payload.chat_id === chatId);
const messageIdOf = (call: RecordedCall | undefined) => (call?.result as { message_id: number } | undefined)?.message_id ?? -1;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ask a person, end to end', () => {
  it('plain group: /human on A, the staff reply handled by B reaches the user; /faq saves a draft; /close', async () => {
    const user = 801;
    await post(a, privateText(user, 'what is an apostille'));
    await post(a, privateText(user, '/human My certificate was rejected in Rome'));
    await api.waitFor(() => sentTo(STAFF_GROUP).length === 1);
    const card = sentTo(STAFF_GROUP)[0]!;
    expect(String(card.payload.text)).toContain('My certificate was rejected in Rome');
    expect(String(card.payload.text)).toContain('Last question to the bot: what is an apostille');
    expect(String(sentTo(user).at(-1)?.payload.text)).toContain('A person will answer here');

    const answer = staffText(STAFF_GROUP, 'Was it apostilled in China first?', { replyTo: messageIdOf(card) });
    await post(b, answer);
    await api.waitFor(() => String(sentTo(user).at(-1)?.payload.text).includes('Was it apostilled in China first?'));
    expect(String(sentTo(user).at(-1)?.payload.text)).toContain('Answer from our staff');

    await post(a, staffText(STAFF_GROUP, '/faq', { replyTo: answer.message!.message_id }));
    await api.waitFor(() => String(sentTo(STAFF_GROUP).at(-1)?.payload.text).includes('Saved as FAQ draft'));
    expect(await db.support.faqDrafts()).toEqual([expect.objectContaining({ question: 'My certificate was rejected in Rome', answer: 'Was it apostilled in China first?' })]);

    await post(b, staffText(STAFF_GROUP, '/close', { replyTo: messageIdOf(card) }));
    await api.waitFor(() => String(sentTo(user).at(-1)?.payload.text).includes('closed this conversation'));
  });

  it('forum group: the user gets a topic on C; staff write in it; the answer reaches the user', async () => {
    const user = 802;
    await post(c, privateText(user, '/human 上海哪里办附加证明书？', 'zh'));
    await api.waitFor(() => sentTo(STAFF_FORUM).length === 1);
    const topic = Number(sentTo(STAFF_FORUM)[0]!.payload.message_thread_id);
    expect(api.calls.filter((x) => x.method === 'createForumTopic' && x.payload.chat_id === STAFF_FORUM)).toHaveLength(1);
    await post(c, staffText(STAFF_FORUM, '上海市外办。', { topic }));
    await api.waitFor(() => String(sentTo(user).at(-1)?.payload.text).includes('上海市外办。'));
    expect(String(sentTo(user).at(-1)?.payload.text)).toContain('工作人员回复');
  });
});

describe('subscriptions on three replicas', () => {
  async function editCountries(edit: (rows: Record<string, unknown>[]) => void): Promise<void> {
    const file = JSON.parse(await readFile(paths.countriesFile, 'utf8')) as { countries: (Record<string, unknown> & { code: string })[] };
    edit(file.countries);
    const reloads = [a, b, c].map((r) => r.bot.logs.filter((l) => l.msg === 'data reloaded').length);
    await save(paths.countriesFile, `${JSON.stringify(file, null, 2)}\n`);
    // Every replica has picked the edit up.
    await Promise.all([a, b, c].map((r, i) => r.bot.waitForLog(() => r.bot.logs.filter((l) => l.msg === 'data reloaded').length > reloads[i]!, 20_000)));
  }

  it('a change to a followed country: one message per subscriber, not one per replica; an unrelated edit sends nothing', async () => {
    const subscribers = [811, 812, 813];
    await post(a, privateText(811, '/subscribe Thailand'));
    await post(b, privateText(812, '/subscribe 泰国', 'zh'));
    await post(c, privateText(813, '/subscribe thailand'));
    await post(a, privateText(814, '/subscribe Japan'));
    for (const user of subscribers) await api.waitFor(() => sentTo(user).length === 1);
    const before = new Map(subscribers.map((u) => [u, sentTo(u).length]));

    // A hypothetical edit in the test's own copy of the data.
    await editCountries((rows) => {
      Object.assign(rows.find((r) => r.code === 'TH')!, { status: 'party', entryIntoForce: '2026-06-01', chinaRelation: 'in_force', inForceWithChinaFrom: '2026-06-01', statusUnconfirmed: false, dateSourceQuality: 'third_party' });
    });
    for (const user of subscribers) await api.waitFor(() => sentTo(user).length === before.get(user)! + 1, 15_000);
    await settle(1500);
    for (const user of subscribers) expect(sentTo(user).length, `notices to ${user}`).toBe(before.get(user)! + 1);
    expect(String(sentTo(812).at(-1)?.payload.text)).toContain('<b>泰国</b>');
    expect(String(sentTo(811).at(-1)?.payload.text)).toContain('Status: not a Contracting Party → Contracting Party');
    expect(sentTo(814)).toHaveLength(1);

    await editCountries((rows) => {
      rows.find((r) => r.code === 'TH')!.notes = 'A staff note.';
      rows.find((r) => r.code === 'DE')!.entryIntoForce = '1966-02-14';
    });
    await settle(1500);
    for (const user of [...subscribers, 814]) expect(sentTo(user).length, `after an unrelated edit, ${user}`).toBe(user === 814 ? 1 : before.get(user)! + 1);
  });
});

describe('broadcast', () => {
  it('to every user; a blocked one skipped and counted; killed mid-way and restarted: nobody gets it twice', async () => {
    const text = 'Office closed on Monday';
    await post(a, privateText(ADMIN, '/start'));
    const users = await db.support.knownUsers();
    expect(users.length).toBeGreaterThanOrEqual(6);
    const blocked = 812;
    api.rule('sendMessage', (p) => (p.chat_id === blocked && p.text === text ? { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } } : undefined));

    await post(a, privateText(ADMIN, `/broadcast ${text}`));
    await api.waitFor(() => String(sentTo(ADMIN).at(-1)?.payload.text).includes(`Send this message to ${users.length} users?`));
    const preview = sentTo(ADMIN).at(-1)!;
    const go = ((preview.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!).callback_data;

    // Slow sends, so the kill lands mid-way.
    api.delay('sendMessage', 400);
    await post(b, press(ADMIN, go, messageIdOf(preview)));
    const broadcastCalls = () => api.calls.filter((x) => x.method === 'sendMessage' && x.payload.text === text);
    await api.waitFor(() => broadcastCalls().length >= 2, 15_000);
    b.bot.child.kill('SIGKILL');
    await b.bot.exit;
    const beforeRestart = broadcastCalls().length;
    expect(beforeRestart).toBeLessThan(users.length);

    api.delay('sendMessage', 0);
    b = await startReplica(STAFF_GROUP, b.port, b.env);
    await api.waitFor(() => String(api.calls.filter((x) => x.method === 'editMessageText' && x.payload.chat_id === ADMIN).at(-1)?.payload.text).includes('Broadcast finished'), 20_000);

    const perUser = new Map<number, number>();
    for (const call of broadcastCalls()) perUser.set(Number(call.payload.chat_id), (perUser.get(Number(call.payload.chat_id)) ?? 0) + 1);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    expect([...perUser.keys()].sort()).toEqual([...users].sort());
    const resumed = broadcastCalls().slice(beforeRestart).map((x) => x.at);
    const gaps = resumed.slice(1).map((at, i) => at - resumed[i]!);
    console.info(`[support] broadcast to ${users.length}: ${beforeRestart} sent before SIGKILL, ${resumed.length} after the restart, smallest gap ${Math.min(...gaps)} ms`);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30);
    const final = String(api.calls.filter((x) => x.method === 'editMessageText' && x.payload.chat_id === ADMIN).at(-1)?.payload.text);
    expect(final).toContain('1 had blocked the bot (skipped)');
    expect(final).toMatch(new RegExp(`(\\d+) of ${users.length} sent`));
  });
});
