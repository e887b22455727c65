/**
 * Section 2 of `npm run bench` (search speed at scale), alone and for one retriever
 * if asked, plus CPU time per message and the slowest questions. For profiling and
 * before/after comparisons; never part of npm test.
 *
 *   node --expose-gc --import tsx bench/search-speed.ts [--size 5000] [--only ours] [--repeat 3] [--slowest 10] [--questions set.jsonl] [--dump file.json]
 *
 * --questions: another question set than the bench's (e.g. ../shared/eval/dev-ask-real.jsonl, long real messages).
 *
 * --dump writes every question's candidates (ids and scores) for the ours retriever,
 * so two runs can be compared for identical answers.
 */
import { today } from '../src/check/rules.ts';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataService } from '../src/data/service.ts';
import { Understander } from '../src/understand/index.ts';
import { answerTimes } from './answer-cost.ts';
import { DEFAULT_SEARCH_OPTIONS, FaqIndex } from '../src/knowledge/search.ts';
import { buildMeasured, RETRIEVERS } from './retrievers.ts';
import { format, median, percentile } from './stats.ts';
import { syntheticKnowledgeBase } from './synthetic.ts';
import { loadDevSet, readJsonl } from '../test/knowledge/eval.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '5000' },
    only: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    slowest: { type: 'string', default: '8' },
    dump: { type: 'string' },
    extra: { type: 'string', multiple: true, default: [] },
    questions: { type: 'string' },
  },
});

const shipped = (await DataService.load({ faqFile: 'data/faq.json', countriesFile: 'data/countries.json', documentsFile: 'data/documents.json' })).current();
const real = shipped.knowledge.kb;
const lexicon = shipped.knowledge.index.lexicon;
const questions = (args.questions ? readJsonl(args.questions) : loadDevSet()).map((q) => q.q);
const warmUp = readJsonl('test/fixtures/ask-extra.jsonl').map((q) => q.q);
const size = Number(args.size);
const repeat = Number(args.repeat);

const kb = syntheticKnowledgeBase(real, size);
const factories = args.only ? RETRIEVERS.filter((f) => f(real, lexicon).name === args.only) : RETRIEVERS;
const built = factories.map((factory) => ({ ...buildMeasured(factory, kb, lexicon), times: [] as number[], cpu: [] as number[], perQuestion: new Map<string, number[]>() }));
for (const q of warmUp) for (const b of built) if (b.retriever.name !== 'plain Fuse.js' || q === warmUp[0]) b.retriever.search(q);
for (let r = 0; r < repeat; r++) {
  questions.forEach((q, i) => {
    for (const b of built) {
      if (b.retriever.name === 'plain Fuse.js' && i % 3 !== 0) continue;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      b.retriever.search(q);
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      b.times.push(ms);
      b.cpu.push((cpu.user + cpu.system) / 1000);
      b.perQuestion.set(q, [...(b.perQuestion.get(q) ?? []), ms]);
    }
  });
}

console.log(`${size} entries, ${questions.length} questions × ${repeat}`);
console.log('| retriever | build ms | heap MB | median ms | p99 ms | max ms | CPU ms/message (mean) | CPU median |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const b of built) {
  const meanCpu = b.cpu.reduce((a, c) => a + c, 0) / b.cpu.length;
  console.log(`| ${b.retriever.name} | ${format(b.buildMs)} | ${b.heapMb.toFixed(1)} | ${format(median(b.times))} | ${format(percentile(b.times, 99))} | ${format(Math.max(...b.times))} | ${format(meanCpu)} | ${format(median(b.cpu))} |`);
}
const ours = built.find((b) => b.retriever.name === 'ours');
if (ours) {
  const slowest = [...ours.perQuestion].map(([q, t]) => ({ q, ms: Math.max(...t), med: median(t) })).sort((a, b) => b.ms - a.ms);
  console.log('\nslowest questions (ours): max ms, median ms');
  for (const s of slowest.slice(0, Number(args.slowest))) console.log(`${format(s.ms)}\t${format(s.med)}\t${s.q}`);
}

// The whole answer per message (reading, verdicts, composing) at this size, against the search alone in the same run.
if (ours) {
  const times = await answerTimes(kb, lexicon, shipped.tables, questions, warmUp, repeat);
  const ratio = median(times) / median(ours.times);
  console.log(`\nwhole answer per message (${size} entries): median ${format(median(times))} ms, p99 ${format(percentile(times, 99))} ms, max ${format(Math.max(...times))} ms; ${ratio.toFixed(1)}× the search alone (median, same run)`);
}

// 4,096 characters: the bound for one message (cut to MAX_QUERY_LENGTH inside).
if (ours) {
  const long = {
    han: '我们公司在宁波，客户在巴西，营业执照要办海牙认证吗？多久能办好'.repeat(200).slice(0, 4096),
    latin: 'india customer need our certificate of origin legalised, apostille ok? '.repeat(100).slice(0, 4096),
    mixed: '加拿大客户要我们的CO认证 apostille for brazil 附加证明书在哪里办啊 '.repeat(100).slice(0, 4096),
  };
  for (const [kind, text] of Object.entries(long)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      ours.retriever.search(text);
      times.push(performance.now() - started);
    }
    console.log(`4,096 chars (${kind}): median ${format(median(times))} ms, max ${format(Math.max(...times))} ms`);
  }
}

if (args.dump) {
  // Full understanding per question (dev, real, held-out and any --extra sets) at this size: ids, scores, entities.
  const index = new FaqIndex(kb, { ...DEFAULT_SEARCH_OPTIONS, lexicon });
  const understander = new Understander({ index, tables: shipped.tables, today: today() });
  const sets = ['../shared/eval/dev-ask.jsonl', '../shared/eval/dev-ask-real.jsonl', 'test/fixtures/ask-heldout-real.jsonl', 'test/fixtures/ask-extra.jsonl', ...(args.extra ?? [])];
  const dump = sets.flatMap((path) =>
    readJsonl(path).map(({ q }) => {
      const u = understander.understand(q);
      const brief = (r: typeof u.intent | undefined) => r && { matched: r.matched, score: r.score, ids: r.candidates.map((c) => [c.entry.id, c.score]), terms: r.terms };
      return { q, intent: brief(u.intent), second: brief(u.second), places: u.places, countries: u.countries, documents: u.documents.map((d) => d.id), direction: u.direction, when: u.when, smalltalk: u.smalltalk, inDomain: u.inDomain, asksCase: u.asksCase, context: u.context };
    }),
  );
  writeFileSync(args.dump, JSON.stringify(dump, null, 1));
  console.log(`wrote ${args.dump} (${dump.length} questions)`);
}
