/**
 * Places named in a message, through the one place resolver (src/places) that
 * /check uses too: countries by ISO code (Hong Kong and Macao included), mainland
 * China (its provinces and cities), Taiwan. A name shared by two places is not guessed.
 */
import type { Tables } from '../catalogue/tables.ts';
import { findPlaces, type PlaceIndex, type PlaceTarget } from '../places/index.ts';
import { nameKey } from '../places/names.ts';

export type PlaceMention = PlaceTarget & { matched: string; start: number; end: number };

export function placesIn(text: string, index: PlaceIndex): PlaceMention[] {
  const places: PlaceMention[] = [];
  for (const mention of findPlaces(text, index)) {
    if (mention.kind === 'ask') continue;
    const { matched, start, end } = mention;
    const place: PlaceMention =
      mention.kind === 'country'
        ? { kind: 'country', code: mention.code, matched, start, end, ...(mention.region ? { region: mention.region } : {}) }
        : mention.kind === 'mainland-china'
          ? { kind: 'mainland-china', matched, start, end, ...(mention.region ? { region: mention.region, regionName: mention.regionName } : {}), ...(mention.province ? { province: mention.province } : {}) }
          : { kind: 'taiwan', matched, start, end };
    places.push(place);
  }
  return places;
}

/** ISO codes of the countries (and SARs) among places, each once, in order of mention. */
export function countryCodes(places: PlaceMention[]): string[] {
  return [...new Set(places.flatMap((p) => (p.kind === 'country' ? [p.code] : [])))];
}

/** Whether `text` is one of the table's own names for the country (not a demonym or a language: "French"). */
export function isTableName(tables: Tables, code: string, text: string): boolean {
  const row = tables.country(code);
  const key = nameKey(text);
  return row !== undefined && [row.code, row.name.en, row.name.zh, row.officialName, ...row.aliases].some((name) => nameKey(name) === key);
}
