/**
 * Does a document take an apostille? Pure rules over the tables: the same input
 * and date always give the same verdict. Reasons and steps are codes with
 * parameters; render.ts words them in the reader's language.
 */
import type { PerLang } from '../i18n/languages.ts';
import { resolvePlace, type Bilingual, type PlaceResult } from '../places/index.ts';
import { quoteUserText } from '../format/html.ts';
import type { Tables } from '../catalogue/tables.ts';
import type { Country, DocumentType, Preparation } from '../catalogue/schema.ts';

export type Direction = 'from_china' | 'to_china';
/** no_relation: no apostille and no route we can name (Kosovo: China does not recognise it). */
export type Outcome = 'apostille' | 'legalization' | 'excluded' | 'special_route' | 'no_relation' | 'unknown';

export interface Point {
  code: string;
  params?: Record<string, string>;
}

/** The place as typed and as understood: a country, a territory or region of one, mainland China, Taiwan. */
export interface PlaceRef {
  kind: 'country' | 'mainland-china' | 'taiwan' | 'ask' | 'unknown';
  /** What the user typed. */
  typed: string;
  /** The state whose rules apply (for a territory, its sovereign). */
  code: string | null;
  /** The region or territory named, when it is not the state itself. */
  region: Bilingual | null;
  territory: boolean;
  /** False when the HCCH table we hold does not list the state at all. */
  listed: boolean;
}

export interface Verdict {
  outcome: Outcome;
  document: DocumentRef | null;
  country: CountryRef | null;
  place: PlaceRef;
  direction: Direction;
  date: string;
  reasons: Point[];
  steps: Point[];
  /** Who issues the apostille (or does the legalisation), as a code render.ts names. */
  authority: string | null;
  /** The date from which the Convention applies between mainland China and the country. */
  inForceSince: string | null;
  /** Every source behind the verdict, most relevant first; the card shows a few (reply/sources.ts). */
  sources: string[];
  /** Caveats from the data (bilingual text written by staff), shown under the reasons. */
  caveats: PerLang[];
  suggestions: { documents: DocumentRef[]; countries: CountryRef[] };
}

export interface CheckInput {
  /** A document id, name or alias, in either language. */
  document: string;
  /** A place: country code, name or alias, territory, region, in either language. */
  country: string;
  direction?: Direction;
  /** YYYY-MM-DD; defaults to `today`. */
  date?: string;
}

/** The Convention's entry into force for mainland China. */
export const CHINA_IN_FORCE = '2023-11-07';
/** The MFA's electronic apostille pilot for CCPIT certificates of origin (apostille-facts.md §3.2). */
export const E_APOSTILLE_FROM = '2025-06-18';

export const SOURCES = {
  convention: 'https://www.hcch.net/en/instruments/conventions/full-text/?cid=41',
  chinaDeclarations: 'https://www.hcch.net/en/instruments/conventions/status-table/notifications/?csid=914&disp=resdn',
  chinaInForce: 'https://hcch.net/es/news-archive/details/?varevent=904',
  mfaApply: 'MFA Department of Consular Affairs apostille application instructions (cs.mfa.gov.cn)',
  mfaWhich: 'http://cs.mfa.gov.cn/zggmcg/fjzms/cjwd/202310/t20231020_11164567.shtml',
  hongKong: 'https://esgrz.com/content/842.html',
  macaoToMainland: 'https://ccadvog.com/cca/zh-hant/zhao-lu-again-appointed-as-china-appointed-attesting-officer-macau.html',
  hcchStatus: 'https://www.hcch.net/en/instruments/conventions/status-table/?cid=41',
  kosovo: 'https://www.hcch.net/es/instruments/conventions/status-table/notifications/?csid=1319&disp=type',
  crossStrait: 'http://taiwan.cn/zt/lszt/web/web12/web38/200806/t20080606_657556.htm',
  crossStraitNotice: 'Ministry of Justice notice 司发〔1993〕006号',
  eApostille: 'MFA spokesperson Guo Jiakun, remarks of 18 June 2025 on the electronic apostille pilot',
};

type DocumentRef = { id: string; name: PerLang };
type CountryRef = { code: string; name: PerLang };
const documentRef = (d: DocumentType): DocumentRef => ({ id: d.id, name: d.name });

export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The Article 1 category of the document in this direction. */
function article1Of(document: DocumentType, direction: Direction) {
  return direction === 'to_china' ? (document.article1ToChina ?? document.article1) : document.article1;
}

function preparationOf(document: DocumentType, direction: Direction): Preparation {
  return direction === 'from_china' ? document.preparation.fromChina : document.preparation.toChina;
}

function preparationSteps(document: DocumentType, direction: Direction): Point[] {
  const preparation = preparationOf(document, direction);
  if (direction === 'to_china') {
    if (preparation === 'none') return [];
    return preparation === 'ask_local' ? [{ code: 'abroad_ask_first' }] : [{ code: document.notarisedCopy ? 'abroad_notarise_copy' : 'abroad_notarise' }];
  }
  if (document.id === 'certificate-of-origin') return [{ code: 'prepare_certificate_of_origin' }];
  switch (preparation) {
    case 'ccpit':
      return [{ code: 'prepare_ccpit' }];
    case 'notarise':
    case 'ask_local':
      return [{ code: document.notarisedCopy ? 'prepare_notarise_copy' : 'prepare_notarise' }];
    case 'notarise_or_ccpit':
      return [{ code: 'prepare_notarise_or_ccpit' }];
    default:
      return [];
  }
}

function documentReasons(document: DocumentType, direction: Direction): Point[] {
  const preparation = preparationOf(document, direction);
  const article1 = article1Of(document, direction);
  // CCPIT's own certificates are the official certificate already: China lists them as apostillable.
  if (direction === 'from_china' && article1 === 'official_certificate' && preparation === 'none') return [{ code: 'ccpit_issued' }];
  const reasons: Point[] = [{ code: `article1_${article1}` }];
  if (document.notarisedCopy && preparation !== 'none') reasons.push({ code: 'notarised_copy' });
  else if (direction === 'from_china' && preparation !== 'none') reasons.push({ code: 'mfa_accepts_certified' });
  if (direction === 'to_china' && preparation === 'ask_local') reasons.push({ code: 'issuing_state_decides' });
  return reasons;
}

function placeRef(typed: string, place: PlaceResult, listed: boolean): PlaceRef {
  const found = place.kind === 'country' || place.kind === 'mainland-china' ? place : undefined;
  return {
    kind: place.kind,
    typed,
    code: place.kind === 'country' ? place.code : place.kind === 'mainland-china' ? 'CN' : place.kind === 'taiwan' ? 'TW' : null,
    region: found?.regionName ?? null,
    territory: place.kind === 'country' && place.territory === true,
    listed,
  };
}

/** A verdict being built: what the input resolved to, and the rule sources cited so far. */
interface Draft {
  verdict: Verdict;
  document: DocumentType | undefined;
  country: Country | undefined;
  place: PlaceResult;
  direction: Direction;
  date: string;
  /** Rule sources (the Convention, China's declarations): cited before the data's own. */
  ruleSources: string[];
}

function cite(draft: Draft, ...lists: string[][]): void {
  draft.ruleSources.push(...lists.flat());
}

/** Where the route is not the Convention (Taiwan, Hong Kong, Macao, Kosovo), the document's apostille sources do not concern it. */
function finish(draft: Draft, documentSources = true): Verdict {
  draft.verdict.sources = [...new Set([...draft.ruleSources, ...(documentSources ? (draft.document?.source ?? []) : []), ...(draft.country?.source ?? [])])];
  return draft.verdict;
}

export function checkDocument(input: CheckInput, tables: Tables, todayIso: string = today()): Verdict {
  const draft = startDraft(input, tables, todayIso);
  const { document, place } = draft;
  if (!document || (place.kind !== 'country' && place.kind !== 'taiwan')) return unresolved(draft, input);
  // A CCPIT certificate is issued in China: there is no foreign one to check.
  if (draft.direction === 'to_china' && document.onlyFromChina) {
    draft.verdict.reasons.push({ code: 'only_from_china' });
    draft.verdict.steps.push({ code: 'pick_foreign_document' });
    return finish(draft);
  }
  return specialRoute(draft) ?? legalisationRoute(draft, document, tables) ?? conventionRoute(draft, document);
}

function startDraft(input: CheckInput, tables: Tables, todayIso: string): Draft {
  const direction = input.direction ?? 'from_china';
  const documentMatch = tables.documentNames.resolve(input.document);
  const place = resolvePlace(input.country, tables.places);
  const document = documentMatch.item;
  const code = place.kind === 'country' ? place.code : undefined;
  const country: Country | undefined = code ? tables.country(code) : undefined;
  const countryName = code ? (country?.name ?? tables.places.nameOf(code)) : undefined;
  const verdict: Verdict = {
    outcome: 'unknown',
    document: document ? documentRef(document) : null,
    country: code && countryName ? { code, name: countryName } : null,
    place: placeRef(input.country.trim(), place, code === undefined || country !== undefined),
    direction,
    date: input.date ?? todayIso,
    reasons: [],
    steps: [],
    authority: null,
    inForceSince: null,
    sources: [],
    caveats: [],
    suggestions: {
      documents: documentMatch.suggestions.map(documentRef),
      countries: place.kind === 'ask' ? place.suggestions.map((s) => ({ code: s.kind === 'country' ? s.code : s.kind === 'taiwan' ? 'TW' : 'CN', name: s.name })) : [],
    },
  };
  return { verdict, document, country, place, direction, date: verdict.date, ruleSources: [] };
}

/** A document or place we could not resolve: say which, and how to go on. */
function unresolved(draft: Draft, input: CheckInput): Verdict {
  const { verdict, place } = draft;
  if (!draft.document) verdict.reasons.push({ code: 'unknown_document', params: { text: quoteUserText(input.document) } });
  if (place.kind === 'mainland-china') {
    verdict.reasons.push(place.region ? { code: 'place_in_mainland', params: { text: quoteUserText(place.matched) } } : { code: 'country_is_china' });
  } else if (place.kind === 'ask') verdict.reasons.push({ code: 'unsure_country', params: { text: quoteUserText(input.country) } });
  else if (place.kind === 'unknown') verdict.reasons.push({ code: 'unknown_country', params: { text: quoteUserText(input.country) } });
  verdict.steps.push({ code: 'check_spelling' });
  cite(draft, [SOURCES.hcchStatus]);
  return finish(draft);
}

/** Taiwan, Hong Kong, Macao, Kosovo and states of unknown status: no Convention route to state. */
function specialRoute(draft: Draft): Verdict | undefined {
  const { verdict, country, direction } = draft;
  // Taiwan region: the 1993 cross-strait agreement on notarial certificates, never the Convention.
  if (draft.place.kind === 'taiwan') {
    verdict.outcome = 'special_route';
    verdict.reasons.push({ code: 'special_route_tw' });
    verdict.steps.push({ code: `special_route_tw_${direction}` }, { code: 'special_route_tw_other_documents' }, { code: 'check_receiver' });
    verdict.authority = 'tw_notarial_route';
    cite(draft, [SOURCES.crossStrait, SOURCES.crossStraitNotice]);
    return finish(draft, false);
  }
  if (verdict.place.region) verdict.reasons.push({ code: verdict.place.territory ? 'territory_of' : 'region_of' });
  if (country?.caveat) verdict.caveats.push(country.caveat);
  // Mainland ↔ Hong Kong / Macao: one country, so not an apostille matter at all.
  if (country?.chinaRelation === 'special_route') {
    verdict.outcome = 'special_route';
    const region = country.code === 'HK' ? 'hk' : 'mo';
    verdict.reasons.push({ code: `special_route_${region}` });
    verdict.steps.push({ code: `special_route_${region}_${direction}` });
    verdict.authority = direction === 'to_china' ? `${region}_attesting_officer` : null;
    cite(draft, [SOURCES.chinaDeclarations], region === 'hk' ? [SOURCES.hongKong] : direction === 'to_china' ? [SOURCES.macaoToMainland] : []);
    return finish(draft, false);
  }
  if (country?.chinaRelation === 'unknown') {
    verdict.reasons.push({ code: 'country_unverified' });
    verdict.steps.push({ code: 'ask_embassy' });
    return finish(draft);
  }
  // Kosovo: China's declaration excludes states it does not recognise; there is no route to present as normal.
  if (country?.chinaRelation === 'not_recognised') {
    verdict.outcome = 'no_relation';
    verdict.reasons.push({ code: 'not_recognised' }, { code: 'no_relation' });
    verdict.steps.push({ code: 'ask_receiver_no_relation' }, { code: 'ask_mfa_route' });
    // The step gives the MFA's phone number: cite the page it comes from.
    cite(draft, [SOURCES.chinaDeclarations, SOURCES.kosovo, SOURCES.mfaApply]);
    return finish(draft, false);
  }
  return undefined;
}

function legalise(draft: Draft, document: DocumentType, reason: Point, firstStep?: Point): Verdict {
  const { verdict, direction } = draft;
  const steps: Point[] =
    direction === 'from_china' ? [...preparationSteps(document, direction), { code: 'legalise_mfa' }, { code: 'legalise_embassy' }] : [{ code: 'abroad_certify' }, { code: 'legalise_chinese_embassy' }];
  verdict.outcome = 'legalization';
  verdict.reasons.push(reason);
  verdict.steps.push(...(firstStep ? [firstStep] : []), ...steps, { code: 'check_receiver' });
  verdict.authority = direction === 'from_china' ? 'mfa_fao_then_embassy' : 'issuing_state_then_chinese_embassy';
  cite(draft, [SOURCES.mfaWhich]);
  return verdict;
}

/** Consular legalisation: a state not in the table, a non-party, India's objection, or a date before the Convention applied. */
function legalisationRoute(draft: Draft, document: DocumentType, tables: Tables): Verdict | undefined {
  const { country, date } = draft;
  // A state the HCCH table does not list is not a party: legalisation, and the card says where that comes from.
  if (!country) {
    legalise(draft, document, { code: 'not_in_table', params: { asOf: tables.countriesAsOf } });
    cite(draft, [SOURCES.hcchStatus]);
    return finish(draft);
  }
  if (country.chinaRelation === 'not_party') {
    if (country.statusUnconfirmed) legalise(draft, document, { code: 'not_party_unconfirmed' }, { code: 'check_status_first' });
    else legalise(draft, document, { code: 'not_party' });
    cite(draft, [SOURCES.hcchStatus]);
    return finish(draft);
  }
  if (country.chinaRelation === 'objection') {
    legalise(draft, document, { code: 'objection' });
    cite(draft, [SOURCES.chinaDeclarations]);
    return finish(draft);
  }
  const since = country.inForceWithChinaFrom ?? CHINA_IN_FORCE;
  draft.verdict.inForceSince = since;
  if (date < CHINA_IN_FORCE) {
    legalise(draft, document, { code: 'china_not_yet', params: { date } });
    cite(draft, [SOURCES.chinaInForce]);
    return finish(draft);
  }
  if (date < since) {
    legalise(draft, document, { code: 'not_yet_in_force', params: { since, date } });
    return finish(draft);
  }
  return undefined;
}

/** The Convention applies: the apostille, unless Article 1(3) excludes the document. */
function conventionRoute(draft: Draft, document: DocumentType): Verdict {
  const { verdict, direction, date } = draft;
  const country = draft.country!;
  const caveat = direction === 'to_china' ? (document.caveatToChina ?? document.caveat) : document.caveat;
  const article1 = article1Of(document, direction);
  if (article1 === 'excluded_diplomatic' || article1 === 'excluded_commercial_customs') {
    verdict.outcome = 'excluded';
    verdict.reasons.push({ code: article1 });
    if (caveat) verdict.caveats.push(caveat);
    verdict.steps.push({ code: 'excluded_ask' });
    cite(draft, [SOURCES.convention, SOURCES.mfaApply]);
    return finish(draft);
  }
  verdict.outcome = 'apostille';
  // Undated parties: on the MFA's list only where the retrieved part of that list shows them.
  const listedBy = country.entryIntoForce ? 'in_force' : country.nameZhSource === 'mfa' ? 'in_force_listed' : 'in_force_table';
  verdict.reasons.push({ code: listedBy, params: { since: verdict.inForceSince ?? CHINA_IN_FORCE } }, ...documentReasons(document, direction));
  if (country.dateSourceQuality === 'third_party') verdict.reasons.push({ code: 'date_secondary' });
  if (caveat) verdict.caveats.push(caveat);
  verdict.steps.push(...preparationSteps(document, direction));
  // The online e-apostille exists only for CCPIT certificates of origin, and only since the pilot began.
  if (direction === 'from_china' && document.id === 'certificate-of-origin' && date >= E_APOSTILLE_FROM) {
    verdict.steps.push({ code: 'e_apostille_option' });
    cite(draft, [SOURCES.eApostille]);
  }
  verdict.steps.push(direction === 'from_china' ? { code: 'apply_mfa' } : { code: 'abroad_apostille' }, { code: 'check_receiver' });
  verdict.authority = direction === 'from_china' ? 'mfa_fao' : 'issuing_state';
  cite(draft, [SOURCES.convention], direction === 'from_china' ? [SOURCES.mfaApply] : [], listedBy === 'in_force_table' ? [SOURCES.hcchStatus] : []);
  return finish(draft);
}
