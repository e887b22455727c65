/**
 * The whole answer per message (reading, verdicts, composing) over a knowledge base, timed
 * question by question: what a user waits for, beside the search alone measured in the same run.
 */
import type { Tables } from '../src/catalogue/tables.ts';
import { today } from '../src/check/rules.ts';
import { I18n } from '../src/i18n/index.ts';
import { detectLocale } from '../src/i18n/locale.ts';
import type { KnowledgeBase } from '../src/knowledge/load.ts';
import type { LexiconTables } from '../src/knowledge/analyze.ts';
import { DEFAULT_SEARCH_OPTIONS, FaqIndex } from '../src/knowledge/search.ts';
import { answerQuestion } from '../src/reply/answer.ts';

export async function answerTimes(kb: KnowledgeBase, lexicon: LexiconTables, tables: Tables, questions: string[], warmUp: string[], repeat: number): Promise<number[]> {
  const index = new FaqIndex(kb, { ...DEFAULT_SEARCH_OPTIONS, lexicon });
  const deps = { index, byId: new Map(kb.entries.map((entry) => [entry.id, entry])), tables, today: today() };
  const i18n = await I18n.create();
  const answer = (q: string) => {
    const locale = detectLocale(q) ?? 'en';
    answerQuestion(deps, q, locale, i18n.translator(locale));
  };
  warmUp.forEach(answer);
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const q of questions) {
      const started = performance.now();
      answer(q);
      times.push(performance.now() - started);
    }
  }
  return times;
}
