/**
 * What the bot says to a question, as HTML plus buttons, independent of Telegram:
 * the bot sends it, the console prints it, the ask CLI prints it as plain text.
 */
import type { Tables } from '../catalogue/tables.ts';
import { CHINA_IN_FORCE, checkDocument, SOURCES, type Point, type Verdict } from '../check/rules.ts';
import type { ActionButton, CallbackData } from './actions.ts';
import type { Translate } from '../i18n/index.ts';
import { langOf, localized, type Locale } from '../i18n/locale.ts';
import type { FaqEntry } from '../knowledge/schema.ts';
import type { FaqIndex, SearchResult } from '../knowledge/search.ts';
import { countryCodes, isTableName, placesIn } from '../understand/places.ts';
import { Understander, type FollowUpContext, type Understanding } from '../understand/index.ts';
import { TAIWAN_REGION } from '../places/index.ts';
import { escapeHtml } from '../format/html.ts';
import { renderSourceLines } from '../format/sources.ts';
import { GENERAL_FACETS } from '../understand/facets.ts';
import { answersFacet, entryFitsRoute, entryOfRoute, facetEntryIds, routeOf, type Route } from './routes.ts';

/** A button: an action of ours (encoded by the bot), or callback data a bot feature encoded itself. */
export type Button = ActionButton | { text: string; data: string };

/** Opens Telegram's chat picker with "@bot <query>" typed in: shares an answer through inline mode. */
export interface ShareButton {
  text: string;
  shareQuery: string;
}

export interface Reply {
  html: string;
  buttons: (Button | ShareButton)[][];
}

/** Inline queries are at most 256 characters; a title is far shorter, but a cut keeps the button valid. */
const INLINE_QUERY_LIMIT = 256;

/** The "Share" row under an answer or verdict card: the question prefilled in inline mode. */
export function shareRow(query: string, t: Translate): ShareButton[] {
  return [{ text: t('share.button'), shareQuery: [...query].slice(0, INLINE_QUERY_LIMIT).join('') }];
}

/** Entries offered when nothing closer is known: the questions exporters ask first. */
export const POPULAR_TOPICS = ['what-is-apostille', 'certificate-of-origin', 'where-to-apply', 'non-party-destinations'];
/** A candidate below this coverage is no "close topic": popular topics are offered instead. */
const CLOSE_TOPIC_SCORE = 0.2;

/** How many related questions an answer offers. */
export const RELATED_LIMIT = 3;
/** Button labels longer than this are cut: Telegram shows little more on a phone. */
const BUTTON_TEXT_LIMIT = 60;

/** The one-line check that gives this verdict again ("check 原产地证书 德国"), for the Share button. */
export function verdictShareQuery(verdict: Verdict, locale: Locale): string | undefined {
  const lang = langOf(locale);
  // The place as named: a region or territory by its own name, else the country; Taiwan as typed.
  const place = verdict.place.region?.[lang] ?? verdict.country?.name[lang] ?? (verdict.place.kind === 'taiwan' ? verdict.place.typed : undefined);
  if (!verdict.document || !place) return undefined;
  const document = localized(verdict.document.name[lang], locale);
  const country = localized(place, locale);
  if (verdict.direction === 'from_china') return `check ${document} ${country}`;
  return lang === 'zh' ? `check ${document} ${country} ${localized('来华', locale)}` : `check ${document} from ${country} to China`;
}

export function entryTitle(entry: FaqEntry, locale: Locale): string {
  return localized(entry.questions[langOf(locale)][0] ?? entry.id, locale);
}

function faqAction(entryId: string, locale: Locale): CallbackData {
  return { kind: 'faq', id: entryId, locale };
}

export function buttonLabel(text: string): string {
  return text.length > BUTTON_TEXT_LIMIT ? `${text.slice(0, BUTTON_TEXT_LIMIT - 1)}…` : text;
}

export function topicButtons(entries: FaqEntry[], locale: Locale): Button[][] {
  return entries.map((entry) => [{ text: buttonLabel(entryTitle(entry, locale)), action: faqAction(entry.id, locale) }]);
}

/** Up to three related entries: the entry's curated list first, then the next search candidates. */
export function relatedEntries(entry: FaqEntry, byId: Map<string, FaqEntry>, candidates: FaqEntry[] = []): FaqEntry[] {
  const related: FaqEntry[] = [];
  for (const candidate of [...entry.related.map((id) => byId.get(id)), ...candidates]) {
    if (!candidate || candidate.id === entry.id || related.some((r) => r.id === candidate.id)) continue;
    related.push(candidate);
    if (related.length === RELATED_LIMIT) break;
  }
  return related;
}

export function renderAnswer(entry: FaqEntry, related: FaqEntry[], locale: Locale, t: Translate): Reply {
  const html = [entryBody(entry, locale), sourcesBlock(entry.source, entry.updated, t)].join('\n\n');
  return { html, buttons: [...topicButtons(related, locale), shareRow(entryTitle(entry, locale), t)] };
}

/** An entry's title and answer, without its sources (a composed answer cites once, at the end). */
function entryBody(entry: FaqEntry, locale: Locale): string {
  return `<b>${escapeHtml(entryTitle(entry, locale))}</b>\n\n${escapeHtml(localized(entry.answer[langOf(locale)], locale))}`;
}

/** The sources of an answer: at most three, official first, secondary ones marked (the verdict cards' rule). */
function sourcesBlock(sources: readonly string[], updated: string | undefined, t: Translate): string {
  const lines = renderSourceLines([...new Set(sources)], t('check.label.secondary_source'));
  const label = t(lines.length > 1 ? 'answer.sources' : 'answer.source');
  const list = lines.length === 1 ? ` ${lines[0]!.replace(/^• /, '')}` : lines.map((line) => `\n${line}`).join('');
  return `📎 ${label}${list}${updated ? `\n🗓 ${t('answer.updated')} ${escapeHtml(updated)}` : ''}`;
}

export function renderFallback(suggestions: FaqEntry[], locale: Locale, t: Translate): Reply {
  const text = suggestions.length ? t('fallback.text') : t('fallback.no_topics');
  return { html: `${text}\n\n${t('fallback.check_hint')}`, buttons: topicButtons(suggestions, locale) };
}

/** Close topics for a question we could not answer: near candidates, else the popular topics. */
export function fallbackSuggestions(result: SearchResult, byId: Map<string, FaqEntry>): FaqEntry[] {
  const close = result.candidates.filter((c) => c.score >= CLOSE_TOPIC_SCORE).map((c) => c.entry);
  const entries = close.length ? close : POPULAR_TOPICS.map((id) => byId.get(id)).filter((e) => e !== undefined);
  return entries.slice(0, RELATED_LIMIT);
}

export type AnswerKind = 'answer' | 'verdict' | 'smalltalk' | 'fallback';

export interface Answer {
  locale: Locale;
  kind: AnswerKind;
  result: SearchResult;
  /** The FAQ entry shown, if any (a verdict may come with one). */
  entry?: FaqEntry;
  /** The case verdicts stated, one per country named (at most VERDICT_LIMIT). */
  verdicts: Verdict[];
  reply: Reply;
  related: FaqEntry[];
}

export interface AnswerDeps {
  index: FaqIndex;
  byId: Map<string, FaqEntry>;
  tables: Tables;
  /** YYYY-MM-DD the verdicts are given for. */
  today: string;
}

/** Verdicts for more countries than this in one message are left to /check. */
const VERDICT_LIMIT = 3;
/** The document a country's status is checked with when the message names none: the usual route (notary, then apostille). */
export const REPRESENTATIVE_DOCUMENT = 'notarial-certificate';
/** Reasons and steps that speak of the document: left out when the user named no document. */
const DOCUMENT_POINT = /^(?:article1_|ccpit_issued|mfa_accepts_certified|prepare_)/;

function verdictAction(verdict: Verdict, documentNamed: boolean, locale: Locale): CallbackData {
  const document = documentNamed && verdict.document ? verdict.document.id : null;
  return { kind: 'vrd', document, country: verdict.country?.code ?? '', direction: verdict.direction, locale };
}

/** The case verdicts a message asks for: one per country named (mainland China itself is never "a country" here). */
export function verdictsFor(u: Understanding, tables: Tables, today: string): Verdict[] {
  if (!u.asksCase || u.sar || u.travel.third) return [];
  // "香港唔係一早已經有咗咩？": a question about the Convention itself, with a place in passing, needs no verdict.
  if (!u.documents.length && u.facets.length && u.facets.every((f) => GENERAL_FACETS.has(f))) return [];
  const date = u.when?.iso;
  const document = u.documents[0]?.id ?? REPRESENTATIVE_DOCUMENT;
  const countries = u.countries.filter((code) => tables.country(code));
  if (!countries.length && u.taiwan) return [checkDocument({ document, country: 'TW', direction: u.direction, date }, tables, today)];
  // A place the message gives a role (issuer or destination) is the case; others are mentioned in passing.
  const placed = [u.travel.issuing, u.travel.use].some((p) => p?.kind === 'country');
  const cases = placed ? countries.slice(0, 1) : countries.slice(0, VERDICT_LIMIT);
  return cases.map((country) => checkDocument({ document, country, direction: u.direction, date }, tables, today));
}

/** Reasons that speak of the country: left out of a document's note when no country was named. */
const COUNTRY_POINT = /^(?:in_force|in_force_listed|date_secondary)$/;

/**
 * A document named without a country: how that document is prepared and where the
 * apostille is issued, as for any Contracting State (checked against one whose relation
 * with China started with China's own date), with a pointer to name the country.
 */
export function documentNote(u: Understanding, tables: Tables, today: string, locale: Locale, t: Translate): string | undefined {
  const document = u.documents[0];
  // Only for a Chinese document going abroad: a foreign one's steps need its country, and Taiwan has its own route.
  if (!document || u.countries.length || !u.asksCase || u.direction === 'to_china' || u.places.some((p) => p.kind === 'taiwan')) return undefined;
  const party = tables.countries.find((c) => c.chinaRelation === 'in_force' && c.inForceWithChinaFrom === CHINA_IN_FORCE && c.dateSourceQuality === 'official');
  if (!party) return undefined;
  const verdict = checkDocument({ document: document.id, country: party.code, direction: u.direction }, tables, today);
  const name = escapeHtml(localized(document.name[langOf(locale)], locale));
  const say = (prefix: string, point: Point) => t(`check.${prefix}.${point.code}`, { document: document.name[langOf(locale)], country: '', ...point.params });
  const reasons = verdict.reasons.filter((r) => !COUNTRY_POINT.test(r.code));
  const steps = verdict.steps.filter((s) => s.code !== 'check_receiver');
  const lines = [`<b>${name}: ${t('answer.document_note', { document: name })}</b>`, ...reasons.map((r) => `• ${say('reason', r)}`), ...steps.map((s, i) => `${i + 1}. ${say('step', s)}`)];
  return lines.join('\n');
}

/** One verdict in a few lines: the outcome, why, and what to do. */
export function renderVerdictSummary(verdict: Verdict, documentNamed: boolean, locale: Locale, t: Translate, tables: Tables, when = ''): string {
  const lang = langOf(locale);
  const names = { country: verdict.country?.name[lang] ?? '', document: verdict.document?.name[lang] ?? '' };
  const keep = (p: Point) => documentNamed || !DOCUMENT_POINT.test(p.code);
  const say = (prefix: string, point: Point) => t(`check.${prefix}.${point.code}`, { ...names, ...point.params });
  const heading = [names.country, documentNamed ? names.document : ''].filter(Boolean).map((n) => escapeHtml(localized(n, locale))).join(' · ');
  const country = verdict.country ? tables.country(verdict.country.code) : undefined;
  const lines = [`<b>${heading}: ${when}${t(`check.outcome.${verdict.outcome}`)}</b>`];
  // "X is a party" beside a legalisation verdict (India) would read as a yes: only where the Convention does or soon will apply.
  const applies = verdict.outcome === 'apostille' || verdict.reasons.some((r) => r.code === 'not_yet_in_force');
  if (country?.status === 'party' && applies) lines.push(`• ${t('check.country_card.status_party', { country: names.country })}`);
  lines.push(...verdict.reasons.filter(keep).map((r) => `• ${say('reason', r)}`));
  const steps = verdict.steps.filter(keep).filter((s) => s.code !== 'check_receiver');
  lines.push(...steps.map((s, i) => `${i + 1}. ${say('step', s)}`));
  return lines.join('\n');
}

/** Countries (ISO codes) an entry's own questions and keywords name: "文件送印度…" is about India. */
const entryPlaces = new WeakMap<FaqEntry, Set<string>>();
function placesOf(entry: FaqEntry, tables: Tables): Set<string> {
  let places = entryPlaces.get(entry);
  if (!places) {
    // Only the country table's own names: "French" (the language) does not make an entry about France.
    const named = placesIn([...entry.questions.zh, ...entry.questions.en, ...entry.keywords].join('\n'), tables.places).filter((p) => p.kind === 'country' && isTableName(tables, p.code, p.matched));
    places = new Set(countryCodes(named));
    entryPlaces.set(entry, places);
  }
  return places;
}

/**
 * The FAQ entry to show beside verdicts: the best confident candidate that is not
 * about some other country (Canada's entry must not answer for Brazil); an entry
 * about the country named comes first.
 */
function entryBesideVerdicts(result: SearchResult, countries: string[], index: FaqIndex, tables: Tables): FaqEntry | undefined {
  const about = (c: { entry: FaqEntry }) => [...placesOf(c.entry, tables)].some((p) => countries.includes(p));
  const elsewhere = (c: { entry: FaqEntry }) => placesOf(c.entry, tables).size > 0 && !about(c);
  const confident = result.candidates.filter((c) => c.score >= index.threshold || (c.entry === result.entry && result.matched));
  // The entry about the very country named may be a little less close: it is the one that fits the verdict.
  const aboutCountry = result.candidates.find((c) => about(c) && c.score >= index.threshold * ABOUT_COUNTRY_FACTOR);
  return (aboutCountry ?? confident.find((c) => !elsewhere(c)))?.entry;
}

/** How much of the usual confidence an entry about the named country needs. */
const ABOUT_COUNTRY_FACTOR = 0.5;

function renderSmalltalk(kind: string, byId: Map<string, FaqEntry>, locale: Locale, t: Translate): Reply {
  const popular = POPULAR_TOPICS.map((id) => byId.get(id)).filter((e) => e !== undefined);
  return { html: t(`smalltalk.${kind}`), buttons: topicButtons(popular, locale) };
}

/** A trade question outside our scope: say what we cover, with the popular topics. */
function renderOutOfScope(byId: Map<string, FaqEntry>, locale: Locale, t: Translate): Reply {
  const popular = POPULAR_TOPICS.map((id) => byId.get(id)).filter((e) => e !== undefined);
  return { html: `${t('answer.out_of_scope')}\n\n${t('fallback.check_hint')}`, buttons: topicButtons(popular, locale) };
}

/** The entries that answer the facets asked, on the case's route; for "where", a named province's own entry first. */
function facetEntries(u: Understanding, route: Route, byId: Map<string, FaqEntry>): FaqEntry[] {
  // Facets count only in a message of our domain: "哪里能买到便宜的机票" asks nothing of ours.
  if (!u.inDomain) return [];
  const found = u.intent.matched ? u.intent.entry : undefined;
  const narrower = found && entryFitsRoute(found.id, route, namesSpecialPlace(u)) && u.facets.some((f) => answersFacet(found.id, f)) ? found.id : undefined;
  // When the Convention began: for Hong Kong or Macao named too, their own (1965, 1969).
  const sarStart = u.facets.includes('start_date') ? u.countries.filter((c) => c === 'HK' || c === 'MO').map((c) => (c === 'HK' ? 'hong-kong' : 'macao')) : [];
  const region = regionEntryId(u, route);
  const ids = [...new Set([...(region ? [region] : []), ...(narrower ? [narrower] : []), ...facetEntryIds(u.facets, route), ...sarStart])];
  return ids.map((id) => byId.get(id)).filter((e): e is FaqEntry => e !== undefined).slice(0, FACET_ENTRY_LIMIT);
}
/** Facets answered in one reply at most: more would bury the case. */
const FACET_ENTRY_LIMIT = 2;

/** Hong Kong, Macao or Taiwan named in the message: only then may their entries answer a message with no route. */
const namesSpecialPlace = (u: Understanding) => u.countries.some((c) => c === 'HK' || c === 'MO') || u.places.some((p) => p.kind === 'taiwan');

/** Provinces and municipalities with an entry of their own on where to apply (their office's authorisation is sourced). */
const REGION_ENTRIES: Record<string, string> = { 江苏: 'jiangsu-apostille', 上海: 'shanghai-apostille' };

/** The writer's province or municipality, when "where" is asked on the way out. */
function writersRegion(u: Understanding, route: Route) {
  if (!u.facets.includes('where') || (route !== 'out' && route !== 'none')) return undefined;
  const place = u.places.find((p) => p.kind === 'mainland-china' && (p.province || p.regionName));
  return place?.kind === 'mainland-china' ? place : undefined;
}

/** The entry of the writer's own province ("we're based in Wuxi" → Jiangsu's), when it has one. */
function regionEntryId(u: Understanding, route: Route): string | undefined {
  const place = writersRegion(u, route);
  return place ? REGION_ENTRIES[(place.province ?? place.regionName)!.zh] : undefined;
}

/** The writer's own province ("我们公司在深圳"): where its foreign affairs office serves them, for "where" on the way out. */
function provinceLine(u: Understanding, route: Route, locale: Locale, t: Translate): string | undefined {
  const place = writersRegion(u, route);
  // A province with its own entry is answered by that entry.
  if (!place?.province || !place.regionName || regionEntryId(u, route)) return undefined;
  const lang = langOf(locale);
  return escapeHtml(localized(t('answer.province_office', { place: place.regionName[lang], province: place.province[lang] }), locale));
}

/** The reply to an understood message: small talk, case verdicts with the FAQ answer that fits, an FAQ answer, or the fallback. */
export function answerUnderstood(u: Understanding, deps: AnswerDeps, locale: Locale, t: Translate): Answer {
  const { byId, tables } = deps;
  const result = u.intent;
  if (u.smalltalk) return { locale, kind: 'smalltalk', result, verdicts: [], related: [], reply: renderSmalltalk(u.smalltalk, byId, locale, t) };
  if (u.offTopic) return { locale, kind: 'fallback', result, verdicts: [], related: [], reply: renderOutOfScope(byId, locale, t) };

  const verdicts = verdictsFor(u, tables, deps.today);
  const route = routeOf(verdicts[0], u.sar, u.travel.third === true);
  const { asked, entry, second } = chooseEntries(u, verdicts, route, deps);
  const note = verdicts.length || u.direction === 'to_china' || route === 'third' ? undefined : documentNote(u, tables, deps.today, locale, t);
  const dateNote = verdicts.length ? undefined : pastDateNote(u, locale, t);
  if (!verdicts.length && !entry && !note && !dateNote && route !== 'third') {
    const suggestions = fallbackSuggestions(result, byId);
    return { locale, kind: 'fallback', result, verdicts, related: suggestions, reply: renderFallback(suggestions, locale, t) };
  }
  const shownIds = new Set([...asked, ...(second ? [second] : [])].map((e) => e.id));
  const related = entry ? relatedEntries(entry, byId, result.candidates.map((c) => c.entry)).filter((r) => !shownIds.has(r.id) && entryFitsRoute(r.id, route, namesSpecialPlace(u))) : [];
  const other = otherWayButton(u, verdicts, locale, t);
  const parts = composeParts({ u, verdicts, route, asked, entry, second, note, dateNote, otherWay: other?.line }, deps, locale, t);
  // Share what inline mode gives again: the entry's question, else the check of a named document.
  const share = entry ? entryTitle(entry, locale) : u.documents.length && verdicts[0] ? verdictShareQuery(verdicts[0], locale) : undefined;
  const buttons = [...caseButtons(u, verdicts, other?.button, locale, t), ...topicButtons(related, locale), ...(share ? [shareRow(share, t)] : [])];
  return { locale, kind: verdicts.length ? 'verdict' : 'answer', result, entry, verdicts, related, reply: { html: parts.join('\n\n— — —\n\n'), buttons } };
}

interface Chosen {
  /** The entries that answer the facets asked, first in the reply. */
  asked: FaqEntry[];
  /** The entry the answer is about (the first asked one, else the search's, if it fits the route). */
  entry?: FaqEntry;
  /** A second question's entry. */
  second?: FaqEntry;
}

/** The FAQ entries of an answer: the asked facets', else the search's if it fits the case's route. */
function chooseEntries(u: Understanding, verdicts: Verdict[], route: Route, deps: AnswerDeps): Chosen {
  const { index, byId, tables } = deps;
  const result = u.intent;
  const asked = facetEntries(u, route, byId);
  const searched = verdicts.length ? entryBesideVerdicts(result, u.countries, index, tables) : result.matched ? result.entry : undefined;
  // A SAR document abroad has its own entry.
  const sarEntry = route === 'hk_abroad' ? byId.get('hk-apostille-abroad') : route === 'mo_abroad' ? byId.get('macao') : undefined;
  // Beside a verdict on another route than the usual one, the verdict speaks alone: a general entry covers both ways.
  const besideAllowed = (e: FaqEntry) => !verdicts.length || route === 'out' || entryOfRoute(e.id, route);
  const special = namesSpecialPlace(u);
  const beside = searched && besideAllowed(searched) && entryFitsRoute(searched.id, route, special) && !asked.some((e) => e.id === searched.id) ? searched : undefined;
  const entry = asked[0] ?? beside ?? sarEntry;
  const second = !asked.length && u.second?.entry && u.second.entry.id !== entry?.id && entryFitsRoute(u.second.entry.id, route, special) ? u.second.entry : undefined;
  return { asked, ...(entry ? { entry } : {}), ...(second ? { second } : {}) };
}

/** The parts of a reply: what was asked first, then the case as read with its verdict, then the entry, then one list of sources. */
function composeParts(c: Chosen & { u: Understanding; verdicts: Verdict[]; route: Route; note?: string; dateNote?: string; otherWay?: string }, deps: AnswerDeps, locale: Locale, t: Translate): string[] {
  const { u, verdicts, asked, entry, second } = c;
  const parts = [provinceLine(u, c.route, locale, t), thirdCountryNote(u, deps.tables, locale, t), ...asked.map((e) => entryBody(e, locale))];
  if (verdicts.length) {
    // With an earlier time compared, the verdict is said to be today's ("Now: …").
    const now = u.when?.earlier ? t('answer.case.now') : '';
    const summaries = verdicts.map((v) => renderVerdictSummary(v, u.documents.length > 0, locale, t, deps.tables, now));
    const then = earlierLine(u, verdicts[0], deps.tables, deps.today, locale, t);
    parts.push([caseLine(u, verdicts[0]!, locale, t), ...summaries, then, c.otherWay].filter(Boolean).join('\n\n'));
  }
  parts.push(c.note, c.dateNote);
  const shown = [...(asked.length ? asked : entry ? [entry] : []), ...(second ? [second] : [])];
  parts.push(...shown.filter((e) => !asked.includes(e)).map((e) => entryBody(e, locale)));
  // One list of sources for the whole answer: the verdict's rules first, then the entries'.
  const cited = [...(c.route === 'third' ? [SOURCES.convention] : []), ...(c.dateNote ? [SOURCES.chinaInForce] : []), ...verdicts.flatMap((v) => v.sources), ...shown.flatMap((e) => e.source)];
  if (cited.length) parts.push(sourcesBlock(cited, shown.map((e) => e.updated).sort().at(-1), t));
  return parts.filter((p): p is string => Boolean(p));
}

/** A verdict card button per case, and the other way round when the direction was assumed. */
function caseButtons(u: Understanding, verdicts: Verdict[], other: ActionButton | undefined, locale: Locale, t: Translate): Button[][] {
  const rows = verdicts.map((v) => [
    { text: buttonLabel(t('answer.verdict_button', { country: localized(placeName(v, locale) ?? '', locale) })), action: verdictAction(v, u.documents.length > 0, locale) },
  ]);
  return other ? [...rows, [other]] : rows;
}

/** A paper from one foreign state for another: China's offices have no part; the issuing state's apostille serves, if both apply the Convention. */
function thirdCountryNote(u: Understanding, tables: Tables, locale: Locale, t: Translate): string | undefined {
  const { issuing, use, third } = u.travel;
  if (!third || issuing?.kind !== 'country' || use?.kind !== 'country') return undefined;
  const lang = langOf(locale);
  const name = (code: string) => tables.country(code)?.name[lang] ?? tables.places.nameOf(code)?.[lang] ?? code;
  return `🌐 ${escapeHtml(localized(t('answer.third_country', { issuing: name(issuing.code), use: name(use.code) }), locale))}`;
}

/** A date named without a country: whether the Convention applied to mainland China then. */
function pastDateNote(u: Understanding, locale: Locale, t: Translate): string | undefined {
  if (!u.when || !(u.inDomain || u.documents.length)) return undefined;
  if (u.when.iso < CHINA_IN_FORCE) return escapeHtml(localized(t('check.reason.china_not_yet', { date: u.when.iso }), locale));
  // "apostilled on 07/11/2023, was that possible?": a day or month named, the Convention already applied.
  return u.when.precision === 'year' ? undefined : escapeHtml(localized(t('answer.china_in_force_on', { date: u.when.iso }), locale));
}

/** "sent in March 2024 … again next month": the verdict is for the later time; what applied at the earlier one, when it differs. */
function earlierLine(u: Understanding, verdict: Verdict | undefined, tables: Tables, today: string, locale: Locale, t: Translate): string | undefined {
  const earlier = u.when?.earlier;
  if (!earlier || !verdict?.country) return undefined;
  const then = checkDocument({ document: verdict.document?.id ?? REPRESENTATIVE_DOCUMENT, country: verdict.country.code, direction: verdict.direction, date: earlier.iso }, tables, today);
  if (then.outcome === verdict.outcome) return undefined;
  const names = { country: verdict.country.name[langOf(locale)], document: verdict.document?.name[langOf(locale)] ?? '' };
  const reason = then.reasons.find((r) => r.code === 'china_not_yet' || r.code === 'not_yet_in_force');
  const why = reason ? ` ${t(`check.reason.${reason.code}`, { ...names, ...reason.params })}` : '';
  if (then.outcome !== 'legalization') return undefined;
  return `🕰 ${escapeHtml(localized(`${t('answer.case.then_legalisation', { date: earlier.iso.slice(0, earlier.precision === 'day' ? 10 : 7) })}${why}`, locale))}`;
}

/**
 * A document and a country named without saying which way it goes: the verdict assumes a
 * Chinese document going out, says so, and offers the other way with one button.
 */
function otherWayButton(u: Understanding, verdicts: Verdict[], locale: Locale, t: Translate): { line: string; button: ActionButton } | undefined {
  const verdict = verdicts[0];
  if (u.direction || !u.documents.length || verdicts.length !== 1 || !verdict?.country || verdict.outcome === 'unknown') return undefined;
  const place = localized(placeName(verdict, locale) ?? '', locale);
  const action: CallbackData = { kind: 'vrd', document: verdict.document?.id ?? null, country: verdict.country.code, direction: 'to_china', locale };
  return {
    line: `↩️ ${escapeHtml(localized(t('answer.assumed_out', { place }), locale))}`,
    button: { text: buttonLabel(localized(t('answer.other_way_button', { place }), locale)), action },
  };
}

/** The place a verdict is about, as the reader knows it: the country, or the Taiwan region. */
function placeName(verdict: Verdict, locale: Locale): string | undefined {
  const lang = langOf(locale);
  return verdict.country?.name[lang] ?? (verdict.place.kind === 'taiwan' ? TAIWAN_REGION[lang] : undefined);
}

/** "Board resolution · from France · into mainland China · 2027-01": the case as read, in one line. */
export function caseLine(u: Understanding, verdict: Verdict, locale: Locale, t: Translate): string {
  const lang = langOf(locale);
  const place = placeName(verdict, locale);
  const parts = [
    u.documents[0] ? u.documents[0].name[lang] : undefined,
    place ? t(verdict.direction === 'to_china' ? 'answer.case.from' : 'answer.case.to', { place }) : undefined,
    t(verdict.direction === 'to_china' ? 'answer.case.into_china' : 'answer.case.out_of_china'),
    u.when ? t('answer.case.when', { date: u.when.precision === 'day' ? u.when.iso : u.when.precision === 'month' ? u.when.iso.slice(0, 7) : u.when.iso.slice(0, 4) }) : undefined,
  ].filter((p): p is string => p !== undefined);
  return `🧭 ${escapeHtml(localized(t('answer.case.line', { case: parts.join(' · ') }), locale))}`;
}

/** Understand a message (read against the previous question, if any) and answer it; `locale` is the language answered in. */
export function answerQuestion(
  deps: AnswerDeps,
  question: string,
  locale: Locale,
  t: Translate,
  previous?: FollowUpContext,
): Answer & { understanding: Understanding } {
  const understanding = new Understander({ index: deps.index, tables: deps.tables, today: deps.today }).understand(question, previous);
  return { ...answerUnderstood(understanding, deps, locale, t), understanding };
}
