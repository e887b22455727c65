import type { KnowledgeBase } from './load.ts';
import { DEFAULT_SEARCH_OPTIONS, FaqIndex, type SearchOptions } from './search.ts';

/** The knowledge base in use and its search index, swapped together on reload. */
export interface Knowledge {
  kb: KnowledgeBase;
  index: FaqIndex;
}

export function buildKnowledge(kb: KnowledgeBase, options: SearchOptions = DEFAULT_SEARCH_OPTIONS): Knowledge {
  return { kb, index: new FaqIndex(kb, options) };
}

/** The same, built in slices that yield to the event loop (hot reload of a large knowledge base). */
export async function buildKnowledgeInSlices(kb: KnowledgeBase, options: SearchOptions = DEFAULT_SEARCH_OPTIONS): Promise<Knowledge> {
  return { kb, index: await FaqIndex.build(kb, options) };
}
