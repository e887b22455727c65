import { loadFaqFile, type KnowledgeBase } from './load.ts';
import { DEFAULT_SEARCH_OPTIONS, FaqIndex, type SearchOptions } from './search.ts';

/** The knowledge base in use and its search index, swapped together on reload. */
export interface Knowledge {
  kb: KnowledgeBase;
  index: FaqIndex;
}

export function buildKnowledge(kb: KnowledgeBase, options: SearchOptions = DEFAULT_SEARCH_OPTIONS): Knowledge {
  return { kb, index: new FaqIndex(kb, options) };
}

/** Holds the current knowledge; readers call current() per request so a reload takes effect at once. */
export class KnowledgeService {
  private knowledge: Knowledge;

  constructor(
    initial: Knowledge,
    readonly faqPath?: string,
  ) {
    this.knowledge = initial;
  }

  static async fromFile(path: string): Promise<KnowledgeService> {
    return new KnowledgeService(buildKnowledge(await loadFaqFile(path)), path);
  }

  current(): Knowledge {
    return this.knowledge;
  }

  /** Loads the file again; on any error the previous knowledge stays in use and the error is thrown. */
  async reload(): Promise<Knowledge> {
    if (!this.faqPath) return this.knowledge;
    this.knowledge = buildKnowledge(await loadFaqFile(this.faqPath));
    return this.knowledge;
  }
}
