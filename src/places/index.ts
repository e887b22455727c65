/**
 * One place resolver for /check, /country, the check CLI and question answering.
 *
 * It knows every ISO 3166-1 country and territory in English and Chinese
 * (i18n-iso-countries), the country table's own names and aliases, regions people
 * type instead of a country (Northern Ireland, Réunion, Puerto Rico…), mainland
 * China's provinces and cities, and Taiwan. Rules that keep it from answering for
 * the wrong country:
 * - an exact name always wins, so a real name never turns into another ("Niger"
 *   stays Niger; "Syria" is known, so it cannot drift to "Austria");
 * - a name inside a longer text counts only where no longer name covers it
 *   (内蒙古 is mainland China, not 蒙古), Latin names only as whole words;
 * - a name shared by two places ("Congo") is a question, not a guess;
 * - typo repair is edit distance on Latin script only; a repair is taken as
 *   meant only when it is one slip in a long name and nothing else is close,
 *   otherwise the user is asked "did you mean…?".
 */
import { createRequire } from 'node:module';
import { toSimplified } from '../i18n/chinese.ts';
import type { PerLang } from '../i18n/languages.ts';
import { CHINA_CITIES, CHINA_PROVINCES, EXTRA_COUNTRY_NAMES, FOREIGN_CITIES, MAINLAND_CHINA_NAMES, NOT_PLACES, REGIONS, SOVEREIGN_OF, TAIWAN_NAMES } from './gazetteer.ts';
import { editDistance, HAN, nameKey } from './names.ts';

export { editDistance, nameKey } from './names.ts';

/** A place's name in every language. */
export type Bilingual = PerLang;

/** Taiwan as mainland official usage names it: a region, never a country. */
export const TAIWAN_REGION: Bilingual = { en: 'Taiwan region', zh: '台湾地区' };

/** Where a name points. A territory or region points at the state whose verdict applies, keeping its own name. */
export type PlaceTarget =
  | { kind: 'country'; code: string; region?: string; regionName?: Bilingual; territory?: boolean; territoryCode?: string }
  | { kind: 'mainland-china'; region?: string; regionName?: Bilingual; province?: Bilingual }
  | { kind: 'taiwan' };

/** A target with the name to show for it (the region's own name when there is one). */
export type PlaceOption = PlaceTarget & { name: Bilingual };

export type PlaceFound = PlaceOption & {
  /** The text that named it, as typed. */
  matched: string;
  how: 'exact' | 'contained' | 'typo';
};

export type PlaceResult = PlaceFound | { kind: 'ask'; suggestions: PlaceOption[] } | { kind: 'unknown' };

export type PlaceMention = (PlaceFound | { kind: 'ask'; suggestions: PlaceOption[]; matched: string }) & {
  /** Offsets into the text (UTF-16, like String.slice). */
  start: number;
  end: number;
};

/** What the index needs of a country-table row. */
export interface CountryNames {
  code: string;
  name: Bilingual;
  officialName?: string;
  aliases?: string[];
}

interface Entry {
  /** Lower is more authoritative: the country table, then our gazetteer, then ISO names, then forms derived from them. */
  tier: number;
  options: Map<string, PlaceOption>;
}

const TIER = { table: 0, gazetteer: 1, iso: 2, derived: 3 } as const;

/** Words that turn one place name into another ("North" Korea, "New" Mexico, "Papua New" Guinea). */
const QUALIFIERS = /(^|[^\p{L}])(n|s|e|w|north|northern|south|southern|east|eastern|west|western|new|upper|lower|central|equatorial|papua|北|南|东|西|新)([^\p{L}]|$)/iu;

/** Common words that are also place names: in running text they count only when capitalised. */
const CAPITALISED_ONLY = new Set(['turkey', 'chad', 'jersey', 'guinea', 'mainland']);

const require = createRequire(import.meta.url);
type IsoLang = { countries: Record<string, string | string[]> };
const ISO_EN = (require('i18n-iso-countries/langs/en.json') as IsoLang).countries;
const ISO_ZH = (require('i18n-iso-countries/langs/zh.json') as IsoLang).countries;
const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Display names where ISO's first English name is not what people say. */
const DISPLAY_EN: Record<string, string> = {
  SY: 'Syria', VA: 'Vatican City', FM: 'Micronesia', KP: 'North Korea', CD: 'Democratic Republic of the Congo', TW: 'Taiwan region',
  VI: 'US Virgin Islands', VG: 'British Virgin Islands', RE: 'Réunion', MF: 'Saint Martin (French part)', SX: 'Sint Maarten', FK: 'Falkland Islands',
};
const displayEn = (code: string): string => DISPLAY_EN[code] ?? first(ISO_EN[code]) ?? code;

/** All ISO 3166-1 alpha-2 codes the resolver knows (with XK for Kosovo, as the HCCH table uses it). */
export const ISO_CODES: readonly string[] = Object.keys(ISO_EN);

const targetId = (target: PlaceTarget): string =>
  target.kind === 'country' ? `${target.code}/${target.region ?? ''}` : target.kind === 'mainland-china' ? `CN/${target.region ?? ''}` : 'TW';

/** "Virgin Islands, British" → "British Virgin Islands" and "Virgin Islands"; "Holy See (Vatican City State)" → "Holy See". */
function derivedForms(name: string): string[] {
  const forms: string[] = [];
  const withoutBrackets = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (withoutBrackets !== name) forms.push(withoutBrackets);
  const comma = withoutBrackets.match(/^([^,]+),\s*(.+)$/);
  if (comma) forms.push(comma[1]!, `${comma[2]} ${comma[1]}`);
  return forms;
}

/** "孟加拉国" → "孟加拉": people drop the final 国 of longer names; two-character names (美国, 泰国) keep it. */
function derivedFormsZh(name: string): string[] {
  return [...name].length >= 4 && name.endsWith('国') ? [name.slice(0, -1)] : [];
}

export class PlaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly latinKeys: string[] = [];
  private readonly hanKeys: string[] = [];
  /** Han name keys by their first UTF-16 unit, longest first: a message is scanned once, not once per name. */
  private readonly hanKeysByFirst = new Map<string, string[]>();
  private readonly countryNames = new Map<string, Bilingual>();

  constructor(countries: readonly CountryNames[]) {
    const inTable = new Set(countries.map((c) => c.code));
    for (const country of countries) this.countryNames.set(country.code, country.name);
    for (const code of ISO_CODES) {
      if (!this.countryNames.has(code)) this.countryNames.set(code, { en: displayEn(code), zh: first(ISO_ZH[code]) ?? code });
    }
    const mainland: PlaceTarget = { kind: 'mainland-china' };
    const taiwan: PlaceTarget = { kind: 'taiwan' };

    // The country table first: its names and aliases are what staff chose.
    for (const country of countries) {
      const target: PlaceTarget = { kind: 'country', code: country.code };
      for (const name of [country.code, country.name.en, country.name.zh, country.officialName ?? '', ...(country.aliases ?? [])]) this.add(name, target, TIER.table);
    }
    for (const name of MAINLAND_CHINA_NAMES) this.add(name, mainland, TIER.gazetteer);
    for (const name of TAIWAN_NAMES) this.add(name, taiwan, TIER.gazetteer);
    const bilingual = (region: { zh: string; en?: string }): Bilingual => ({ en: region.en ?? region.zh, zh: region.zh });
    for (const region of [...CHINA_PROVINCES, ...CHINA_CITIES]) {
      // A province serves itself; a city is served by its province's foreign affairs office.
      const province = CHINA_PROVINCES.find((p) => p.zh === (region.province ?? region.zh));
      const target: PlaceTarget = { kind: 'mainland-china', region: region.en ?? region.zh, regionName: bilingual(region), ...(province ? { province: bilingual(province) } : {}) };
      const cityForms = CHINA_CITIES.includes(region) ? [`${region.zh}市`] : [];
      for (const name of [region.zh, region.en ?? '', ...cityForms, ...(region.aliases ?? [])]) this.add(name, target, TIER.gazetteer);
    }
    for (const [code, regions] of [...Object.entries(REGIONS), ...Object.entries(FOREIGN_CITIES)]) {
      for (const region of regions) {
        const target: PlaceTarget = { kind: 'country', code, region: region.en, regionName: { en: region.en, zh: region.zh } };
        for (const name of [region.en, region.zh, ...(region.aliases ?? [])]) this.add(name, target, TIER.gazetteer);
      }
    }
    const isoTarget = (code: string): PlaceTarget => {
      if (code === 'CN') return mainland;
      if (code === 'TW') return taiwan;
      const sovereign = SOVEREIGN_OF[code];
      if (sovereign && !inTable.has(code)) {
        const regionName = { en: displayEn(code), zh: first(ISO_ZH[code]) ?? code };
        return { kind: 'country', code: sovereign, region: regionName.en, regionName, territory: true, territoryCode: code };
      }
      return { kind: 'country', code };
    };
    for (const [code, names] of Object.entries(EXTRA_COUNTRY_NAMES)) for (const name of names) this.add(name, isoTarget(code), TIER.gazetteer);
    for (const code of ISO_CODES) {
      const target = isoTarget(code);
      for (const name of [code, ...all(ISO_EN[code]), ...all(ISO_ZH[code])]) this.add(name, target, TIER.iso);
      for (const name of all(ISO_EN[code])) for (const form of derivedForms(name)) this.add(form, target, TIER.derived);
      for (const name of [...all(ISO_ZH[code]), this.countryNames.get(code)?.zh ?? '']) for (const form of derivedFormsZh(name)) this.add(form, target, TIER.derived);
    }
    for (const key of this.entries.keys()) (HAN.test(key) ? this.hanKeys : this.latinKeys).push(key);
    // Longest first, so the first Han hit at a position is the longest there.
    this.hanKeys.sort((a, b) => b.length - a.length);
    for (const key of this.hanKeys) {
      const keys = this.hanKeysByFirst.get(key[0]!);
      if (keys) keys.push(key);
      else this.hanKeysByFirst.set(key[0]!, [key]);
    }
  }

  /** How many distinct place names (after folding case, script and punctuation) the index knows. */
  get size(): number {
    return this.entries.size;
  }

  /** The name of a country or territory by code: the table's name, else ISO 3166's. */
  nameOf(code: string): Bilingual | undefined {
    return this.countryNames.get(code);
  }

  private add(name: string, target: PlaceTarget, tier: number): void {
    const key = nameKey(name);
    if (!key) return;
    const entry = this.entries.get(key);
    const option = this.option(target);
    if (!entry || tier < entry.tier) this.entries.set(key, { tier, options: new Map([[targetId(target), option]]) });
    else if (tier === entry.tier) entry.options.set(targetId(target), option);
  }

  private option(target: PlaceTarget): PlaceOption {
    if (target.kind === 'taiwan') return { ...target, name: TAIWAN_REGION };
    if (target.kind === 'mainland-china') return { ...target, name: target.regionName ?? { en: 'mainland China', zh: '中国内地' } };
    return { ...target, name: target.regionName ?? this.countryNames.get(target.code) ?? { en: target.code, zh: target.code } };
  }

  /** The options a name key points at (one, or several when the name is shared). */
  lookup(key: string): PlaceOption[] {
    return [...(this.entries.get(key)?.options.values() ?? [])];
  }

  /** Names a typo could have meant: Latin names a few edits away; Chinese names of three or more characters one character off. */
  typoCandidates(key: string): { option: PlaceOption; distance: number }[] {
    const found: { option: PlaceOption; distance: number }[] = [];
    if (HAN.test(key)) {
      if ([...key].length < 3) return found;
      for (const candidate of this.hanKeys) {
        if (candidate.length !== key.length) continue;
        let differences = 0;
        for (let i = 0; i < key.length && differences < 2; i++) if (key[i] !== candidate[i]) differences++;
        if (differences === 1) for (const option of this.lookup(candidate)) found.push({ option, distance: 1 });
      }
      return found;
    }
    if (key.length < 4) return found;
    const max = key.length <= 5 ? 1 : key.length <= 9 ? 2 : 3;
    for (const candidate of this.latinKeys) {
      if (candidate.length < 4) continue;
      const distance = editDistance(key, candidate, max);
      if (distance <= max) for (const option of this.lookup(candidate)) found.push({ option, distance });
    }
    return found.sort((a, b) => a.distance - b.distance);
  }

  /** Han name keys, longest first. */
  hanNames(): readonly string[] {
    return this.hanKeys;
  }

  /** The Han name keys that start with this UTF-16 unit, longest first. */
  hanNamesStartingWith(unit: string): readonly string[] {
    return this.hanKeysByFirst.get(unit) ?? [];
  }
}

export function buildPlaceIndex(countries: readonly CountryNames[]): PlaceIndex {
  return new PlaceIndex(countries);
}

function distinct(options: PlaceOption[]): PlaceOption[] {
  const seen = new Map<string, PlaceOption>();
  for (const option of options) if (!seen.has(targetId(option))) seen.set(targetId(option), option);
  return [...seen.values()];
}

/** The place a user typed as a place (the /check country step, /country, --country). */
export function resolvePlace(name: string, index: PlaceIndex): PlaceResult {
  const typed = name.trim();
  // "the UK": the article is not part of the name (but "The Gambia" is a name as it stands).
  const matched = index.lookup(nameKey(typed)).length ? typed : typed.replace(/^the\s+(?=\S)/i, '');
  const key = nameKey(matched);
  if (!key) return { kind: 'unknown' };
  const exact = index.lookup(key);
  if (exact.length === 1) return { ...exact[0]!, matched, how: 'exact' };
  if (exact.length > 1) return { kind: 'ask', suggestions: exact };

  // A name inside the text ("Hamburg, Germany", "德国汉堡"): taken when it is the only place and a fair part of the text.
  const mentions = findPlaces(matched, index);
  if (mentions.length) {
    let options = distinct(mentions.flatMap((m) => (m.kind === 'ask' ? m.suggestions : [m])));
    // The check is always between China and another place: "China to Germany" names Germany.
    if (options.some((o) => o.kind !== 'mainland-china')) options = options.filter((o) => o.kind !== 'mainland-china');
    // "德国汉堡", "Hamburg, Germany": a city beside its own country is that country.
    const states = new Set(options.map((o) => (o.kind === 'country' ? o.code : o.kind)));
    if (options.length > 1 && states.size === 1) options = [options.find((o) => o.kind === 'country' && !o.region) ?? options[0]!];
    const covered = mentions.reduce((sum, m) => sum + nameKey(m.matched).length, 0);
    const only = mentions.length === 1 ? mentions[0]! : undefined;
    // "Nothern Ireland" contains Ireland, but is a typo of another name: ask between them.
    const typos = index.typoCandidates(key).filter((c) => c.distance <= 2).map((c) => c.option);
    if (typos.some((t) => !options.some((o) => targetId(o) === targetId(t)))) return { kind: 'ask', suggestions: distinct([...typos, ...options]).slice(0, 4) };
    // "N Korea", "Northern Cyprus": a qualifier around a name may make it another place.
    const qualified = QUALIFIERS.test(mentions.reduce((rest, m) => rest.replace(m.matched, ' '), matched));
    if (options.length === 1 && only?.kind !== 'ask' && covered * 3 >= key.length && !qualified) {
      const mention = mentions.find((m) => m.kind !== 'ask' && targetId(m) === targetId(options[0]!))!;
      return { ...options[0]!, matched: mention.matched, how: 'contained' };
    }
    return { kind: 'ask', suggestions: options.slice(0, 4) };
  }

  const candidates = index.typoCandidates(key);
  if (!candidates.length) return { kind: 'unknown' };
  const best = candidates[0]!;
  const near = distinct(candidates.filter((c) => c.distance <= best.distance + 1).map((c) => c.option));
  // One slip in a long Latin name, and no other place within reach: that is the name meant.
  if (!HAN.test(key) && best.distance === 1 && key.length >= 6 && near.length === 1) return { ...best.option, matched, how: 'typo' };
  return { kind: 'ask', suggestions: distinct(candidates.map((c) => c.option)).slice(0, 3) };
}

interface Folded {
  /** The text folded like nameKey, without spaces and punctuation. */
  text: string;
  /** For each folded character, the original [start, end). */
  spans: [number, number][];
}

function fold(text: string): Folded {
  let folded = '';
  const spans: [number, number][] = [];
  let offset = 0;
  for (const char of text) {
    const start = offset;
    offset += char.length;
    const piece = char.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/[\s\p{P}\p{S}]+/gu, '');
    for (const unit of piece) {
      folded += unit;
      for (let i = 0; i < unit.length; i++) spans.push([start, offset]);
    }
  }
  const simplified = toSimplified(folded);
  // OpenCC converts character by character for place names; if a phrase rule changed the length, convert one by one.
  if (simplified.length === folded.length) return { text: simplified, spans };
  return { text: [...folded].map((c) => { const s = toSimplified(c); return s.length === c.length ? s : c; }).join(''), spans };
}

const LATIN_WORD = /[\p{Script=Latin}\p{M}]+(?:['’.&-][\p{Script=Latin}\p{M}]+)*/gu;
const WORD_GAP = /^[\s,&]*$/;
const MAX_WORDS = 6;

interface Candidate {
  start: number;
  end: number;
  options: PlaceOption[];
}

/** Two-letter codes that, in capitals, name a place inside a sentence ("our HK subsidiary", "UK partner"). */
const CAPITAL_CODES = new Set(['hk', 'uk', 'us', 'ny']);

/**
 * Every place named in a free-text message: longest names first, never two
 * overlapping, in text order. Chinese names match anywhere; Latin names as whole
 * words; two-letter codes only when they are the whole text.
 */
export function findPlaces(text: string, index: PlaceIndex): PlaceMention[] {
  const candidates: Candidate[] = [];
  const folded = fold(text);
  if (HAN.test(folded.text)) {
    // Words that hide a place name take their span first and are dropped after the selection.
    for (const word of NOT_PLACES) {
      for (let at = folded.text.indexOf(word); at !== -1; at = folded.text.indexOf(word, at + 1)) {
        candidates.push({ start: folded.spans[at]![0], end: folded.spans[at + word.length - 1]![1], options: [] });
      }
    }
    // Every name at every position (a tie in the ordering below is always the same name).
    for (let at = 0; at < folded.text.length; at++) {
      for (const key of index.hanNamesStartingWith(folded.text[at]!)) {
        if (folded.text.startsWith(key, at)) candidates.push({ start: folded.spans[at]![0], end: folded.spans[at + key.length - 1]![1], options: index.lookup(key) });
      }
    }
  }
  const words = [...text.matchAll(LATIN_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const wholeKey = nameKey(text);
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < Math.min(words.length, i + MAX_WORDS); j++) {
      if (j > i && !WORD_GAP.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
      const start = words[i]!.start;
      const end = words[j]!.end;
      const span = text.slice(start, end);
      // "to go" is not Togo: a name is not made of short everyday words.
      if (j > i && words.slice(i, j + 1).every((w) => w.end - w.start <= 2)) continue;
      const key = nameKey(span);
      const options = index.lookup(key);
      if (!options.length) continue;
      // Two letters are a place only as the whole text, or written in capitals as people write HK, UK, US.
      if (key.length <= 2 && key !== wholeKey && !(CAPITAL_CODES.has(key) && span === span.toUpperCase())) continue;
      if (CAPITALISED_ONLY.has(key) && !/^\p{Lu}/u.test(span) && key !== wholeKey) continue;
      candidates.push({ start, end, options });
    }
  }
  // "HK-registered", "Japan-based": the name before a hyphen.
  for (const { start, end } of words) {
    const prefix = /^([\p{Script=Latin}]+)-/u.exec(text.slice(start, end))?.[1];
    if (!prefix) continue;
    const key = nameKey(prefix);
    const options = index.lookup(key);
    if (options.length && (key.length > 2 || (CAPITAL_CODES.has(key) && prefix === prefix.toUpperCase()))) candidates.push({ start, end: start + prefix.length, options });
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  for (const candidate of candidates) {
    if (taken.some((t) => candidate.start < t.end && t.start < candidate.end)) continue;
    taken.push(candidate);
  }
  return taken
    .filter((t) => t.options.length > 0)
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, options }): PlaceMention => {
      const matched = text.slice(start, end);
      return options.length === 1 ? { ...options[0]!, matched, how: 'exact', start, end } : { kind: 'ask', suggestions: options, matched, start, end };
    });
}
