/** Deterministic synthetic knowledge bases made from the real entries, for scale benchmarks. */
import type { KnowledgeBase } from '../src/knowledge/load.ts';
import type { FaqEntry } from '../src/knowledge/schema.ts';

/** mulberry32: small, fast, and the same sequence on every machine for one seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` entries: each a real entry whose questions and answers are recombined
 * with sentences of another real entry and tagged with a made-up product word,
 * so the vocabulary grows with size as a real, larger FAQ's would.
 */
export function syntheticKnowledgeBase(real: KnowledgeBase, size: number, seed = 20261129): KnowledgeBase {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const entries: FaqEntry[] = [];
  for (let i = 0; i < size; i++) {
    const base = real.entries[i % real.entries.length]!;
    if (i < real.entries.length) {
      entries.push(base);
      continue;
    }
    const other = pick(real.entries);
    const tag = `item${(i * 7919) % 100000}`;
    const mix = (a: string[], b: string[]) => [...a.slice(0, 2), pick(b), `${pick(a)} ${tag}`];
    entries.push({
      ...base,
      id: `${base.id.slice(0, 30)}-s${i}`,
      questions: { zh: mix(base.questions.zh, other.questions.zh), en: mix(base.questions.en, other.questions.en) },
      keywords: [...base.keywords.slice(0, 3), tag],
      answer: { zh: `${base.answer.zh} ${other.answer.zh.slice(0, 80)}`, en: `${base.answer.en} ${other.answer.en.slice(0, 120)} ${tag}` },
      related: [],
    });
  }
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), categories: real.categories };
}
