/**
 * FAQ search: an inverted index over analysed terms, scored by IDF-weighted
 * coverage of the question, with Fuse.js as the fuzzy matcher for words the
 * index does not know.
 *
 * Why this shape: running Fuse over every entry costs terms × entries × fields
 * per query (~0.4 s at 5,000 entries, see shared/reference/search-notes.md).
 * Here a query costs the postings of its own terms; Fuse only runs over the
 * vocabulary of distinct words, only for unknown words, and its answers are cached.
 */
import Fuse from 'fuse.js';
import { analyze, conceptToken, hanWords, isDomainToken, latinTerms, LEXICON, matchHanLexicon, normalizeText, splitRuns, type Term } from './analyze.ts';
import type { KnowledgeBase } from './load.ts';
import type { FaqEntry } from './schema.ts';

export interface SearchOptions {
  /** Coverage (0–1) a best match needs to count as an answer. Calibrated on the dev set. */
  threshold: number;
  /** How many candidates to return. */
  limit: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { threshold: 0.3, limit: 5 };

export interface Candidate {
  entry: FaqEntry;
  /** Share of the question's weight the entry covers, 0–1. */
  score: number;
}

export interface SearchResult {
  /** True when the best candidate is a confident answer. */
  matched: boolean;
  /** The best candidate when matched. */
  entry?: FaqEntry;
  score: number;
  /** Best candidates, best first (also when not matched: the closest topics). */
  candidates: Candidate[];
  /** Whether the question names anything of our domain. */
  inDomain: boolean;
  /** The terms the question was read as, with their match quality. */
  terms: { term: string; quality: number; known: boolean }[];
}

/** Field weights: a term in a question variant says more than one in the answer text. */
const WEIGHT = { question: 1, keyword: 0.9, answer: 0.45 } as const;
/** A word nobody in the knowledge base uses still counts against coverage, a bit less than a rare known word. */
const UNKNOWN_TERM_FACTOR = 0.6;
/** How far a fuzzy word may be from a known one (Fuse score: errors / length). */
const LATIN_FUZZY_THRESHOLD = 0.34;
const MIN_FUZZY_LENGTH = 4;

interface Posting {
  entry: number;
  weight: number;
  /** Bit i set: question variant i of the entry contains the term. */
  variants: number;
}

interface QueryTerm {
  term: string;
  quality: number;
}

export class FaqIndex {
  readonly entries: FaqEntry[];
  private readonly postings = new Map<string, Posting[]>();
  private readonly latinVocabulary: Fuse<string>;
  private readonly hanLexicon: Fuse<string>;
  private readonly fuzzyCache = new Map<string, Term[] | null>();
  /** Per entry, per question variant: the summed IDF of the variant's own terms. */
  private readonly variantMass: number[][] = [];

  constructor(
    kb: KnowledgeBase,
    private readonly options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
  ) {
    this.entries = kb.entries;
    const latinSurfaces = new Set<string>();
    const variantTerms = kb.entries.map((entry, index) => this.indexEntry(entry, index, latinSurfaces));
    for (const variants of variantTerms) {
      this.variantMass.push(variants.map((terms) => [...new Set(terms)].reduce((sum, term) => sum + this.idf(term) * FaqIndex.termWeight(term), 0)));
    }
    for (const phrase of LEXICON.latin.keys()) if (!phrase.includes(' ')) latinSurfaces.add(phrase);
    this.latinVocabulary = new Fuse([...latinSurfaces].filter((w) => w.length >= MIN_FUZZY_LENGTH - 1), {
      threshold: LATIN_FUZZY_THRESHOLD,
      ignoreLocation: true,
      includeScore: true,
      isCaseSensitive: true,
    });
    const hanTerms = [...LEXICON.han.keys()].filter((t) => [...t].length >= 4);
    this.hanLexicon = new Fuse(hanTerms, { threshold: 0.3, ignoreLocation: true, includeScore: true });
  }

  /** Adds an entry's terms to the postings; returns each question variant's terms. */
  private indexEntry(entry: FaqEntry, index: number, latinSurfaces: Set<string>): string[][] {
    const best = new Map<string, Posting>();
    const add = (terms: Term[], weight: number, variantBit: number) => {
      for (const { term, surface, script } of terms) {
        if (script === 'latin' && !term.startsWith('#')) latinSurfaces.add(surface);
        const posting = best.get(term) ?? { entry: index, weight: 0, variants: 0 };
        posting.weight = Math.max(posting.weight, weight);
        posting.variants |= variantBit;
        best.set(term, posting);
      }
    };
    const variants = [...entry.questions.zh, ...entry.questions.en];
    const variantTerms = variants.slice(0, 31).map((question, i) => {
      const terms = analyze(question);
      add(terms, WEIGHT.question, 1 << i);
      return terms.map((t) => t.term);
    });
    for (const keyword of entry.keywords) add(analyze(keyword), WEIGHT.keyword, 0);
    add(analyze(entry.answer.zh), WEIGHT.answer, 0);
    add(analyze(entry.answer.en), WEIGHT.answer, 0);
    for (const [term, posting] of best) {
      const list = this.postings.get(term);
      if (list) list.push(posting);
      else this.postings.set(term, [posting]);
    }
    return variantTerms;
  }

  /** A single Chinese character is an ambiguous morpheme (哪, 年, 办): it counts, but little. */
  private static termWeight(term: string): number {
    return term.length === 1 && /\p{Script=Han}/u.test(term) ? 0.3 : 1;
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    const n = this.entries.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Closest known Latin word for an unknown one, through Fuse over the vocabulary. */
  private fuzzyLatin(surface: string): Term[] | null {
    const cached = this.fuzzyCache.get(surface);
    if (cached !== undefined) return cached;
    let found: Term[] | null = null;
    if (surface.length >= MIN_FUZZY_LENGTH && /^\p{L}+$/u.test(surface)) {
      const hit = this.latinVocabulary
        .search(surface, { limit: 5 })
        .filter((h) => Math.abs(h.item.length - surface.length) <= 2)
        .sort((a, b) => (a.score ?? 1) - (b.score ?? 1))[0];
      if (hit) found = latinTerms(hit.item).map((t) => ({ ...t, surface }));
    }
    if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(surface, found);
    return found;
  }

  /**
   * Repairs a one-character slip in a known Chinese phrase (附家证明书 → 附加证明书):
   * Fuse proposes lexicon phrases near each window, and we accept one of the same
   * length that differs in exactly one character.
   */
  private repairHan(run: string): string {
    const chars = [...run];
    for (let length = 6; length >= 4; length--) {
      for (let start = 0; start + length <= chars.length; start++) {
        const window = chars.slice(start, start + length).join('');
        // An exact phrase plus a neighbouring character is not a typo (海牙认证不… ≠ 海牙认证书).
        const exactInside = LEXICON.han.has(window.slice(1)) || LEXICON.han.has(chars.slice(start, start + length - 1).join(''));
        if (LEXICON.han.has(window) || exactInside) continue;
        const fix = this.hanLexicon
          .search(window, { limit: 3 })
          .map((h) => h.item)
          .find((item) => {
            const target = [...item];
            if (target.length !== length) return false;
            let diff = 0;
            for (let i = 0; i < length; i++) if (target[i] !== chars[start + i]) diff++;
            return diff === 1;
          });
        if (fix) return this.repairHan([...chars.slice(0, start), fix, ...chars.slice(start + length)].join(''));
      }
    }
    return run;
  }

  /** Query text → terms with match quality (1 exact; less for fuzzy). Unknown terms keep quality 0. */
  readQuery(text: string): QueryTerm[] {
    const terms = new Map<string, number>();
    const put = (term: string, quality: number) => terms.set(term, Math.max(terms.get(term) ?? 0, quality));
    for (const run of splitRuns(normalizeText(text))) {
      if (run.script === 'latin') {
        for (const t of latinTerms(run.text)) {
          if (t.term.startsWith('#') || this.postings.has(t.term)) put(t.term, 1);
          else {
            const fuzzy = this.fuzzyLatin(t.surface);
            if (fuzzy) for (const f of fuzzy) put(f.term, 0.8);
            else put(t.term, 0);
          }
        }
        continue;
      }
      const repaired = this.repairHan(run.text);
      const quality = repaired === run.text ? 1 : 0.85;
      for (const piece of matchHanLexicon(repaired)) {
        if (piece.kind === 'concept') for (const token of piece.tokens) put(token, quality);
        else for (const word of hanWords(piece.text)) put(word, this.postings.has(word) ? 1 : 0);
      }
    }
    return [...terms].map(([term, quality]) => ({ term, quality }));
  }

  search(text: string): SearchResult {
    const query = this.readQuery(text);
    const inDomain = query.some((q) => q.quality > 0 && isDomainToken(q.term));
    const unknownIdf = Math.log(1 + (this.entries.length + 0.5) / 0.5) * UNKNOWN_TERM_FACTOR;
    let mass = 0;
    const union = new Map<number, number>();
    const perVariant = new Map<number, number[]>();
    for (const { term, quality } of query) {
      const postings = quality > 0 ? this.postings.get(term) : undefined;
      const weight = FaqIndex.termWeight(term);
      if (!postings) {
        mass += unknownIdf * weight;
        continue;
      }
      const idf = this.idf(term) * weight;
      mass += idf;
      for (const p of postings) {
        union.set(p.entry, (union.get(p.entry) ?? 0) + quality * idf * p.weight);
        if (p.variants) {
          const sums = perVariant.get(p.entry) ?? [];
          for (let bits = p.variants, i = 0; bits; bits >>>= 1, i++) if (bits & 1) sums[i] = (sums[i] ?? 0) + quality * idf;
          perVariant.set(p.entry, sums);
        }
      }
    }
    const scored: Candidate[] = [];
    if (mass > 0) {
      for (const [index, unionScore] of union) {
        // The closest single question variant, judged both ways: how much of the
        // question it covers and how much of it the question covers. The second
        // half keeps a long variant that shares one word from beating a close one.
        let bestVariant = 0;
        (perVariant.get(index) ?? []).forEach((matchedMass, i) => {
          const ownMass = this.variantMass[index]?.[i] ?? 0;
          const similarity = (matchedMass / mass) * (0.6 + 0.4 * Math.min(1, ownMass > 0 ? matchedMass / ownMass : 0));
          bestVariant = Math.max(bestVariant, similarity);
        });
        // Half from everything the entry says, half from its single closest question:
        // the second separates entries that share vocabulary but answer different things.
        const score = 0.5 * (unionScore / mass) + 0.5 * bestVariant;
        scored.push({ entry: this.entries[index]!, score: Math.min(1, score) });
      }
    }
    scored.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    const candidates = scored.slice(0, this.options.limit);
    const best = candidates[0];
    const matched = Boolean(best && inDomain && best.score >= this.options.threshold);
    return {
      matched,
      entry: matched ? best?.entry : undefined,
      score: best?.score ?? 0,
      candidates,
      inDomain,
      terms: query.map((q) => ({ ...q, known: q.quality > 0 && this.postings.has(q.term) })),
    };
  }
}

export { conceptToken };
