/**
 * Does a document take an apostille? Pure rules over the tables: the same input
 * and date always give the same verdict. Reasons and steps are codes with
 * parameters; render.ts words them in the reader's language.
 */
import { quoteUserText } from '../reply/html.ts';
import type { Tables } from './catalogue.ts';
import type { Country, DocumentType, Preparation } from './schema.ts';

export type Direction = 'from_china' | 'to_china';
export type Outcome = 'apostille' | 'legalization' | 'excluded' | 'special_route' | 'unknown';

export interface Point {
  code: string;
  params?: Record<string, string>;
}

export interface Verdict {
  outcome: Outcome;
  document: DocumentRef | null;
  country: CountryRef | null;
  direction: Direction;
  date: string;
  reasons: Point[];
  steps: Point[];
  /** Who issues the apostille (or does the legalisation), as a code render.ts names. */
  authority: string | null;
  /** The date from which the Convention applies between mainland China and the country. */
  inForceSince: string | null;
  sources: string[];
  /** Caveats from the data (bilingual text written by staff), shown under the reasons. */
  caveats: { en: string; zh: string }[];
  suggestions: { documents: DocumentRef[]; countries: CountryRef[] };
}

export interface CheckInput {
  /** A document id, name or alias, in either language. */
  document: string;
  /** A country code, name or alias, in either language. */
  country: string;
  direction?: Direction;
  /** YYYY-MM-DD; defaults to `today`. */
  date?: string;
}

/** The Convention's entry into force for mainland China. */
export const CHINA_IN_FORCE = '2023-11-07';

const SOURCES = {
  convention: 'https://www.hcch.net/en/instruments/conventions/full-text/?cid=41',
  chinaDeclarations: 'https://www.hcch.net/en/instruments/conventions/status-table/notifications/?csid=914&disp=resdn',
  chinaInForce: 'https://hcch.net/es/news-archive/details/?varevent=904',
  mfaApply: 'MFA apostille application page (copy of cs.mfa.gov.cn): http://code.python88.com/l/1zHHTk33yW',
  mfaWhich: 'http://cs.mfa.gov.cn/zggmcg/fjzms/cjwd/202310/t20231020_11164567.shtml',
  hongKong: 'https://esgrz.com/content/842.html',
  hcchStatus: 'https://www.hcch.net/en/instruments/conventions/status-table/?cid=41',
};

type DocumentRef = { id: string; name: { en: string; zh: string } };
type CountryRef = { code: string; name: { en: string; zh: string } };
const documentRef = (d: DocumentType): DocumentRef => ({ id: d.id, name: d.name });
const countryRef = (c: Country): CountryRef => ({ code: c.code, name: c.name });

export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function preparationSteps(preparation: Preparation, direction: Direction, document: DocumentType): Point[] {
  if (direction === 'to_china') return preparation === 'none' ? [] : [{ code: 'abroad_notarise' }];
  if (document.id === 'certificate-of-origin') return [{ code: 'prepare_certificate_of_origin' }];
  switch (preparation) {
    case 'ccpit':
      return [{ code: 'prepare_ccpit' }];
    case 'notarise':
      return [{ code: 'prepare_notarise' }];
    case 'notarise_or_ccpit':
      return [{ code: 'prepare_notarise_or_ccpit' }];
    default:
      return [];
  }
}

function documentReasons(document: DocumentType, direction: Direction): Point[] {
  const preparation = direction === 'from_china' ? document.preparation.fromChina : document.preparation.toChina;
  // CCPIT's own certificates are the official certificate already: China lists them as apostillable.
  if (direction === 'from_china' && document.article1 === 'official_certificate' && preparation === 'none') return [{ code: 'ccpit_issued' }];
  const reasons: Point[] = [{ code: `article1_${document.article1}` }];
  if (direction === 'from_china' && preparation !== 'none') reasons.push({ code: 'mfa_accepts_certified' });
  return reasons;
}

export function checkDocument(input: CheckInput, tables: Tables, todayIso: string = today()): Verdict {
  const direction = input.direction ?? 'from_china';
  const date = input.date ?? todayIso;
  const documentMatch = tables.documentNames.resolve(input.document);
  const countryMatch = tables.countryNames.resolve(input.country);
  const document = documentMatch.item;
  let country = countryMatch.item;
  const verdict: Verdict = {
    outcome: 'unknown',
    document: document ? documentRef(document) : null,
    country: country ? countryRef(country) : null,
    direction,
    date,
    reasons: [],
    steps: [],
    authority: null,
    inForceSince: null,
    sources: [],
    caveats: [],
    suggestions: {
      documents: documentMatch.suggestions.map(documentRef),
      countries: countryMatch.suggestions.map(countryRef),
    },
  };
  // Rule sources (the Convention, China's declarations) come first, then the data's own.
  const ruleSources: string[] = [];
  const addSources = (...lists: string[][]) => ruleSources.push(...lists.flat());
  const done = (): Verdict => {
    verdict.sources = [...new Set([...ruleSources, ...(document?.source ?? []), ...(country?.source ?? [])])];
    return verdict;
  };

  const isChina = ['cn', 'china', 'prc', '中国', '中国内地', '内地', '大陆', '中华人民共和国'].includes(input.country.trim().toLowerCase());
  if (!document || !country || isChina) {
    if (!document) verdict.reasons.push({ code: 'unknown_document', params: { text: quoteUserText(input.document) } });
    if (isChina) {
      country = undefined;
      verdict.country = null;
      verdict.reasons.push({ code: 'country_is_china' });
    } else if (!country) verdict.reasons.push({ code: 'unknown_country', params: { text: quoteUserText(input.country) } });
    verdict.steps.push({ code: 'check_spelling' });
    addSources([SOURCES.hcchStatus]);
    return done();
  }

  if (country.caveat) verdict.caveats.push(country.caveat);

  // Mainland ↔ Hong Kong / Macao: one country, so not an apostille matter at all.
  if (country.chinaRelation === 'special_route') {
    verdict.outcome = 'special_route';
    const region = country.code === 'HK' ? 'hk' : 'mo';
    verdict.reasons.push({ code: `special_route_${region}` });
    verdict.steps.push({ code: `special_route_${region}_${direction}` });
    verdict.authority = region === 'hk' && direction === 'to_china' ? 'hk_attesting_officer' : null;
    addSources([SOURCES.chinaDeclarations], region === 'hk' ? [SOURCES.hongKong] : []);
    return done();
  }

  if (country.chinaRelation === 'unknown') {
    verdict.reasons.push({ code: 'country_unverified' });
    verdict.steps.push({ code: 'ask_embassy' });
    return done();
  }

  const preparation = direction === 'from_china' ? document.preparation.fromChina : document.preparation.toChina;
  const legalisationSteps = (): Point[] =>
    direction === 'from_china'
      ? [...preparationSteps(preparation, direction, document), { code: 'legalise_mfa' }, { code: 'legalise_embassy' }]
      : [{ code: 'abroad_certify' }, { code: 'legalise_chinese_embassy' }];
  const legalisation = (reason: Point) => {
    verdict.outcome = 'legalization';
    verdict.reasons.push(reason);
    verdict.steps.push(...legalisationSteps(), { code: 'check_receiver' });
    verdict.authority = direction === 'from_china' ? 'mfa_fao_then_embassy' : 'issuing_state_then_chinese_embassy';
    addSources([SOURCES.mfaWhich]);
  };

  if (country.chinaRelation === 'not_party') {
    legalisation({ code: 'not_party' });
    return done();
  }
  if (country.chinaRelation === 'objection') {
    legalisation({ code: 'objection' });
    addSources([SOURCES.chinaDeclarations]);
    return done();
  }
  if (country.chinaRelation === 'not_recognised') {
    verdict.outcome = 'legalization';
    verdict.reasons.push({ code: 'not_recognised' });
    verdict.steps.push({ code: 'ask_mfa_route' });
    // The step gives the MFA's phone number: cite the page it comes from.
    addSources([SOURCES.chinaDeclarations, SOURCES.mfaApply]);
    return done();
  }

  const since = country.inForceWithChinaFrom ?? CHINA_IN_FORCE;
  verdict.inForceSince = since;
  if (date < CHINA_IN_FORCE) {
    legalisation({ code: 'china_not_yet', params: { date } });
    addSources([SOURCES.chinaInForce]);
    return done();
  }
  if (date < since) {
    legalisation({ code: 'not_yet_in_force', params: { since, date } });
    return done();
  }

  if (document.article1 === 'excluded_diplomatic' || document.article1 === 'excluded_commercial_customs') {
    verdict.outcome = 'excluded';
    verdict.reasons.push({ code: document.article1 });
    if (document.caveat) verdict.caveats.push(document.caveat);
    verdict.steps.push({ code: 'excluded_ask' });
    addSources([SOURCES.convention, SOURCES.mfaApply]);
    return done();
  }

  verdict.outcome = 'apostille';
  verdict.reasons.push(
    { code: country.entryIntoForce ? 'in_force' : 'in_force_listed', params: { since } },
    ...documentReasons(document, direction),
  );
  if (country.dateSourceQuality === 'third_party') verdict.reasons.push({ code: 'date_secondary' });
  if (document.caveat) verdict.caveats.push(document.caveat);
  verdict.steps.push(...preparationSteps(preparation, direction, document));
  verdict.steps.push(direction === 'from_china' ? { code: 'apply_mfa' } : { code: 'abroad_apostille' }, { code: 'check_receiver' });
  verdict.authority = direction === 'from_china' ? 'mfa_fao' : 'issuing_state';
  addSources([SOURCES.convention], direction === 'from_china' ? [SOURCES.mfaApply] : []);
  return done();
}
