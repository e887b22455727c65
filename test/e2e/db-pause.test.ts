/**
 * Issue 20, point 3: an update is acknowledged only when its effects are durable. The real
 * process in webhook mode on a real PostgreSQL, which freezes for 25 s in the middle of 80
 * updates from 20 users; the test plays Telegram and delivers every update again until it
 * gets a 2xx. Every update must get exactly one reply: none lost (a 200 before the reply),
 * none doubled (a re-delivery of an update already answered).
 */
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../../src/bot/updates.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { freePort, startBot, webhookEnv, type BotProcess } from '../helpers/spawn-bot.ts';

const SECRET = 'pause_secret-0123456789';
const USERS = 20;
const PER_USER = 4;
const FREEZE_MS = 25_000;
/** Countries whose English names are not part of one another ("Niger" in "Nigeria"), so a reply names exactly one. */
const COUNTRIES = ['Germany', 'France', 'Japan', 'Mexico', 'Brazil', 'Italy', 'Spain', 'Poland', 'Ireland', 'Peru', 'Chile', 'Canada', 'Australia', 'Austria', 'Belgium', 'Greece', 'Hungary', 'Finland', 'Estonia', 'Latvia', 'Lithuania', 'Portugal', 'Romania', 'Serbia', 'Slovakia', 'Slovenia', 'Sweden', 'Norway', 'Denmark', 'Iceland', 'Malta', 'Cyprus', 'Croatia', 'Albania', 'Armenia', 'Georgia', 'Mongolia', 'Morocco', 'Tunisia', 'Namibia', 'Botswana', 'Malawi', 'Mauritius', 'Seychelles', 'Panama', 'Paraguay', 'Uruguay', 'Ecuador', 'Colombia', 'Bolivia', 'Venezuela', 'Honduras', 'Nicaragua', 'Guatemala', 'Jamaica', 'Barbados', 'Bahamas', 'Belize', 'Fiji', 'Samoa', 'Tonga', 'Vanuatu', 'Palau', 'Kazakhstan', 'Uzbekistan', 'Tajikistan', 'Kyrgyzstan', 'Azerbaijan', 'Belarus', 'Moldova', 'Ukraine', 'Russia', 'Singapore', 'Indonesia', 'Philippines', 'Pakistan', 'Bangladesh', 'Oman', 'Bahrain', 'Israel'];

let server: TestPostgres;
let api: FakeBotApi;
let bot: BotProcess;
let port: number;

beforeAll(async () => {
  server = await startPostgres();
  const databaseUrl = await server.createDatabase();
  api = new FakeBotApi();
  await api.start();
  port = await freePort();
  bot = startBot({ ...(await webhookEnv(api.url, port, SECRET)), DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: '0' });
  await bot.waitForLog((l) => l.msg === 'webhook server listening', 30_000);
}, 60_000);

afterAll(async () => {
  await server?.thaw().catch(() => undefined);
  await bot?.stop('SIGKILL');
  await api?.stop();
  await server?.stop();
});

/** A one-line /check as Telegram sends it: the reply names the country, so each reply can be told to its update. */
const check = (userId: number, country: string): Update => textUpdate({ id: userId, first_name: 'U', language_code: 'en' }, `/check certificate of origin ${country}`);

/** Telegram's part: post until a 2xx, waiting a little longer after each failure or timeout. */
async function deliver(update: Update): Promise<number[]> {
  const attempts: number[] = [];
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/tg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(20_000),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      // A timeout or a refused connection: delivered again, as Telegram does.
    }
    attempts.push(status);
    if (status >= 200 && status < 300) return attempts;
    if (attempts.length > 60) throw new Error(`update ${update.update_id} never acknowledged: ${attempts.join(',')}`);
    await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 3000)));
  }
}

describe('PostgreSQL frozen for 25 s under traffic', () => {
  it('80 updates from 20 users, delivered again until acknowledged: every update gets exactly one reply', async () => {
    const updates = Array.from({ length: USERS }, (_, u) => Array.from({ length: PER_USER }, (_, i) => ({ user: 7000 + u, country: COUNTRIES[u * PER_USER + i]! })));
    const freeze = (async () => {
      await new Promise((r) => setTimeout(r, 1500));
      await server.freeze();
      await new Promise((r) => setTimeout(r, FREEZE_MS));
      await server.thaw();
    })();
    // Each user sends their four questions one after another, 2 s apart: traffic before, during and after the freeze.
    const attempts = await Promise.all(
      updates.map(async (mine, u) => {
        const results: number[][] = [];
        await new Promise((r) => setTimeout(r, u * 100));
        for (const { user, country } of mine) {
          results.push(await deliver(check(user, country)));
          await new Promise((r) => setTimeout(r, 2000));
        }
        return results;
      }),
    );
    await freeze;
    // Replies still in flight when the last update was acknowledged.
    await new Promise((r) => setTimeout(r, 3000));
    const counts = updates.flat().map(({ user, country }) => ({
      country,
      replies: api.sent().filter((c) => c.payload.chat_id === user && new RegExp(`\\b${country}\\b`).test(String(c.payload.text))).length,
    }));
    const redelivered = attempts.flat().filter((a) => a.length > 1).length;
    expect(redelivered, 'the freeze should have caused re-deliveries').toBeGreaterThan(0);
    expect(counts.filter((c) => c.replies !== 1)).toEqual([]);
    expect(bot.child.exitCode).toBeNull();
  }, 170_000);
});
