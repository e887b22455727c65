/**
 * Places named in a message. Until the shared place resolver (src/places) lands,
 * this reads the place concepts the search already recognises: the country table's
 * names (#place-XX) and the few places the built-in lexicon names itself.
 */
import { PLACE_TOKEN_PREFIX, type QueryTerm } from '../knowledge/search.ts';

export type PlaceMention = { kind: 'country'; code: string } | { kind: 'mainland-china' } | { kind: 'taiwan' };

/** Places the built-in lexicon has its own concept for (they are left out of the #place- tokens). */
const LEXICON_PLACES: Record<string, PlaceMention> = {
  '#india': { kind: 'country', code: 'IN' },
  '#hong-kong': { kind: 'country', code: 'HK' },
  '#macao': { kind: 'country', code: 'MO' },
  '#kosovo': { kind: 'country', code: 'XK' },
  '#thailand': { kind: 'country', code: 'TH' },
  '#uae': { kind: 'country', code: 'AE' },
  '#china': { kind: 'mainland-china' },
  '#mainland': { kind: 'mainland-china' },
};

/** Exact names (1) and repaired Chinese one-character slips (0.85) count; Latin fuzzy guesses (0.8) do not. */
const MIN_PLACE_QUALITY = 0.85;

export function placesFromTerms(terms: QueryTerm[]): PlaceMention[] {
  const places: PlaceMention[] = [];
  const add = (place: PlaceMention) => {
    if (!places.some((p) => JSON.stringify(p) === JSON.stringify(place))) places.push(place);
  };
  for (const { term, quality } of terms) {
    // A fuzzy guess (urumqi → Burundi, lithium → Lithuania) is no place named.
    if (quality < MIN_PLACE_QUALITY) continue;
    if (term.startsWith(PLACE_TOKEN_PREFIX)) {
      const code = term.slice(PLACE_TOKEN_PREFIX.length).toUpperCase();
      add(code === 'TW' ? { kind: 'taiwan' } : code === 'CN' ? { kind: 'mainland-china' } : { kind: 'country', code });
    } else if (LEXICON_PLACES[term]) add(LEXICON_PLACES[term]);
  }
  return places;
}
