/**
 * npm run bench: retrieval quality, search speed at scale, bot throughput and
 * start-up, each against a baseline measured in the same run. Machines here are
 * noisy: compare the ratios, not the milliseconds. Writes bench/results.md and
 * bench/results.svg. Never part of npm test.
 */
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { Bot } from 'grammy';
import { createBot } from '../src/bot/index.ts';
import { LOCAL_BOT_INFO, LocalApi } from '../src/bot/local-api.ts';
import { textUpdate } from '../src/bot/updates.ts';
import { DataService } from '../src/data/service.ts';
import { benchOcr } from './ocr.ts';
import { cpuPerMessage, firstLineOnUnreachableApi, reloadBlock, rssAfterOversizedPosts, START_FLAGS, startupRss } from './probes.ts';
import { evaluateRetriever, type QualityRow } from './quality.ts';
import { answerTimes } from './answer-cost.ts';
import { buildMeasured, RETRIEVERS } from './retrievers.ts';
import { format, median, percentile } from './stats.ts';
import { storageBench } from './storage.ts';
import { storeSizeBench } from './store-size.ts';
import { renderSvg } from './svg.ts';
import { syntheticKnowledgeBase } from './synthetic.ts';
import { loadDevSet, readJsonl } from '../test/knowledge/eval.ts';
import { createTestBot } from '../test/helpers/bot.ts';

const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};

// `npm run bench -- ocr`: only the document-reading section (it takes a minute or two on its own).
if (process.argv[2] === 'ocr') {
  const lines: string[] = [`# Apostille Helper benchmarks: reading documents`, '', `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`];
  await benchOcr((line = '') => {
    lines.push(line);
    console.log(line);
  });
  writeFileSync('bench/results-ocr.md', `${lines.join('\n')}\n`);
  console.log('\nwrote bench/results-ocr.md');
  process.exit(0);
}

const shipped = (await DataService.load({ faqFile: 'data/faq.json', countriesFile: 'data/countries.json', documentsFile: 'data/documents.json' })).current();
const real = shipped.knowledge.kb;
const lexicon = shipped.knowledge.index.lexicon;
const devSet = loadDevSet();
const questions = devSet.map((q) => q.q);
const warmUp = readJsonl('test/fixtures/ask-extra.jsonl').map((q) => q.q);

say('# Apostille Helper benchmarks');
say();
say(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`);
say('Every comparison is measured in the same run, interleaved; compare the **ratios**, not the milliseconds.');

const STORAGE_TITLE = '## 7. Storage backends: one process on lowdb vs one on PostgreSQL vs two replicas on PostgreSQL';
// `npm run bench -- storage` runs that part alone (results in bench/results-storage.md).
if (process.argv.slice(2).includes('storage')) {
  say();
  say(STORAGE_TITLE);
  say();
  await storageBench(say);
  writeFileSync('bench/results-storage.md', `${out.join('\n')}\n`);
  console.log('\nwrote bench/results-storage.md');
  process.exit(0);
}

const STORE_TITLE = '## 8. The file store with 10,000 users: size, start-up, event-loop stalls while writing';
// `npm run bench -- store` runs that part alone (results in bench/results-store.md).
if (process.argv.slice(2).includes('store')) {
  say();
  say(STORE_TITLE);
  say();
  await storeSizeBench(say);
  writeFileSync('bench/results-store.md', `${out.join('\n')}\n`);
  console.log('\nwrote bench/results-store.md');
  process.exit(0);
}

// 1. Quality
say();
say('## 1. Retrieval quality on the development set (`shared/eval/dev-ask.jsonl`)');
say();
say('Answer = the first entry returned, when the retriever answers at all; it counts when its text contains every expected fact. Top-3 = any of the first three would have. Off-topic rejected = no answer given.');
say();
say('| retriever | zh answer | en answer | zh top-3 | en top-3 | off-topic rejected |');
say('|---|---:|---:|---:|---:|---:|');
const quality: QualityRow[] = [];
for (const factory of RETRIEVERS) {
  const row = evaluateRetriever(factory(real, lexicon), real, devSet);
  quality.push(row);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  say(`| ${row.name} | ${pct(row.answer.zh)} | ${pct(row.answer.en)} | ${pct(row.top3.zh)} | ${pct(row.top3.en)} | ${pct(row.offTopic)} |`);
}

// 2. Speed and scale
say();
say('## 2. Search speed and scale (synthetic knowledge bases made from the real entries, fixed seed)');
say();
say(`Per query over the ${questions.length} development questions × 3, interleaved query by query; plain Fuse.js gets every third question (it is slow). Heap = heap growth for the built index.`);
say();
say('| entries | retriever | build ms | heap MB | median ms | p99 ms | median ratio ours / it | p99 ratio ours / it |');
say('|---:|---|---:|---:|---:|---:|---:|---:|');
const speed: { size: number; name: string; p99: number; median: number }[] = [];
let answerRow: { times: number[]; search: number[] } | undefined;
for (const size of [50, 500, 5000]) {
  const kb = syntheticKnowledgeBase(real, size);
  const built = RETRIEVERS.map((factory) => ({ ...buildMeasured(factory, kb, lexicon), times: [] as number[] }));
  for (const q of warmUp) for (const b of built) if (b.retriever.name !== 'plain Fuse.js' || q === warmUp[0]) b.retriever.search(q);
  for (let repeat = 0; repeat < 3; repeat++) {
    questions.forEach((q, i) => {
      for (const b of built) {
        if (b.retriever.name === 'plain Fuse.js' && i % 3 !== 0) continue;
        const started = performance.now();
        b.retriever.search(q);
        b.times.push(performance.now() - started);
      }
    });
  }
  const base = built[0]!;
  for (const b of built) {
    const med = median(b.times);
    const p99 = percentile(b.times, 99);
    speed.push({ size, name: b.retriever.name, p99, median: med });
    const ratio = b === base ? '1' : (median(base.times) / med).toFixed(4);
    const ratio99 = b === base ? '1' : (percentile(base.times, 99) / p99).toFixed(4);
    say(`| ${size} | ${b.retriever.name} | ${format(b.buildMs)} | ${b.heapMb.toFixed(1)} | ${format(med)} | ${format(p99)} | ${ratio} | ${ratio99} |`);
  }
  // What a user waits for: the whole answer (reading, verdicts, composing), beside our search alone in the same run.
  if (size === 5000) answerRow = { times: await answerTimes(kb, lexicon, shipped.tables, questions, warmUp, 3), search: built[0]!.times };
}
if (answerRow) {
  const { times, search } = answerRow;
  say();
  say(`Whole answer per message at 5,000 entries (reading, verdicts, composing): median ${format(median(times))} ms, p99 ${format(percentile(times, 99))} ms; ${(median(times) / median(search)).toFixed(1)}× our search alone (median, same run).`);
}

// 3. Bot throughput
say();
say('## 3. Bot throughput through `bot.handleUpdate` (outgoing calls answered in-process)');
say();
const { deps } = await createTestBot();
const oursApi = new LocalApi();
const oursBot = oursApi.install(createBot('0:bench', deps, { botInfo: LOCAL_BOT_INFO }, { rateLimit: false }));
const echoApi = new LocalApi();
const echoBot = echoApi.install(new Bot('0:bench', { botInfo: LOCAL_BOT_INFO }));
echoBot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
const perRound = 300;
const rates: Record<'ours' | 'echo', number[]> = { ours: [], echo: [] };
for (let round = 0; round < 7; round++) {
  for (const [name, bot, api] of [['ours', oursBot, oursApi], ['echo', echoBot, echoApi]] as const) {
    const started = performance.now();
    for (let i = 0; i < perRound; i++) await (bot as Bot).handleUpdate(textUpdate({ id: 10 + (i % 50), first_name: 'B' }, questions[i % questions.length]!));
    api.clear();
    if (round > 0) rates[name].push(perRound / ((performance.now() - started) / 1000));
  }
}
say('| bot | updates/s (median of 6 rounds × 300) | ratio ours / echo |');
say('|---|---:|---:|');
say(`| ours (search, reply, store) | ${median(rates.ours).toFixed(0)} | ${(median(rates.ours) / median(rates.echo)).toFixed(4)} |`);
say(`| bare grammY echo bot | ${median(rates.echo).toFixed(0)} | 1 |`);

// 4. Start-up
say();
say('## 4. Start-up: process start to ready, and resident memory when ready');
say();
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
say('| process | V8 flags | ready after ms (median of 6) | RSS MB | ratio ours / echo (time, memory) |');
say('|---|---|---:|---:|---:|');
let startRatio = 0;
for (const flags of [START_FLAGS, []]) {
  const start = await startupRss(6, flags);
  const label = flags.join(' ') || 'defaults';
  if (flags === START_FLAGS) startRatio = start.ours / start.bare;
  say(`| ours (data, index, store, i18n, bot) | ${label} | ${start.oursMs.toFixed(0)} | ${mb(start.ours)} | ${(start.oursMs / start.bareMs).toFixed(2)}, ${(start.ours / start.bare).toFixed(2)} |`);
  say(`| bare grammY echo bot | ${label} | ${start.bareMs.toFixed(0)} | ${mb(start.bare)} | 1, 1 |`);
}
say();
say(`Both start through the same TypeScript loader (tsx), so its cost is in both. \`npm start\` runs with ${START_FLAGS.join(' ')} (V8 otherwise grows its young generation to 2 × 16 MB during the start-up burst and keeps it); both bots are measured with the same flags.`);

await benchOcr(say);

// 6. Hardening
say();
say('## 6. Hardening probes (issue 11)');
say();
const first = await firstLineOnUnreachableApi();
const cpu = await cpuPerMessage();
const worstOf = (feature: string) => cpu.filter((c) => c.feature === feature).reduce((a, b) => (b.ms > a.ms ? b : a));
const posts = await rssAfterOversizedPosts();
const reload = await reloadBlock();
say('| probe | result |');
say('|---|---|');
const within = (ms?: number) => (ms === undefined ? 'none within 20 s' : `${ms.toFixed(0)} ms`);
say(`| BOT_API_ROOT on a closed port: first line on stderr; first line naming the URL and the failure | ${within(first.ms)}; ${within(first.failureMs)} |`);
for (const feature of ['/country', '/check', 'wizard document', 'wizard country', 'question']) {
  const worst = worstOf(feature);
  say(`| CPU for one 4,096-character message: ${feature} (worst of latin, han, one token, mixed; median of 3) | ${format(worst.ms)} ms (${worst.kind}) |`);
}
say(`| webhook: RSS before → after 20 concurrent 5 MB posts with the right secret | ${mb(posts.before)} → ${mb(posts.after)} MB (answers: ${[...new Set(posts.statuses)].join(', ')}) |`);
say(`| longest event-loop block during a hot reload of ${reload.entries.toLocaleString('en')} entries (1 ms timer; reload took ${(reload.reloadMs / 1000).toFixed(1)} s) | ${reload.blockMs.toFixed(0)} ms |`);
say(`| RSS at start, ours / bare grammY bot (${START_FLAGS.join(' ')}) | ${startRatio.toFixed(2)} |`);
say();
say(`CPU is this process's CPU time (user + system) per update through \`bot.handleUpdate\`; the event-loop block is wall time, so on a busy machine it includes time the OS gave to other processes and V8's garbage collection pauses (load average when measured: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores).`);

// 7. Storage backends
say();
say(STORAGE_TITLE);
say();
await storageBench(say);

// 8. The file store at 10,000 users
say();
say(STORE_TITLE);
say();
await storeSizeBench(say);

writeFileSync('bench/results.md', `${out.join('\n')}\n`);
writeFileSync('bench/results.svg', renderSvg(quality, speed));
console.log('\nwrote bench/results.md and bench/results.svg');
