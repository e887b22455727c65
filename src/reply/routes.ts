/**
 * The route a case takes, and which FAQ entry answers each facet on that route: "how
 * long" is the MFA's processing time for a Chinese document going out, the issuing
 * state's business for a foreign one coming in, and the embassy's for legalisation.
 * An entry written for one route is never shown beside a verdict for another (the
 * Shanghai FAO's counter does not answer a US document coming into Shanghai).
 */
import type { Verdict } from '../check/rules.ts';
import type { Facet } from '../understand/facets.ts';

export type Route = 'out' | 'in' | 'legalisation' | 'hk' | 'mo' | 'tw' | 'hk_abroad' | 'mo_abroad' | 'third' | 'none';

/** The route of a verdict (or of a SAR document going to a third state, which has no verdict of ours). */
export function routeOf(verdict: Verdict | undefined, sarAbroad?: 'HK' | 'MO', third = false): Route {
  if (sarAbroad) return sarAbroad === 'HK' ? 'hk_abroad' : 'mo_abroad';
  if (third) return 'third';
  if (!verdict) return 'none';
  if (verdict.outcome === 'special_route') return verdict.place.kind === 'taiwan' ? 'tw' : verdict.country?.code === 'MO' ? 'mo' : 'hk';
  if (verdict.outcome === 'legalization') return 'legalisation';
  return verdict.direction === 'to_china' ? 'in' : 'out';
}

type FacetEntries = Partial<Record<Route, string>> & { none: string };

/** Per facet, the entry that answers it on each route; `none` when the message names no case. */
const FACET_ENTRIES = {
  time: { none: 'processing-time', out: 'processing-time', in: 'documents-into-china', legalisation: 'legalisation-time', hk: 'hk-to-mainland', mo: 'macao-mainland-route', tw: 'taiwan-route', hk_abroad: 'hk-apostille-abroad', mo_abroad: 'macao' },
  fee: { none: 'fees', out: 'fees', in: 'documents-into-china', legalisation: 'embassy-legalisation-fees', hk: 'hk-to-mainland', mo: 'macao-mainland-route', tw: 'taiwan-route', hk_abroad: 'hk-apostille-abroad', mo_abroad: 'macao' },
  time_saved: { none: 'time-savings' },
  savings: { none: 'cost-savings' },
  where: { none: 'where-to-apply', out: 'where-to-apply', in: 'documents-into-china', legalisation: 'legalisation-steps', hk: 'hk-to-mainland', mo: 'macao-mainland-route', tw: 'taiwan-route', hk_abroad: 'hk-apostille-abroad', mo_abroad: 'macao' },
  issuer: { none: 'apostille-vs-notarisation', out: 'apostille-vs-notarisation', in: 'foreign-documents-issuer', legalisation: 'legalisation-steps', hk: 'hk-to-mainland', mo: 'macao-mainland-route', tw: 'taiwan-route', hk_abroad: 'hk-apostille-abroad', mo_abroad: 'macao' },
  materials: { none: 'application-materials', out: 'application-materials', in: 'documents-into-china', legalisation: 'legalisation-steps', hk: 'hk-to-mainland', mo: 'macao-mainland-route', tw: 'taiwan-route', hk_abroad: 'hk-apostille-abroad', mo_abroad: 'macao' },
  verify: { none: 'verify-apostille', out: 'verify-apostille', in: 'verify-foreign-apostille', hk_abroad: 'verify-foreign-apostille', mo_abroad: 'verify-foreign-apostille' },
  translation: { none: 'translation' },
  validity: { none: 'validity' },
  certifies: { none: 'what-it-certifies' },
  double_legalisation: { none: 'apostille-vs-legalization' },
  e_apostille: { none: 'e-apostille' },
  excluded: { none: 'excluded-documents', out: 'destination-commercial-rules', in: 'excluded-documents' },
  start_date: { none: 'china-effective-date', hk: 'hong-kong', hk_abroad: 'hong-kong', mo: 'macao', mo_abroad: 'macao' },
  signed: { none: 'convention-basics' },
  looks: { none: 'apostille-format' },
} satisfies Record<Facet, FacetEntries>;

/**
 * Narrower entries that answer a facet as well as its usual one: when the search finds one
 * of these ("外交部窗口在哪" → the MFA counter), it answers instead, if it fits the route.
 */
const FACET_ALTERNATIVES: Partial<Record<Facet, string[]>> = {
  where: ['mfa-window', 'fao-my-province', 'local-fao', 'shanghai-apostille', 'jiangsu-apostille', 'fao-other-region', 'local-ccpit-apostille', 'apply-by-post', 'hk-apostille-abroad'],
  time: ['time-savings', 'hk-apostille-abroad'],
  fee: ['fao-fees', 'embassy-legalisation-fees', 'hk-apostille-abroad'],
  verify: ['verify-foreign-apostille'],
  validity: ['document-recency'],
  translation: ['apostille-language'],
  double_legalisation: ['no-more-legalization', 'legalisation-steps'],
  e_apostille: ['e-apostille-acceptance'],
  issuer: ['local-fao', 'foreign-documents-issuer', 'who-can-apply'],
  start_date: ['china-accession', 'convention-basics', 'hong-kong', 'macao', 'first-apostille', 'joined-later'],
  materials: ['mfa-window'],
};

/** Whether the search's entry answers this facet as well as the usual one. */
export function answersFacet(entryId: string, facet: Facet): boolean {
  return FACET_ALTERNATIVES[facet]?.includes(entryId) ?? false;
}

/** The entry ids that answer the facets asked on this route, in the order asked, each once. */
export function facetEntryIds(facets: readonly Facet[], route: Route): string[] {
  const ids = facets.map((facet) => {
    const entries: FacetEntries = FACET_ENTRIES[facet];
    return entries[route] ?? entries.none;
  });
  return [...new Set(ids)];
}

/** Entries written for Chinese documents going abroad: wrong beside any other route. */
const OUTGOING_ONLY = new Set([
  'where-to-apply', 'local-fao', 'mfa-window', 'application-materials', 'processing-time', 'fees', 'notarise-first', 'ccpit-documents',
  'certificate-of-origin', 'commercial-certificate-route', 'apostille-format', 'e-apostille', 'verify-apostille', 'refusal-grounds',
  'education-documents', 'who-can-apply', 'company-documents', 'power-of-attorney-abroad', 'fao-my-province', 'jiangsu-apostille',
  'shanghai-apostille', 'apply-by-post', 'preferential-co', 'customs-issued-co', 'fao-fees', 'fao-other-region',
  'apostille-vs-ccpit-certificate', 'apostille-vs-notarisation', 'local-ccpit-apostille', 'court-documents', 'personal-documents', 'first-apostille',
]);
/** Entries written for foreign documents coming into China. */
const INCOMING_ONLY = new Set(['documents-into-china', 'power-of-attorney-into-china', 'foreign-documents-issuer', 'verify-foreign-apostille']);
/** Entries about one special route each. */
const SPECIAL_ROUTE_ENTRIES: Record<string, Route[]> = {
  'hong-kong': ['hk', 'hk_abroad'],
  'hk-to-mainland': ['hk'],
  'hk-apostille-abroad': ['hk_abroad'],
  macao: ['mo', 'mo_abroad'],
  'macao-mainland-route': ['mo'],
  'taiwan-route': ['tw'],
};

/**
 * Whether an entry may stand beside a case on this route without contradicting its steps. With no
 * route, a Hong Kong, Macao or Taiwan entry fits only a message that names that place (`specialNamed`):
 * "我们公司在深圳，去哪里办" is not asking about Hong Kong's High Court.
 */
export function entryFitsRoute(entryId: string, route: Route, specialNamed = true): boolean {
  const special = SPECIAL_ROUTE_ENTRIES[entryId];
  if (special) return special.includes(route) || (route === 'none' && specialNamed);
  if (route === 'none' || route === 'out') return !INCOMING_ONLY.has(entryId) || route === 'none';
  if (route === 'in') return !OUTGOING_ONLY.has(entryId);
  // Legalisation and the special routes: only entries that are about no route of their own.
  return !OUTGOING_ONLY.has(entryId) && !INCOMING_ONLY.has(entryId);
}

/** Every entry id this module names: a test checks each exists in data/faq.json. */
export function routedEntryIds(): string[] {
  return [...new Set([...Object.values(FACET_ENTRIES).flatMap((e) => Object.values(e)), ...Object.values(FACET_ALTERNATIVES).flat(), ...OUTGOING_ONLY, ...INCOMING_ONLY, ...Object.keys(SPECIAL_ROUTE_ENTRIES)])];
}

/** Whether an entry is written for this very route (documents into China, Hong Kong to the mainland…). */
export function entryOfRoute(entryId: string, route: Route): boolean {
  if (route === 'in') return INCOMING_ONLY.has(entryId);
  return SPECIAL_ROUTE_ENTRIES[entryId]?.includes(route) ?? false;
}
