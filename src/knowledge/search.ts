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
import { analyze, hanWords, isDomainToken, latinTerms, LEXICON, matchHanLexicon, normalizeText, splitRuns, type LexiconTables, type Term } from './analyze.ts';
import type { KnowledgeBase } from './load.ts';
import type { FaqEntry } from './schema.ts';

export interface SearchOptions {
  /** Coverage (0–1) a best match needs to count as an answer. Calibrated on the dev set. */
  threshold: number;
  /** How many candidates to return. */
  limit: number;
  /** Concepts to recognise; the built-in lexicon unless the caller adds e.g. country names. */
  lexicon?: LexiconTables;
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

/**
 * Field weights: a term in a question variant says more than one in the answer
 * text; a curated keyword says most ("apostille" alone should find the entry
 * about apostilles, not the first of forty that mention one).
 */
const WEIGHT = { question: 1, keyword: 1.15, answer: 0.45 } as const;
/** Queries longer than this are cut: no question needs more, and search cost stays bounded. */
export const MAX_QUERY_LENGTH = 500;
/** Typo repairs in one run of Chinese text (repairHan): a bound, not a budget any real question comes near. */
const MAX_HAN_REPAIRS = 16;
/** Words longer than this are not fuzzy-matched (nobody misspells a 30-letter word into a real one). */
const MAX_FUZZY_LENGTH = 30;
/** A word nobody in the knowledge base uses still counts against coverage, a bit less than a rare known word. */
const UNKNOWN_TERM_FACTOR = 0.6;
const MIN_IDF = 0.25;
/** How far a fuzzy word may be from a known one (Fuse score: errors / length). */
const LATIN_FUZZY_THRESHOLD = 0.34;
const MIN_FUZZY_LENGTH = 5;
/** Concept tokens of places (countries, regions) start with this; see placeConcepts(). */
export const PLACE_TOKEN_PREFIX = '#place-';
const PLACE_WEIGHT = 1.5;
/** Coverage needed when the question names a known topic but no domain word. */
const OUT_OF_DOMAIN_THRESHOLD = 0.75;

/** One entry's use of a term, while the index is built. */
interface Posting {
  entry: number;
  weight: number;
  /** Bit i set: question variant i of the entry contains the term. */
  variants: number;
}

/**
 * A term's postings as parallel typed arrays, in entry order: compact, and quick to
 * walk or to binary-search by entry (an array of objects is neither at 5,000 entries).
 */
interface PostingList {
  entries: Int32Array;
  /** The field weight per posting (WEIGHT values, exact). */
  weights: Float64Array;
  variants: Int32Array;
  /** Whether some question variant or keyword (not only answer text) uses the term. */
  topic: boolean;
}

function postingList(postings: Posting[]): PostingList {
  const maxWeight = postings.reduce((max, p) => Math.max(max, p.weight), 0);
  return {
    entries: Int32Array.from(postings, (p) => p.entry),
    weights: Float64Array.from(postings, (p) => p.weight),
    variants: Int32Array.from(postings, (p) => p.variants),
    topic: maxWeight >= WEIGHT.question,
  };
}

export interface QueryTerm {
  term: string;
  quality: number;
}

function bigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 2 <= padded.length; i++) grams.add(padded.slice(i, i + 2));
  return grams;
}

/** Lexicon phrases of 4–6 characters, by length, as character arrays (for the one-slip repair). */
function phrasesByLength(lexicon: LexiconTables): Map<number, string[][]> {
  const byLength = new Map<number, string[][]>();
  for (const phrase of lexicon.han.keys()) {
    const chars = [...phrase];
    if (chars.length < 4 || chars.length > 6) continue;
    byLength.set(chars.length, [...(byLength.get(chars.length) ?? []), chars]);
  }
  return byLength;
}

interface KnownTerm {
  postings: PostingList;
  /** quality × IDF × term weight: what the term adds to an entry that has it (times the posting's field weight). */
  gain: number;
}

interface Ranked {
  index: number;
  score: number;
}

/** Where an entry is in a term's list (lists are in entry order), or -1. */
function postingOf(entries: Int32Array, entry: number): number {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = entries[mid]!;
    if (at === entry) return mid;
    if (at < entry) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Entries with the highest score bounds scored first, to set the bar the others must reach. */
const SEED_ENTRIES = 16;

/** Ranking order: higher score first, then id, so equal scores come out the same every time. */
function better(score: number, index: number, other: { index: number; score: number }, entries: FaqEntry[]): boolean {
  return score > other.score || (score === other.score && entries[index]!.id < entries[other.index]!.id);
}

/** Question variants per entry that the per-variant score looks at (bits of an int). */
const MAX_VARIANTS = 31;

/** The question variants an entry is scored on, in bit order. */
function questionVariants(entry: FaqEntry): string[] {
  return [...entry.questions.zh, ...entry.questions.en].slice(0, MAX_VARIANTS);
}

function variantCount(entry: FaqEntry): number {
  return Math.min(MAX_VARIANTS, entry.questions.zh.length + entry.questions.en.length);
}

export class FaqIndex {
  readonly entries: FaqEntry[];
  private readonly postings = new Map<string, PostingList>();
  /** Distinct Latin words of the index and lexicon, and a bigram index over them for fuzzy candidates. */
  private latinWords: string[] = [];
  private readonly latinBigrams = new Map<string, number[]>();
  private readonly fuzzyCache = new Map<string, Term[] | null>();
  /**
   * Per question variant, entry after entry: the summed IDF of the variant's own terms.
   * Entry e's variants are [variantStart[e], variantStart[e + 1]); one flat array keeps
   * the per-variant scores of a search close together in memory.
   */
  private readonly variantMass: Float64Array;
  private readonly variantStart: Int32Array;
  /** The concepts this index recognises (built-in plus any the caller added). */
  readonly lexicon: LexiconTables;
  private readonly hanPhrasesByLength: Map<number, string[][]>;
  /** Buffers reused by every search (search is synchronous, so one set is enough). */
  private readonly scratch: { bounds: Float64Array; scored: Uint8Array; touched: Int32Array; entryVariantSums: Float64Array };

  /** What is left of the build (see buildSteps); empty once the index is complete. */
  private readonly pendingBuild: Generator<void>;

  /** Builds the whole index now (start-up, tests, CLIs). A reload uses FaqIndex.build, which yields. */
  constructor(
    kb: KnowledgeBase,
    private readonly options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
    when: 'now' | 'in steps' = 'now',
  ) {
    this.entries = kb.entries;
    this.lexicon = options.lexicon ?? LEXICON;
    this.hanPhrasesByLength = phrasesByLength(this.lexicon);
    const n = kb.entries.length;
    this.variantStart = new Int32Array(n + 1);
    for (const [index, entry] of kb.entries.entries()) this.variantStart[index + 1] = this.variantStart[index]! + variantCount(entry);
    this.variantMass = new Float64Array(this.variantStart[n]!);
    this.scratch = { bounds: new Float64Array(n), scored: new Uint8Array(n), touched: new Int32Array(n), entryVariantSums: new Float64Array(MAX_VARIANTS) };
    this.pendingBuild = this.buildSteps(kb);
    if (when === 'now') for (const _step of this.pendingBuild);
  }

  /**
   * The index built a little at a time, yielding to the event loop whenever a slice
   * has used `sliceMs`: a 5,000-entry build takes seconds of CPU, and the bot keeps
   * answering from the index it has meanwhile (hot reload swaps in the new one at the end).
   */
  static async build(kb: KnowledgeBase, options: SearchOptions = DEFAULT_SEARCH_OPTIONS, sliceMs = 8): Promise<FaqIndex> {
    const index = new FaqIndex(kb, options, 'in steps');
    let sliceStarted = performance.now();
    for (const _step of index.pendingBuild) {
      if (performance.now() - sliceStarted < sliceMs) continue;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
    return index;
  }

  /** The build, one small step per yield: an entry's postings, an entry's variant masses, a batch of fuzzy words. */
  private *buildSteps(kb: KnowledgeBase): Generator<void> {
    const latinSurfaces = new Set<string>();
    const variantTerms: string[][][] = [];
    const building = new Map<string, Posting[]>();
    for (const [index, entry] of kb.entries.entries()) {
      variantTerms.push(this.indexEntry(entry, index, latinSurfaces, building));
      yield;
    }
    // One step per term: a common term has thousands of postings, so batches of terms by count
    // blocked the loop for 170 ms at 5,000 entries; the driver yields only once a slice is used up.
    for (const [term, postings] of building) {
      this.postings.set(term, postingList(postings));
      yield;
    }
    building.clear();
    for (const [index, variants] of variantTerms.entries()) {
      for (const [i, terms] of variants.entries()) {
        this.variantMass[this.variantStart[index]! + i] = [...new Set(terms)].reduce((sum, term) => sum + this.idf(term) * FaqIndex.termWeight(term), 0);
      }
      yield;
    }
    for (const phrase of this.lexicon.latin.keys()) if (!phrase.includes(' ')) latinSurfaces.add(phrase);
    this.latinWords = [...latinSurfaces].filter((w) => w.length >= MIN_FUZZY_LENGTH && w.length <= MAX_FUZZY_LENGTH);
    for (const [id, word] of this.latinWords.entries()) {
      for (const gram of bigrams(word)) {
        const ids = this.latinBigrams.get(gram);
        if (ids) ids.push(id);
        else this.latinBigrams.set(gram, [id]);
      }
      if (id % 500 === 499) yield;
    }
  }

  /** Adds an entry's terms to the postings; returns each question variant's terms. */
  private indexEntry(entry: FaqEntry, index: number, latinSurfaces: Set<string>, building: Map<string, Posting[]>): string[][] {
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
    const variantTerms = questionVariants(entry).map((question, i) => {
      const terms = analyze(question, this.lexicon);
      add(terms, WEIGHT.question, 1 << i);
      return terms.map((t) => t.term);
    });
    for (const keyword of entry.keywords) add(analyze(keyword, this.lexicon), WEIGHT.keyword, 0);
    add(analyze(entry.answer.zh, this.lexicon), WEIGHT.answer, 0);
    add(analyze(entry.answer.en, this.lexicon), WEIGHT.answer, 0);
    for (const [term, posting] of best) {
      const list = building.get(term);
      if (list) list.push(posting);
      else building.set(term, [posting]);
    }
    return variantTerms;
  }

  /**
   * A single Chinese character is an ambiguous morpheme (哪, 年, 办), and a number is
   * mostly noise unless the knowledge base knows it (1961, 15): both count, but little.
   * A place counts more.
   */
  private static termWeight(term: string): number {
    // A named place is usually the point of the question ("加拿大…什么时候开始适用").
    if (term.startsWith(PLACE_TOKEN_PREFIX)) return PLACE_WEIGHT;
    return (term.length === 1 && /\p{Script=Han}/u.test(term)) || /^\d+$/.test(term) ? 0.3 : 1;
  }

  /** The coverage a best match needs to count as an answer. */
  get threshold(): number {
    return this.options.threshold;
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.entries.length ?? 0;
    const n = this.entries.length;
    // Floored: a word in nearly every entry ("apostille") still says the question is about it.
    return Math.max(MIN_IDF, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }

  /** Closest known Latin word for an unknown one, through Fuse over the vocabulary. */
  private fuzzyLatin(surface: string): Term[] | null {
    const cached = this.fuzzyCache.get(surface);
    if (cached !== undefined) return cached;
    let found: Term[] | null = null;
    if (surface.length >= MIN_FUZZY_LENGTH && surface.length <= MAX_FUZZY_LENGTH && /^\p{L}+$/u.test(surface)) {
      // Bigrams propose the few words that could be within reach; Fuse judges them.
      const shared = new Map<number, number>();
      const grams = bigrams(surface);
      for (const gram of grams) for (const id of this.latinBigrams.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      const needed = Math.max(1, grams.size - 4);
      const candidates = [...shared]
        .filter(([id, count]) => count >= needed && Math.abs(this.latinWords[id]!.length - surface.length) <= 2)
        .map(([id]) => this.latinWords[id]!);
      const hit = new Fuse(candidates, { threshold: LATIN_FUZZY_THRESHOLD, ignoreLocation: true, includeScore: true, isCaseSensitive: true })
        .search(surface)
        .sort((a, b) => (a.score ?? 1) - (b.score ?? 1) || a.item.localeCompare(b.item))[0];
      if (hit) found = latinTerms(hit.item, this.lexicon).map((t) => ({ ...t, surface }));
    }
    if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(surface, found);
    return found;
  }

  /**
   * Repairs a one-character slip in a known Chinese phrase (附家证明书 → 附加证明书):
   * a window of the question that differs from a lexicon phrase of the same length
   * (four characters or more) in exactly one character is read as that phrase.
   * Chinese typos are mostly homophone substitutions, so this is the edit that matters,
   * and checking it directly is exact and cheap (Fuse.js serves the Latin words).
   *
   * One pass, longest phrases first, and a repair never touches characters that are
   * already a known phrase as typed or a repair made before: two phrases that overlap
   * by one character ("地方外办客户": 地方外办 and 外国客户) once repaired each other back
   * and forth without end (issue 19). At most MAX_HAN_REPAIRS repairs per run.
   */
  private repairHan(run: string): string {
    const chars = [...run];
    if (chars.length < 4) return run;
    const known = this.lexicon.han;
    // Characters that are part of a known phrase (four or more characters) as typed, or of a repair.
    const locked = new Uint8Array(chars.length);
    const lock = (start: number, length: number) => locked.fill(1, start, start + length);
    for (let length = 6; length >= 4; length--) {
      for (let start = 0; start + length <= chars.length; start++) if (known.has(chars.slice(start, start + length).join(''))) lock(start, length);
    }
    let repairs = 0;
    for (let length = 6; length >= 4 && repairs < MAX_HAN_REPAIRS; length--) {
      const phrases = this.hanPhrasesByLength.get(length) ?? [];
      for (let start = 0; start + length <= chars.length && repairs < MAX_HAN_REPAIRS; start++) {
        if (locked.subarray(start, start + length).includes(1)) continue;
        const window = chars.slice(start, start + length);
        // An exact phrase plus a neighbouring character is not a typo (海牙认证不… ≠ 海牙认证书).
        if (known.has(window.join('')) || known.has(window.slice(1).join('')) || known.has(window.slice(0, -1).join(''))) continue;
        const fix = phrases.find((phrase) => {
          let diff = 0;
          for (let i = 0; i < length && diff < 2; i++) if (phrase[i] !== window[i]) diff++;
          return diff === 1;
        });
        if (!fix) continue;
        chars.splice(start, length, ...fix);
        lock(start, length);
        repairs++;
      }
    }
    return repairs ? chars.join('') : run;
  }

  /** Query text → terms with match quality (1 exact; less for fuzzy). Unknown terms keep quality 0. */
  readQuery(text: string): QueryTerm[] {
    const terms = new Map<string, number>();
    const put = (term: string, quality: number) => terms.set(term, Math.max(terms.get(term) ?? 0, quality));
    for (const run of splitRuns(normalizeText(text.slice(0, MAX_QUERY_LENGTH)))) {
      if (run.script === 'latin') {
        for (const t of latinTerms(run.text, this.lexicon)) {
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
      for (const piece of matchHanLexicon(repaired, this.lexicon)) {
        if (piece.kind === 'concept') for (const token of piece.tokens) put(token, quality);
        else for (const word of hanWords(piece.text)) put(word, this.postings.has(word) ? 1 : 0);
      }
    }
    return [...terms].map(([term, quality]) => ({ term, quality }));
  }

  /** `limit`: how many candidates, when a caller wants more than the usual few (inline mode lists up to 10). */
  search(text: string, limit = this.options.limit): SearchResult {
    return this.searchTerms(this.readQuery(text), limit);
  }

  /** True when some question variant or keyword (not only answer text) uses the term. */
  isTopicTerm(term: string): boolean {
    return this.postings.get(term)?.topic ?? false;
  }

  /** Scores terms already read (readQuery): callers that read a message clause by clause score any union of clauses without reading twice. */
  searchTerms(query: QueryTerm[], limit = this.options.limit): SearchResult {
    const inDomain = query.some((q) => q.quality > 0 && isDomainToken(q.term, this.lexicon));
    const unknownIdf = Math.log(1 + (this.entries.length + 0.5) / 0.5) * UNKNOWN_TERM_FACTOR;
    // The known terms in query order (scores are summed in this order, so they come out the same bit for bit).
    const known: KnownTerm[] = [];
    let mass = 0;
    for (const { term, quality } of query) {
      const postings = quality > 0 ? this.postings.get(term) : undefined;
      const weight = FaqIndex.termWeight(term);
      if (!postings) {
        // A place we know that no entry names ("…for Germany") is context, not a gap in our answer.
        if (!term.startsWith(PLACE_TOKEN_PREFIX)) mass += unknownIdf * weight;
        continue;
      }
      const idf = this.idf(term) * weight;
      mass += idf;
      known.push({ postings, gain: quality * idf });
    }
    const top = this.rank(known, mass, limit);
    // Keyword weight can lift a score a little past 1; callers see coverage in 0–1.
    const candidates = top.map(({ index, score }) => ({ entry: this.entries[index]!, score: Math.min(1, score) }));
    const best = candidates[0];
    // Small talk shares words with us ("how", "time", "price"): a question is answered only
    // when it names something of our domain, or names a topic we know (a country, a fee)
    // and the best entry covers nearly all of it ("印度?").
    const namesTopic = query.some((q) => q.quality > 0 && q.term.startsWith('#'));
    const confident = inDomain ? this.options.threshold : namesTopic ? OUT_OF_DOMAIN_THRESHOLD : Infinity;
    const matched = Boolean(best && best.score >= confident);
    return {
      matched,
      entry: matched ? best?.entry : undefined,
      score: best?.score ?? 0,
      candidates,
      inDomain,
      terms: query.map((q) => ({ ...q, known: q.quality > 0 && this.postings.has(q.term) })),
    };
  }

  /**
   * The best `limit` entries, scoring exactly only those that could make it. One pass
   * over the terms' postings gives every entry named an upper bound on its score (the
   * exact share of everything it says; its closest question bounded by all its
   * questions together). The entries with the highest bounds are scored first, which
   * sets the bar; after that only entries whose bound reaches the bar are scored.
   */
  private rank(terms: KnownTerm[], mass: number, limit: number): Ranked[] {
    const top: Ranked[] = [];
    if (limit < 1) return top;
    const { bounds, scored, touched } = this.scratch;
    let touchedCount = 0;
    for (const { postings, gain } of terms) {
      const { entries, weights, variants } = postings;
      const half = 0.5 * gain;
      for (let at = 0; at < entries.length; at++) {
        const entry = entries[at]!;
        if (bounds[entry] === 0) touched[touchedCount++] = entry;
        bounds[entry]! += half * weights[at]! + (variants[at] !== 0 ? half : 0);
      }
    }
    // Floating-point slack on the bound: an entry that would tie the last of the best still gets scored (ids break ties).
    const reaches = (entry: number) => top.length < limit || (bounds[entry]! / mass) * (1 + 1e-9) >= top[limit - 1]!.score;
    const score = (entry: number) => {
      scored[entry] = 1;
      this.insertTop(top, limit, entry, this.scoreEntry(entry, terms, mass));
    };
    // The entries with the highest bounds, best first (a small sorted array).
    const seedCount = Math.max(SEED_ENTRIES, 2 * limit);
    const seeds: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const entry = touched[t]!;
      const bound = bounds[entry]!;
      if (seeds.length === seedCount && bound <= bounds[seeds[seedCount - 1]!]!) continue;
      let at = seeds.length;
      while (at > 0 && bound > bounds[seeds[at - 1]!]!) at--;
      seeds.splice(at, 0, entry);
      if (seeds.length > seedCount) seeds.pop();
    }
    for (const entry of seeds) score(entry);
    for (let t = 0; t < touchedCount; t++) {
      const entry = touched[t]!;
      if (!scored[entry] && reaches(entry)) score(entry);
    }
    for (let t = 0; t < touchedCount; t++) {
      const entry = touched[t]!;
      bounds[entry] = 0;
      scored[entry] = 0;
    }
    return top;
  }

  /**
   * One entry's score: the share of the query's mass the entry covers, half over
   * everything it says, half over its single closest question variant. Terms are
   * added in query order, so the sums are the same whichever entries are scored.
   */
  private scoreEntry(index: number, terms: KnownTerm[], mass: number): number {
    const variantSums = this.scratch.entryVariantSums;
    const first = this.variantStart[index]!;
    const count = this.variantStart[index + 1]! - first;
    variantSums.fill(0, 0, count);
    let union = 0;
    for (const { postings, gain } of terms) {
      const at = postingOf(postings.entries, index);
      if (at < 0) continue;
      union += gain * postings.weights[at]! + Number.MIN_VALUE;
      for (let bits = postings.variants[at]!, i = 0; bits; bits >>>= 1, i++) if (bits & 1) variantSums[i]! += gain;
    }
    // The closest single question variant, judged both ways: how much of the
    // question it covers and how much of it the question covers. The second
    // half keeps a long variant that shares one word from beating a close one.
    let bestVariant = 0;
    for (let i = 0; i < count; i++) {
      const matchedMass = variantSums[i]!;
      if (matchedMass === 0) continue;
      const ownMass = this.variantMass[first + i]!;
      const similarity = (matchedMass / mass) * (0.6 + 0.4 * Math.min(1, ownMass > 0 ? matchedMass / ownMass : 0));
      if (similarity > bestVariant) bestVariant = similarity;
    }
    // Half from everything the entry says, half from its single closest question:
    // the second separates entries that share vocabulary but answer different things.
    return 0.5 * (union / mass) + 0.5 * bestVariant;
  }

  /** Keeps the best few in a small sorted array: no sort over every entry scored. */
  private insertTop(top: Ranked[], limit: number, index: number, score: number): void {
    if (top.length === limit && !better(score, index, top[limit - 1]!, this.entries)) return;
    let at = top.length;
    while (at > 0 && better(score, index, top[at - 1]!, this.entries)) at--;
    top.splice(at, 0, { index, score });
    if (top.length > limit) top.pop();
  }
}
