/**
 * The file store with 10,000 users who each asked a question lately (a real follow-up
 * context each): the file's size, the start-up (Store.open), and the longest the event loop
 * was held while sessions were being written, for our chunked adapter against lowdb's own
 * JSONFile on the same data in the same run. Run alone with `npm run bench -- store`.
 */
import { rm, stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { emptyStoreData, type StoreData } from '../src/storage/file-schema.ts';
import { Store } from '../src/storage/store.ts';
import { FOLLOW_UP_TTL_MS, type ChatSession } from '../src/storage/types.ts';
import { createTestBot, tempDir, USER_EN } from '../test/helpers/bot.ts';
import { longestBlock } from './probes.ts';
import { format, median } from './stats.ts';

const USERS = 10_000;
const WRITES = 20;

async function realFollowUp(): Promise<NonNullable<ChatSession['followUp']>> {
  const test = await createTestBot();
  await test.say('我们杭州的营业执照要寄去德国用，怎么办附加证明书？');
  return (await test.deps.store.sessions.chat.read(`${USER_EN.id}:${USER_EN.id}`))!.followUp!;
}

/** The same conversations written WRITES times, one session changed between writes, as under traffic. */
async function writeRounds(write: () => Promise<void>, data: StoreData, followUp: NonNullable<ChatSession['followUp']>): Promise<number[]> {
  const stalls: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    data.conversations[`${i}:${i}`] = { followUp: { ...followUp, at: Date.now() } };
    stalls.push(await longestBlock(write));
  }
  return stalls;
}

export async function storeSizeBench(say: (line?: string) => void): Promise<void> {
  const followUp = await realFollowUp();
  const dir = await tempDir('apostille-store-bench-');
  const ours = join(dir, 'ours.json');
  const store = await Store.open(ours);
  for (let i = 0; i < USERS; i++) await store.sessions.chat.write(`${i}:${i}`, { followUp: { ...followUp, at: Date.now() } });
  await store.flush();
  const data = (store as unknown as { db: Low<StoreData> }).db.data;
  const oursStalls = await writeRounds(() => store.flush(), data, followUp);

  const baselinePath = join(dir, 'lowdb.json');
  const baseline = new Low<StoreData>(new JSONFile<StoreData>(baselinePath), emptyStoreData());
  baseline.data = data;
  const baselineStalls = await writeRounds(() => baseline.write(), data, followUp);

  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await (await Store.open(ours)).close();
    opens.push(performance.now() - started);
  }
  const size = (await stat(ours)).size;
  const pruned = await Store.open(ours);
  pruned.pruneSessions(Date.now() + FOLLOW_UP_TTL_MS + 1000);
  await pruned.close();
  const prunedSize = (await stat(ours)).size;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

  say(`${USERS.toLocaleString('en')} users, each with a real follow-up context (${JSON.stringify(followUp).length.toLocaleString('en')} bytes as JSON), ${WRITES} writes each with one session changed.`);
  say();
  say('| | ours (chunked adapter) | lowdb JSONFile (baseline) | ratio |');
  say('|---|---:|---:|---:|');
  say(`| longest event-loop stall during a write, median of ${WRITES} | ${format(median(oursStalls))} ms | ${format(median(baselineStalls))} ms | ${(median(oursStalls) / median(baselineStalls)).toFixed(2)} |`);
  say(`| longest event-loop stall during a write, worst of ${WRITES} | ${format(Math.max(...oursStalls))} ms | ${format(Math.max(...baselineStalls))} ms | ${(Math.max(...oursStalls) / Math.max(...baselineStalls)).toFixed(2)} |`);
  say(`| store file | ${mb(size)} MB | ${mb((await stat(baselinePath)).size)} MB | |`);
  say();
  say(`Stalls are wall time: on a busy machine they include time the OS gave to other processes (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores when measured).`);
  say(`Start-up (Store.open of that file, median of 5): ${format(median(opens))} ms. After the contexts expire (${FOLLOW_UP_TTL_MS / 60_000} min) the sweep leaves ${(prunedSize / 1024).toFixed(1)} KB: the file holds the users active lately, not everyone who ever wrote.`);
  await rm(dir, { recursive: true, force: true });
}
