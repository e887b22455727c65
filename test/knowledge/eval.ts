/** Scores the search on a question set: the same measure the accuracy test and the benchmark use. */
import { readFileSync } from 'node:fs';
import type { Lang } from '../../src/i18n/locale.ts';
import type { FaqIndex } from '../../src/knowledge/search.ts';

export interface EvalQuestion {
  q: string;
  lang: Lang;
  must?: string[];
  oos?: boolean;
}

/** The development set: the frozen copy of the shared dev-ask.jsonl in test/fixtures/eval. */
export function loadDevSet(): EvalQuestion[] {
  return readJsonl('test/fixtures/eval/dev-ask.jsonl');
}

export function readJsonl(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
}

export interface EvalReport {
  inScope: Record<Lang, { correct: number; total: number; rate: number }>;
  offTopic: { rejected: number; total: number; rate: number };
  failures: { q: string; got: string | null }[];
}

/** In scope: the answer given contains every expected fact (each a regex). Off topic: no answer given. */
export function evaluate(index: FaqIndex, questions: EvalQuestion[]): EvalReport {
  const inScope = { zh: { correct: 0, total: 0, rate: 0 }, en: { correct: 0, total: 0, rate: 0 } };
  const offTopic = { rejected: 0, total: 0, rate: 0 };
  const failures: EvalReport['failures'] = [];
  for (const question of questions) {
    const result = index.search(question.q);
    if (question.oos) {
      offTopic.total++;
      if (!result.matched) offTopic.rejected++;
      else failures.push({ q: question.q, got: result.entry?.id ?? null });
      continue;
    }
    const bucket = inScope[question.lang];
    bucket.total++;
    const answer = result.matched && result.entry ? result.entry.answer[question.lang] : '';
    if ((question.must ?? []).every((pattern) => new RegExp(pattern, 'i').test(answer))) bucket.correct++;
    else failures.push({ q: question.q, got: result.entry?.id ?? null });
  }
  for (const bucket of [inScope.zh, inScope.en]) bucket.rate = bucket.total ? bucket.correct / bucket.total : 0;
  offTopic.rate = offTopic.total ? offTopic.rejected / offTopic.total : 0;
  return { inScope, offTopic, failures };
}
