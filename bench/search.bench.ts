/**
 * Search speed at scale: this project's index vs plain Fuse.js over whole entries
 * (default options), on the same synthetic knowledge base, in the same process.
 * Runs are interleaved query by query so machine noise hits both alike; the
 * ratio is what to compare across machines, not the milliseconds.
 *
 *   npm run bench            (sizes 50, 500, 5000)
 *   npm run bench -- 5000    (one size)
 */
import Fuse from 'fuse.js';
import { loadFaqFile } from '../src/knowledge/load.ts';
import { FaqIndex } from '../src/knowledge/search.ts';
import { loadDevSet, readJsonl } from '../test/knowledge/eval.ts';
import { format, median, percentile } from './stats.ts';
import { syntheticKnowledgeBase } from './synthetic.ts';

const real = await loadFaqFile('data/faq.json');
const questions = loadDevSet().map((q) => q.q);
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const REPEATS = 3;
const warmUp = readJsonl('test/fixtures/ask-extra.jsonl');
/** Plain Fuse is slow at scale: it gets a subset of questions so the run stays short. */
const FUSE_QUESTIONS = 21;

console.log(`# Search speed (Node ${process.version}, ${questions.length} questions × ${REPEATS})\n`);
console.log('| entries | ours median ms | ours p99 ms | plain Fuse median ms | plain Fuse p99 ms | median ratio ours/Fuse | p99 ratio ours/Fuse |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const size of sizes.length ? sizes : [50, 500, 5000]) {
  const kb = syntheticKnowledgeBase(real, size);
  const ours = new FaqIndex(kb);
  const fuse = new Fuse(kb.entries, { keys: ['questions.zh', 'questions.en', 'keywords', 'answer.zh', 'answer.en'] });
  // Warm up on other questions (the held-out set), so the JIT is warm but the
  // measured questions' unknown words still hit the fuzzy matcher cold.
  for (const { q } of warmUp) ours.search(q);
  for (const { q } of warmUp.slice(0, 3)) fuse.search(q);
  const oursTimes: number[] = [];
  const fuseTimes: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    questions.forEach((q, i) => {
      let t = performance.now();
      ours.search(q);
      oursTimes.push(performance.now() - t);
      if (i % Math.ceil(questions.length / FUSE_QUESTIONS) === 0) {
        t = performance.now();
        fuse.search(q);
        fuseTimes.push(performance.now() - t);
      }
    });
  }
  const row = [
    size,
    format(median(oursTimes)),
    format(percentile(oursTimes, 99)),
    format(median(fuseTimes)),
    format(percentile(fuseTimes, 99)),
    (median(oursTimes) / median(fuseTimes)).toFixed(4),
    (percentile(oursTimes, 99) / percentile(fuseTimes, 99)).toFixed(4),
  ];
  console.log(`| ${row.join(' | ')} |`);
}
