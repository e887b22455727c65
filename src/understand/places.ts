/**
 * Places named in a message, through the one place resolver (src/places) that
 * /check uses too: countries by ISO code (Hong Kong and Macao included), mainland
 * China (its provinces and cities), Taiwan. A name shared by two places is not guessed.
 */
import { findPlaces, type PlaceIndex, type PlaceTarget } from '../places/index.ts';

export type PlaceMention = PlaceTarget & { matched: string };

export function placesIn(text: string, index: PlaceIndex): PlaceMention[] {
  const places: PlaceMention[] = [];
  for (const mention of findPlaces(text, index)) {
    if (mention.kind === 'ask') continue;
    const { matched } = mention;
    const place: PlaceMention =
      mention.kind === 'country'
        ? { kind: 'country', code: mention.code, matched, ...(mention.region ? { region: mention.region } : {}) }
        : mention.kind === 'mainland-china'
          ? { kind: 'mainland-china', matched, ...(mention.region ? { region: mention.region, regionName: mention.regionName } : {}) }
          : { kind: 'taiwan', matched };
    places.push(place);
  }
  return places;
}

/** ISO codes of the countries (and SARs) among places, each once, in order of mention. */
export function countryCodes(places: PlaceMention[]): string[] {
  return [...new Set(places.flatMap((p) => (p.kind === 'country' ? [p.code] : [])))];
}
