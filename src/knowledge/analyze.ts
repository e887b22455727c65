/**
 * Text → search terms, the same way for FAQ entries and for questions.
 *
 * 1. NFKC (full-width → half-width), lower case, Traditional → Simplified.
 * 2. Lexicon phrases become concept tokens ("#apostille"): Chinese by forward
 *    maximum matching over each Han run, English by longest word sequence.
 * 3. The rest: Chinese through Intl.Segmenter (words of two or more characters),
 *    English words through the Porter stemmer; stopwords dropped.
 *
 * Fuzzy matching of unknown words lives in search.ts: it needs the index's vocabulary.
 */
import { stemmer } from 'stemmer';
import { toSimplified } from '../i18n/chinese.ts';
import { CONCEPTS, STOPWORDS, type ConceptGroup } from './lexicon.ts';

export interface Term {
  /** "#concept" or a plain word/stem. */
  term: string;
  /** Surface text it came from (for fuzzy look-ups and debugging). */
  surface: string;
  script: 'han' | 'latin';
}

export const conceptToken = (concept: string): string => `#${concept}`;

export interface LexiconTables {
  /** Simplified Chinese phrase → concept tokens. */
  han: Map<string, string[]>;
  /** First character → the lengths of the phrases starting with it, longest first. */
  hanLengthsByFirstChar: Map<string, number[]>;
  /** Space-joined English phrase (stemmed words) → concept tokens. */
  latin: Map<string, string[]>;
  latinMaxWords: number;
  domainTokens: Set<string>;
}

/** Words of Latin text; contractions lose their tail (what's → what, don't → don). */
function latinWords(text: string): string[] {
  return text.replace(/['’]\p{L}*/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words the Porter stemmer conflates with a different word of ours: "customer" → "custom" (= customs). */
const STEM_EXCEPTIONS = new Map([
  ['customer', 'customer'],
  ['customers', 'customer'],
]);

/** Porter stems, memoised: the same few thousand words recur in every entry and query. */
const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = STEM_EXCEPTIONS.get(word) ?? (/^[a-z]+$/.test(word) ? stemmer(word) : word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** The lookup tables for a set of concept groups (the built-in ones, plus e.g. country names). */
export function buildLexicon(groups: ConceptGroup[] = CONCEPTS): LexiconTables {
  const han = new Map<string, string[]>();
  const latin = new Map<string, string[]>();
  const domainTokens = new Set<string>();
  const hanLengthsByFirstChar = new Map<string, number[]>();
  let latinMaxWords = 1;
  const add = (map: Map<string, string[]>, key: string, tokens: string[]) => {
    const existing = map.get(key) ?? [];
    map.set(key, [...new Set([...existing, ...tokens])]);
  };
  for (const group of groups) {
    const tokens = [group.concept, ...(group.implies ?? [])].map(conceptToken);
    if (group.domain) domainTokens.add(conceptToken(group.concept));
    for (const raw of group.terms) {
      const term = raw.normalize('NFKC').toLowerCase();
      if (/\p{Script=Han}/u.test(term)) {
        add(han, term, tokens);
        const [first = ''] = [...term];
        const lengths = new Set([...(hanLengthsByFirstChar.get(first) ?? []), [...term].length]);
        hanLengthsByFirstChar.set(first, [...lengths].sort((a, b) => b - a));
      } else {
        const words = latinWords(term.replace(/-/g, ' ')).map(stem);
        add(latin, words.join(' '), tokens);
        latinMaxWords = Math.max(latinMaxWords, words.length);
      }
    }
  }
  return { han, hanLengthsByFirstChar, latin, latinMaxWords, domainTokens };
}

export const LEXICON = buildLexicon();

export function isDomainToken(term: string, lexicon: LexiconTables = LEXICON): boolean {
  return lexicon.domainTokens.has(term);
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function normalizeText(text: string): string {
  // The reading of one message normalises the same text several times (facets, dates, the gate, the search).
  const cached = recentlyNormalised.get(text);
  if (cached !== undefined) return cached;
  const normal = toSimplified(text.normalize('NFKC').toLowerCase());
  if (recentlyNormalised.size >= NORMALISED_KEPT) recentlyNormalised.delete(recentlyNormalised.keys().next().value!);
  recentlyNormalised.set(text, normal);
  return normal;
}

/** The last few texts normalised (first in, first out): enough for one message's parts. */
const NORMALISED_KEPT = 16;
const recentlyNormalised = new Map<string, string>();

/** A piece of text in one script, in order of appearance. */
export interface Run {
  text: string;
  script: 'han' | 'latin';
}

export function splitRuns(normalized: string): Run[] {
  const runs: Run[] = [];
  for (const match of normalized.matchAll(/(\p{Script=Han}+)|([^\p{Script=Han}]+)/gu)) {
    if (match[1]) runs.push({ text: match[1], script: 'han' });
    else if (match[2]) runs.push({ text: match[2], script: 'latin' });
  }
  return runs;
}

/** A Han run cut into lexicon phrases (concept tokens) and the leftover text between them. */
export type HanPiece = { kind: 'concept'; tokens: string[]; surface: string } | { kind: 'rest'; text: string };

export function matchHanLexicon(run: string, lexicon: LexiconTables = LEXICON): HanPiece[] {
  const chars = [...run];
  const pieces: HanPiece[] = [];
  let rest = '';
  let i = 0;
  while (i < chars.length) {
    let matched = 0;
    // Only the lengths of phrases that start with this character, longest first.
    for (const len of lexicon.hanLengthsByFirstChar.get(chars[i]!) ?? []) {
      if (i + len > chars.length) continue;
      const candidate = chars.slice(i, i + len).join('');
      const tokens = lexicon.han.get(candidate);
      if (tokens) {
        if (rest) pieces.push({ kind: 'rest', text: rest });
        rest = '';
        pieces.push({ kind: 'concept', tokens, surface: candidate });
        matched = len;
        break;
      }
    }
    if (matched) i += matched;
    else rest += chars[i++];
  }
  if (rest) pieces.push({ kind: 'rest', text: rest });
  return pieces;
}

/**
 * Terms of a leftover Han string: segmenter words, plus the single characters of
 * longer words, since the segmenter cuts the same phrase differently in different
 * contexts (哪一年 → 哪|一年, 哪年 → 哪|年). Stopwords dropped.
 */
export function hanWords(text: string): string[] {
  const words = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike || STOPWORDS.has(segment)) continue;
    words.add(segment);
    const chars = [...segment];
    if (chars.length > 1) for (const char of chars) if (!STOPWORDS.has(char)) words.add(char);
  }
  return [...words];
}

/** Latin run → terms: lexicon phrases (longest first) become concepts, other words are stemmed. */
export function latinTerms(run: string, lexicon: LexiconTables = LEXICON): Term[] {
  const words = latinWords(run.replace(/-/g, ' '));
  const stems = words.map(stem);
  const terms: Term[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(lexicon.latinMaxWords, words.length - i); n >= 1; n--) {
      const tokens = lexicon.latin.get(stems.slice(i, i + n).join(' '));
      if (tokens) {
        const surface = words.slice(i, i + n).join(' ');
        for (const token of tokens) terms.push({ term: token, surface, script: 'latin' });
        matched = n;
        break;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const word = words[i] ?? '';
    const stemmed = stems[i] ?? '';
    // Single letters and single digits carry nothing (list numbers, "a", "3 days" aside).
    if (!STOPWORDS.has(word) && word.length >= 2) terms.push({ term: stemmed, surface: word, script: 'latin' });
    i++;
  }
  return terms;
}

/** Index-side analysis: exact terms only. */
export function analyze(text: string, lexicon: LexiconTables = LEXICON): Term[] {
  const terms: Term[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (run.script === 'latin') {
      terms.push(...latinTerms(run.text, lexicon));
      continue;
    }
    for (const piece of matchHanLexicon(run.text, lexicon)) {
      if (piece.kind === 'concept') for (const token of piece.tokens) terms.push({ term: token, surface: piece.surface, script: 'han' });
      else for (const word of hanWords(piece.text)) terms.push({ term: word, surface: word, script: 'han' });
    }
  }
  return terms;
}
