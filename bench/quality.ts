import type { KnowledgeBase } from '../src/knowledge/load.ts';
import type { EvalQuestion } from '../test/knowledge/eval.ts';
import type { Retriever } from './retrievers.ts';

export interface QualityRow {
  name: string;
  answer: { zh: number; en: number };
  top3: { zh: number; en: number };
  offTopic: number;
}

/** The accuracy test's measure, applied to any retriever. */
export function evaluateRetriever(retriever: Retriever, kb: KnowledgeBase, questions: EvalQuestion[]): QualityRow {
  const counts = { answer: { zh: 0, en: 0 }, top3: { zh: 0, en: 0 }, total: { zh: 0, en: 0 }, rejected: 0, offTopic: 0 };
  const hasFacts = (id: string | undefined, q: EvalQuestion) => {
    const text = id ? kb.byId.get(id)?.answer[q.lang] ?? '' : '';
    return Boolean(text) && (q.must ?? []).every((p) => new RegExp(p, 'i').test(text));
  };
  for (const q of questions) {
    const result = retriever.search(q.q);
    if (q.oos) {
      counts.offTopic++;
      if (!result.matched) counts.rejected++;
      continue;
    }
    counts.total[q.lang]++;
    if (result.matched && hasFacts(result.ids[0], q)) counts.answer[q.lang]++;
    if (result.ids.slice(0, 3).some((id) => hasFacts(id, q))) counts.top3[q.lang]++;
  }
  const rate = (n: number, d: number) => (d ? n / d : 0);
  return {
    name: retriever.name,
    answer: { zh: rate(counts.answer.zh, counts.total.zh), en: rate(counts.answer.en, counts.total.en) },
    top3: { zh: rate(counts.top3.zh, counts.total.zh), en: rate(counts.top3.en, counts.total.en) },
    offTopic: rate(counts.rejected, counts.offTopic),
  };
}
