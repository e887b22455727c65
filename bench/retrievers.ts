/** The three retrievers compared, behind one small interface, over the same knowledge base. */
import { today } from '../src/check/rules.ts';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { analyze, type LexiconTables } from '../src/knowledge/analyze.ts';
import type { KnowledgeBase } from '../src/knowledge/load.ts';
import { readFileSync } from 'node:fs';
import { buildTables, type Tables } from '../src/catalogue/tables.ts';
import { DEFAULT_SEARCH_OPTIONS, FaqIndex } from '../src/knowledge/search.ts';
import { Understander } from '../src/understand/index.ts';

export interface Retrieved {
  /** Entry ids, best first. */
  ids: string[];
  /** Whether the retriever gives an answer at all (off-topic questions should get none). */
  matched: boolean;
}

export interface Retriever {
  name: string;
  search(query: string): Retrieved;
}

/** `lexicon`: the concepts the bot recognises (built-in plus country names), shared by ours and MiniSearch. */
export type RetrieverFactory = (kb: KnowledgeBase, lexicon: LexiconTables) => Retriever;

/** The shipped countries and documents, read once: the understanding step finds places and documents in them. */
let tables: Tables | undefined;
const shippedTables = (): Tables =>
  (tables ??= buildTables(JSON.parse(readFileSync('data/countries.json', 'utf8')), JSON.parse(readFileSync('data/documents.json', 'utf8'))));

/** This project's search, behind the understanding step the bot runs first (clauses, places, documents, small talk). */
export const ours: RetrieverFactory = (kb, lexicon) => {
  const index = new FaqIndex(kb, { ...DEFAULT_SEARCH_OPTIONS, lexicon });
  const understander = new Understander({ index, tables: shippedTables(), today: today() });
  return {
    name: 'ours',
    search(query) {
      const u = understander.understand(query);
      return { ids: u.intent.candidates.map((c) => c.entry.id), matched: !u.smalltalk && u.intent.matched };
    },
  };
};

/** The naive baseline: Fuse.js over whole entries, default options. */
export const plainFuse: RetrieverFactory = (kb) => {
  const fuse = new Fuse(kb.entries, { keys: ['questions.zh', 'questions.en', 'keywords', 'answer.zh', 'answer.en'] });
  return {
    name: 'plain Fuse.js',
    search(query) {
      const hits = fuse.search(query, { limit: 5 });
      return { ids: hits.map((h) => h.item.id), matched: hits.length > 0 };
    },
  };
};

/** A strong peer: MiniSearch (BM25-like) with our tokenisation, fuzzy and prefix matching, question fields boosted. */
export const miniSearch: RetrieverFactory = (kb, lexicon) => {
  const tokenize = (text: string) => analyze(text, lexicon).map((t) => t.term);
  const search = new MiniSearch<{ id: string; questions: string; keywords: string; answer: string }>({
    fields: ['questions', 'keywords', 'answer'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { questions: 2, keywords: 2 }, fuzzy: 0.2, prefix: true, tokenize, processTerm: (term) => term },
  });
  search.addAll(
    kb.entries.map((e) => ({
      id: e.id,
      questions: [...e.questions.zh, ...e.questions.en].join('\n'),
      keywords: e.keywords.join('\n'),
      answer: `${e.answer.zh}\n${e.answer.en}`,
    })),
  );
  return {
    name: 'MiniSearch',
    search(query) {
      const hits = search.search(query).slice(0, 5);
      return { ids: hits.map((h) => String(h.id)), matched: hits.length > 0 };
    },
  };
};

export const RETRIEVERS: RetrieverFactory[] = [ours, plainFuse, miniSearch];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Builds one retriever with a collected heap before and after (run with --expose-gc): its build time and heap growth. */
export function buildMeasured(factory: RetrieverFactory, kb: KnowledgeBase, lexicon: LexiconTables): { retriever: Retriever; buildMs: number; heapMb: number } {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const retriever = factory(kb, lexicon);
  const buildMs = performance.now() - started;
  gc();
  return { retriever, buildMs, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1e6 };
}
