/**
 * One understanding step before retrieval: a message → the places, documents,
 * direction and date it names, the FAQ topic it asks about (intent), whether it
 * is small talk, and whether it is a follow-up to the previous question.
 *
 * Context clauses ("我们在宁波", "customer is in a hurry") name nothing the
 * knowledge base knows: they are left out of the intent's scoring, so they no
 * longer dilute its confidence. Each question clause is also scored alone, so a
 * message asking two things gets both answered.
 */
import { z } from 'zod';
import type { Tables } from '../catalogue/tables.ts';
import type { Direction } from '../check/rules.ts';
import type { DocumentType } from '../catalogue/schema.ts';
import { isDomainToken } from '../knowledge/analyze.ts';
import { MAX_QUERY_LENGTH, PLACE_TOKEN_PREFIX, type FaqIndex, type QueryTerm, type SearchResult } from '../knowledge/search.ts';
import { readTravel, SAR_CODES, sarAbroad, type Travel } from './direction.ts';
import { findDocuments, withoutPurposes } from './entities.ts';
import { FACETS, isOffTopicTrade, readFacets, type Facet } from './facets.ts';
import { countryCodes, placesIn, type PlaceMention } from './places.ts';
import { smalltalkKind, type SmalltalkKind } from './smalltalk.ts';
import { readWhen, type When } from './when.ts';

export type { PlaceMention } from './places.ts';
export type { SmalltalkKind } from './smalltalk.ts';
export type { Facet } from './facets.ts';
export type { When } from './when.ts';

/** What the previous question was about: kept per user for a few minutes to read follow-ups against. */
export interface FollowUpContext {
  /** The informative part of the previous question (its context clauses removed). */
  text: string;
  countries: string[];
  documents: string[];
  direction?: Direction;
  /** The date the previous question meant, if any (YYYY-MM-DD). */
  when?: When;
  facets?: Facet[];
  /** Taiwan region named (it is not a country code). */
  taiwan?: boolean;
  /** A Hong Kong or Macao document going abroad with the SAR's own apostille. */
  sar?: 'HK' | 'MO';
  /** The issuing place and the place of use, as codes. */
  issuing?: string;
  use?: string;
}

export interface Understanding {
  text: string;
  places: PlaceMention[];
  /** Countries and regions other than mainland China (ISO codes, HK and MO included), in order of mention. */
  countries: string[];
  documents: DocumentType[];
  /** Stated in the text or carried over from the previous question; undefined: not said (from China is assumed). */
  direction?: Direction;
  /** Which places issue and use the document. */
  travel: Travel<PlaceMention>;
  /** The date or time the case is about (undefined: today). */
  when?: When;
  /** What is asked about the case besides the route. */
  facets: Facet[];
  /** A trade question outside our scope (HS codes, L/C, freight, a form's boxes). */
  offTopic: boolean;
  /** The Taiwan region is named (its route is the cross-strait one). */
  taiwan: boolean;
  /** A Hong Kong or Macao document going to a third state: the SAR's own apostille, no mainland verdict. */
  sar?: 'HK' | 'MO';
  /** The FAQ topic asked about. */
  intent: SearchResult;
  /** A second question in the same message, answered by a different entry. */
  second?: SearchResult;
  smalltalk?: SmalltalkKind;
  /** True when the message was read against the previous question. */
  followUp: boolean;
  /** Whether the message names anything of our domain (a concept, a country or a document). */
  inDomain: boolean;
  /**
   * Whether it asks about a case (a document and/or a country) rather than mentioning a
   * country in passing: it names a domain concept or a document, or it is little more
   * than a country name ("巴西可以吗", "what about germany").
   */
  asksCase: boolean;
  /** What to remember for the next message. */
  context: FollowUpContext;
}

export interface UnderstandDeps {
  index: FaqIndex;
  tables: Tables;
  /** YYYY-MM-DD: relative times ("next month") count from it. */
  today: string;
}

/** Sentences end at these; clauses inside a sentence at commas (and Chinese spaces). */
const SENTENCE_END = /(?<=[?？!！。;；\n])/u;
const CLAUSE_BREAK = /[,，、:：]+|(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})|\b(?:but|and then|because)\b/u;

/** Follow-up openers: "那印度呢", "and for Germany?", "what about the power of attorney". */
/** Words for papers in general: a message moving them between places describes a case. */
const PAPERS = /\b(?:docs?|documents?|papers?|certificates?|records?|filings?|CI|BR)\b|文件|文书|文書|证书|證書|证明|證明|材料|资料|資料/u;
/** "same thing?", "也一样吗": the previous case again, with what the message changes. */
const SAME_CASE = /same\s+(?:thing|here|for|question|rule|route)|(?:也|都)一样|一样吗|同样吗|一樣嗎/iu;
const FOLLOW_UP_MARKER = /^(?:那|那么|那麼|那如果|如果是|换成|換成|还有|還有|另外|那要是|要是)|呢[?？]?$|(?:也|都)(?:可以|行|能|得|适用|適用)(?:吗|嗎|么|麼)?[?？]?$|^(?:and|what about|how about|and for|and in|and what about|for|same for|what if)\b|^(?:ok|okay|好的)[,，]?\s*(?:and|那|what about)/iu;
/** A follow-up is short: a longer message is a question of its own. */
const FOLLOW_UP_MAX_CHARS = 40;
/** A side question about the same case ("how can the AMR check it's genuine?") may be a little longer. */
const SIDE_QUESTION_MAX_CHARS = 80;
/** One that opens like a follow-up and names no country of its own ("and the invoice specifically? someone told me…") may run longer still. */
const MARKED_FOLLOW_UP_MAX_CHARS = 120;
/** Asking why, or about today, or about the reverse way: the same case, one part changed. */
const SIDE_QUESTION = /^(?:为啥|为什么|為甚麼|為什麼|点解|點解|why|how come)|back\s+then|at\s+the\s+time|那时|那時|当时|當時|嗰陣|而家|现在|現在|如今|\bnow\b|\btoday\b|other\s+(?:direction|way)|reverse|opposite|反过来|反過來|反方向|倒过来|调转|調轉/iu;
/** "咁而家呢", "what if we do it now": today's law, not the previous question's date. */
const NOW = /而家|现在|現在|如今|目前|今天|\bnow\b|\btoday\b|these\s+days/iu;
/** "what about the other direction?": the previous case the other way round. */
const OTHER_DIRECTION = /other\s+(?:direction|way)|the\s+reverse|opposite\s+direction|反过来|反過來|反方向|倒过来|倒過來|调转|調轉/iu;

interface Clause {
  text: string;
  terms: QueryTerm[];
  informative: boolean;
  /** It asks something (a question word or mark), rather than giving context. */
  question: boolean;
}

export class Understander {
  constructor(private readonly deps: UnderstandDeps) {}

  private isTopicTerm(term: QueryTerm): boolean {
    if (term.quality <= 0 || term.term.startsWith(PLACE_TOKEN_PREFIX)) return false;
    return term.term.startsWith('#') || this.deps.index.isTopicTerm(term.term);
  }

  /**
   * A clause is informative when it names a concept of ours (not a place or a party such
   * as "the customer"), or when at least half of its other words are words our questions
   * use. "客户催的急", "we are in ningbo", "客户在巴西" are not.
   */
  private readClause(text: string): Clause {
    const terms = this.deps.index.readQuery(text);
    const topical = terms.filter((t) => this.isTopicTerm(t));
    const concept = topical.some((t) => t.term.startsWith('#') && !CONTEXT_CONCEPTS.has(t.term));
    const words = terms.filter((t) => !t.term.startsWith('#'));
    const known = words.filter((t) => this.isTopicTerm(t)).length;
    return { text, terms, informative: concept || (known > 0 && known * 2 >= words.length), question: QUESTION_CLAUSE.test(text) };
  }

  understand(text: string, previous?: FollowUpContext): Understanding {
    const { index, tables } = this.deps;
    const cut = text.slice(0, MAX_QUERY_LENGTH);
    const sentences = splitClauses(cut).map((clauses) => clauses.map((c) => this.readClause(c)));
    const allTerms = unionTerms(sentences.flat().map((c) => c.terms));
    const informative = sentences.map((clauses) => clauses.filter((c) => c.informative));
    // Places named in a context clause ("香港公司的…要拿去德国用") still count: they are what the question is about.
    const placeTerms = allTerms.filter((t) => isPlaceTerm(t.term));
    const informativeTerms = unionTerms([...informative.flat().map((c) => c.terms), placeTerms]);
    const topicTerms = informativeTerms.filter((t) => this.isTopicTerm(t) && !PLACE_CONCEPTS.has(t.term));

    const places = placesIn(cut, tables.places);
    const travel = readTravel(cut, places);
    const own = this.readCase(cut, allTerms, places, travel);
    const smalltalk = smalltalkKind(cut);
    // The search's own test (a domain concept named), without paying for a search.
    const searchInDomain = allTerms.some((t) => t.quality > 0 && isDomainToken(t.term, index.lexicon));
    // "did China start on 7 Nov?" asks about the Convention without naming it.
    const inDomain = searchInDomain || own.countries.length > 0 || own.documents.length > 0 || own.taiwan || own.facets.includes('start_date');
    const nonPlaceTerms = allTerms.filter((t) => !t.term.startsWith(PLACE_TOKEN_PREFIX) && !PLACE_CONCEPTS.has(t.term));
    const offTopic = isOffTopicTrade(cut, own.documents.length > 0);
    const followUp = previous !== undefined && !smalltalk && !offTopic && this.readsAsFollowUp(cut, own, topicTerms, searchInDomain);
    const parts = followUp && previous ? carryOver(own, previous, cut, places, tables) : own;
    // A message that moves a document between places describes a case, whatever words it uses.
    const travels = own.direction !== undefined && (own.countries.length > 0 || own.taiwan) && (own.documents.length > 0 || PAPERS.test(cut));
    const asksCase = followUp || travels || searchInDomain || (own.documents.length > 0 && own.countries.length > 0) || (own.countries.length > 0 && nonPlaceTerms.length <= BARE_COUNTRY_EXTRA_TERMS);
    const queryTerms = followUp && previous ? this.followUpTerms(informativeTerms.length ? informativeTerms : allTerms, topicTerms, own, previous) : informativeTerms.length ? informativeTerms : allTerms;
    const { intent, second } = this.searchIntent(queryTerms, followUp ? [] : questionUnits(informative));
    const contextText = followUp && previous && !topicTerms.length ? previous.text : joinInformative(cut, informative);
    return {
      text,
      places,
      ...parts,
      travel,
      offTopic,
      intent,
      second,
      smalltalk: inDomain ? undefined : smalltalk,
      followUp,
      inDomain: inDomain || followUp,
      asksCase,
      context: contextOf(contextText, parts),
    };
  }

  /** The case the message names on its own: countries (issuer and destination first), documents, direction, date, facets. */
  private readCase(cut: string, allTerms: QueryTerm[], places: PlaceMention[], travel: Travel<PlaceMention>): CaseParts {
    const { index, tables, today } = this.deps;
    // A document named only as what the papers are for ("for our import licence application") is not the paper.
    const purposeFree = withoutPurposes(cut);
    const conceptTerms = purposeFree === cut ? allTerms : index.readQuery(purposeFree);
    const when = readWhen(cut, today);
    const sar = sarAbroad(travel, places);
    const issuing = travel.issuing?.kind === 'country' ? travel.issuing.code : undefined;
    const use = travel.use?.kind === 'country' ? travel.use.code : undefined;
    return {
      ...(issuing ? { issuing } : {}),
      ...(use ? { use } : {}),
      countries: countryCodes([travel.issuing, travel.use, ...places].filter((p): p is PlaceMention => p !== undefined)),
      documents: findDocuments(purposeFree, tables, conceptTerms.filter((t) => t.quality > 0).map((t) => t.term)),
      direction: travel.direction,
      ...(when ? { when } : {}),
      facets: readFacets(cut),
      taiwan: places.some((p) => p.kind === 'taiwan'),
      ...(sar ? { sar } : {}),
    };
  }

  /**
   * A short message that changes one thing is read against the previous question: it opens
   * like one ("那…呢", "and for…"), names only a place or document, or asks only a side
   * question ("要多久？", "为啥不行？", "咁而家呢？") without naming what about.
   */
  private readsAsFollowUp(cut: string, own: CaseParts, topicTerms: QueryTerm[], searchInDomain: boolean): boolean {
    const length = [...cut.trim()].length;
    const ownCase = own.countries.length + own.documents.length > 0 || own.taiwan;
    if (length <= SIDE_QUESTION_MAX_CHARS && !ownCase && (own.facets.length > 0 || own.when !== undefined || SIDE_QUESTION.test(cut))) return true;
    // A message that opens like a follow-up ("and if the buyer were in Shenzhen instead?") may be a little longer.
    const marked = FOLLOW_UP_MARKER.test(cut.trim()) || SAME_CASE.test(cut);
    const markedMax = own.countries.length ? SIDE_QUESTION_MAX_CHARS : MARKED_FOLLOW_UP_MAX_CHARS;
    if (length > FOLLOW_UP_MAX_CHARS && !(length <= markedMax && marked)) return false;
    return (
      marked ||
      (ownCase && !this.deps.index.searchTerms(topicTerms).matched) ||
      (!searchInDomain && topicTerms.some((t) => t.term.startsWith('#')))
    );
  }

  /** A follow-up's search terms: a new topic word ("要多久") replaces the topic; a new place or document keeps it. */
  private followUpTerms(ownTerms: QueryTerm[], topicTerms: QueryTerm[], own: CaseParts, previous: FollowUpContext): QueryTerm[] {
    const { index, tables } = this.deps;
    const previousTerms = index.readQuery(previous.text).filter((t) => !PLACE_CONCEPTS.has(t.term) && !t.term.startsWith(PLACE_TOKEN_PREFIX));
    const ownTopic = topicTerms.filter((t) => t.term.startsWith('#') && !documentConcept(t.term, tables));
    // The previous question's general domain words ("apostille") keep the topic in our domain.
    const previousDomain = previousTerms.filter((t) => isDomainToken(t.term, index.lexicon) && !documentConcept(t.term, tables));
    const previousDocuments = previousTerms.filter((t) => documentConcept(t.term, tables));
    if (ownTopic.length) return unionTerms([ownTerms, previousDomain]);
    return unionTerms([own.documents.length ? previousTerms.filter((t) => !previousDocuments.includes(t)) : previousTerms, ownTerms]);
  }

  /**
   * The whole informative part, and each question on its own: a long message's question is
   * often one clause ("…上海外办能直接出附加证明书吗") among context. A second question is another
   * unit whose own best answer is a different, confident entry.
   */
  private searchIntent(queryTerms: QueryTerm[], units: QueryTerm[][]): { intent: SearchResult; second?: SearchResult } {
    const { index } = this.deps;
    // Each unit costs a search: one that is the whole query again, or a repeat, is not searched.
    const seen = new Set([termsKey(queryTerms)]);
    const distinct = units.filter((terms) => !seen.has(termsKey(terms)) && seen.add(termsKey(terms)));
    const unitResults = units.length > 1 ? distinct.map((terms) => index.searchTerms(terms)) : [];
    let intent = index.searchTerms(queryTerms);
    for (const result of unitResults) if (result.matched && result.score > intent.score + UNIT_MARGIN) intent = result;
    let second: SearchResult | undefined;
    for (const result of unitResults) {
      if (result.matched && result.entry && result.entry.id !== intent.entry?.id && result.score >= index.threshold + SECOND_MARGIN && (!second || result.score > second.score)) second = result;
    }
    return second ? { intent, second } : { intent };
  }
}

/** The parts of a case that a follow-up can change one at a time. */
interface CaseParts {
  countries: string[];
  documents: DocumentType[];
  direction?: Direction;
  when?: When;
  facets: Facet[];
  taiwan: boolean;
  sar?: 'HK' | 'MO';
  /** The issuing place and the place of use the message gives, as codes (countries and SARs). */
  issuing?: string;
  use?: string;
}

/** A follow-up: what the message names replaces that part of the previous case; the rest carries over. */
function carryOver(own: CaseParts, previous: FollowUpContext, cut: string, places: PlaceMention[], tables: Tables): CaseParts {
  const ownCase = own.countries.length + own.documents.length > 0 || own.taiwan;
  // A place named now replaces the previous one (Taiwan included).
  const samePlace = !own.countries.length && !own.taiwan;
  const direction = OTHER_DIRECTION.test(cut) ? (previous.direction === 'to_china' ? 'from_china' : 'to_china') : (own.direction ?? previous.direction);
  // The other way round is a case of its own: a past date asked about the first way does not follow it.
  const reversed = previous.direction !== undefined && direction !== undefined && direction !== previous.direction;
  const when = own.when ?? (NOW.test(cut) || reversed ? undefined : previous.when);
  let sar = own.sar ?? (ownCase ? undefined : previous.sar);
  // "what if the parent was in Macau instead?" after a case into the mainland: into the mainland again.
  if (own.sar && !own.direction && !own.use && previous.direction === 'to_china') sar = undefined;
  // "and the same docs for a bank in Frankfurt?" after Hong Kong papers: the SAR's own apostille.
  if (!sar && own.use && !own.issuing && previous.issuing && SAR_CODES.has(previous.issuing) && !SAR_CODES.has(own.use)) sar = previous.issuing as 'HK' | 'MO';
  // "and in Hong Kong?" after a general question: the SAR's own apostille.
  const only = places.length === 1 ? places[0] : undefined;
  if (!sar && !direction && !previous.countries.length && only?.kind === 'country' && SAR_CODES.has(only.code)) sar = only.code as 'HK' | 'MO';
  return {
    countries: samePlace ? previous.countries.filter((code) => tables.country(code)) : own.countries,
    documents: own.documents.length ? own.documents : previous.documents.map((id) => tables.document(id)).filter((d): d is DocumentType => d !== undefined),
    ...(direction ? { direction } : {}),
    ...(when ? { when } : {}),
    facets: own.facets.length || ownCase ? own.facets : (previous.facets ?? []),
    taiwan: own.taiwan || (samePlace && previous.taiwan === true),
    ...(sar ? { sar } : {}),
    ...((own.issuing ?? (samePlace ? previous.issuing : undefined)) ? { issuing: (own.issuing ?? previous.issuing)! } : {}),
    ...(own.use ? { use: own.use } : {}),
  };
}

const FollowUpContextSchema = z.object({
  text: z.string(),
  countries: z.array(z.string()),
  documents: z.array(z.string()),
  direction: z.enum(['from_china', 'to_china']).optional(),
  when: z.object({ iso: z.string(), precision: z.enum(['day', 'month', 'year']), before: z.boolean() }).optional(),
  facets: z.array(z.enum(FACETS)).optional(),
  taiwan: z.boolean().optional(),
  sar: z.enum(['HK', 'MO']).optional(),
  issuing: z.string().optional(),
  use: z.string().optional(),
});

/** A stored follow-up context, checked: anything else (an older shape, a damaged store) is no context. */
export function readFollowUpContext(value: unknown): FollowUpContext | undefined {
  const parsed = FollowUpContextSchema.safeParse(value);
  return parsed.success ? (parsed.data as FollowUpContext) : undefined;
}

/** What to remember for the next message: the case as read, stored as it is. */
function contextOf(text: string, parts: CaseParts): FollowUpContext {
  const { countries, documents, direction, when, facets, taiwan, sar, issuing, use } = parts;
  const kept = { direction, when, taiwan: taiwan || undefined, sar, issuing, use, facets: facets.length ? facets : undefined };
  return { text, countries, documents: documents.map((d) => d.id), ...Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) };
}

/** "巴西可以吗", "and germany?": a country with at most this many other words still asks for its status. */
const BARE_COUNTRY_EXTRA_TERMS = 1;

/** A single question beats the whole message only when it is clearly closer to an entry. */
const UNIT_MARGIN = 0.1;
/** Units scored on their own at most: each costs one search. */
const MAX_UNITS = 4;
/** Question words and particles: the clause that carries them is the question (the others are context). */
const QUESTION_CLAUSE = /[?？]|吗|嗎|呢|还是|還是|么|麼|怎|哪|多少|几|幾|多久|是不是|能不能|可不可以|要不要|有没有|是否|啥|什么|什麼|咋|如何|边度|邊度|\b(?:how|what|when|where|which|who|why|can|could|is|are|does|do|should|need)\b/iu;

/**
 * The questions of a message, each as terms: every question clause on its own (the
 * whole message's score keeps the context); a sentence without a question word is one unit.
 */
function questionUnits(informative: Clause[][]): QueryTerm[][] {
  const units: QueryTerm[][] = [];
  for (const clauses of informative) {
    const questions = clauses.filter((c) => c.question);
    if (questions.length) units.push(...questions.map((c) => c.terms));
    else if (clauses.length) units.push(unionTerms(clauses.map((c) => c.terms)));
  }
  return units.slice(0, MAX_UNITS);
}

/** A second answer must be clearly confident on its own, not a side effect of one shared word. */
const SECOND_MARGIN = 0.1;

/** Concepts that are places (the built-in lexicon's own): not topics. */
const PLACE_CONCEPTS = new Set(['#india', '#hong-kong', '#macao', '#kosovo', '#thailand', '#uae', '#china', '#mainland']);
/** Concepts that set the scene (where, who) but ask nothing: a clause of only these is context. */
const CONTEXT_CONCEPTS = new Set([...PLACE_CONCEPTS, '#customer']);

function isPlaceTerm(term: string): boolean {
  return term.startsWith(PLACE_TOKEN_PREFIX) || PLACE_CONCEPTS.has(term);
}

/** Per tables: the concept tokens named like a document id (#certificate-of-origin). */
const documentTokens = new WeakMap<Tables, Set<string>>();
function documentConcept(term: string, tables: Tables): boolean {
  let tokens = documentTokens.get(tables);
  if (!tokens) documentTokens.set(tables, (tokens = new Set(tables.documents.map((d) => `#${d.id}`))));
  return tokens.has(term);
}

/** Sentences, each as its clauses' text (sentence marks stay with their clause). */
function splitClauses(text: string): string[][] {
  return text
    .split(SENTENCE_END)
    .map((sentence) => sentence.split(CLAUSE_BREAK).filter((c) => c && /[\p{L}\p{N}]/u.test(c)))
    .filter((clauses) => clauses.length);
}

function termsKey(terms: QueryTerm[]): string {
  return terms.map((t) => `${t.term}:${t.quality}`).sort().join(' ');
}

function unionTerms(lists: QueryTerm[][]): QueryTerm[] {
  const best = new Map<string, number>();
  for (const list of lists) for (const { term, quality } of list) best.set(term, Math.max(best.get(term) ?? 0, quality));
  return [...best].map(([term, quality]) => ({ term, quality }));
}

/** The message with its context clauses left out (the whole message when none is informative). */
function joinInformative(text: string, informative: Clause[][]): string {
  const parts = informative.flat().map((c) => c.text.trim().replace(/[?？!！。;；]+$/u, ''));
  return parts.length ? parts.join('，') : text;
}
