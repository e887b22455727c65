/** Name keys and typo distance shared by the place and document indexes. */
import { toSimplified } from '../i18n/chinese.ts';

/**
 * Lower case, Simplified, no accents, spaces or punctuation: "U.S.A." = "usa",
 * "德國" = "德国", "Réunion" = "reunion".
 */
export function nameKey(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  return toSimplified(folded).replace(/[\s\p{P}\p{S}]+/gu, '');
}

export const HAN = /\p{Script=Han}/u;

/** Optimal string alignment distance (Levenshtein plus swapping two neighbours), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[cols - 1]!;
}
