/**
 * One-line /check: "原产地证书 德国", "certificate of origin Germany",
 * "birth certificate from Germany to China". Finds the country, the document
 * in what is left, and the direction from a few phrases.
 */
import type { Tables } from '../catalogue/tables.ts';
import { CHECK_LINE_FROM_CHINA, CHECK_LINE_INTO_CHINA } from './direction.ts';
import { findPlaces, nameKey } from '../places/index.ts';
import type { Direction } from '../check/rules.ts';

export interface ParsedCheck {
  document: string;
  country: string;
  direction: Direction;
}

const FILLER = /\b(?:from|to|for|use|used|in)\b|送往|寄往|发往|發往|去|到|用|的/gi;

/** A one-line check is a document, a country and a few words: no need to read further. */
export const MAX_CHECK_TEXT = 200;

export function parseCheckText(text: string, tables: Tables): ParsedCheck | undefined {
  let rest = text.slice(0, MAX_CHECK_TEXT).trim();
  let direction: Direction = 'from_china';
  for (const pattern of CHECK_LINE_INTO_CHINA) {
    if (pattern.test(rest)) {
      direction = 'to_china';
      rest = rest.replace(pattern, ' ');
    }
  }
  for (const pattern of CHECK_LINE_FROM_CHINA) rest = rest.replace(pattern, ' ');
  rest = rest.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  if (!rest) return undefined;

  // With spaces: try the last words as the place, then the first words.
  const isPlace = (text: string) => tables.places.lookup(nameKey(text)).length > 0;
  const words = rest.split(' ');
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    if (isPlace(tail)) return { document: words.slice(0, -n).join(' '), country: tail, direction };
    const head = words.slice(0, n).join(' ');
    if (isPlace(head)) return { document: words.slice(n).join(' '), country: head, direction };
  }
  // Without spaces (Chinese): the longest place named inside the text (never a shorter name inside
  // a longer one: 内蒙古 is not 蒙古); the rest is the document.
  const mentions = findPlaces(rest, tables.places).sort((a, b) => b.end - b.start - (a.end - a.start));
  const found = mentions.find((m) => m.kind !== 'mainland-china') ?? mentions[0];
  if (found) {
    const document = `${rest.slice(0, found.start)}${rest.slice(found.end)}`.trim();
    if (document) return { document, country: found.matched, direction };
  }
  // No place recognised: if it is all a document, the place is missing; else the last
  // word is taken as the place, so the verdict can suggest names.
  if (tables.documentNames.get(rest)) return { document: rest, country: '', direction };
  if (words.length >= 2) return { document: words.slice(0, -1).join(' '), country: words.at(-1)!, direction };
  return { document: rest, country: '', direction };
}
