/**
 * What changed for each country between two versions of data/countries.json, in the
 * fields a subscriber is told about: the status, the entry-into-force date and the
 * relation with China (and its date). Pure, and the same on every replica: a change's
 * key is a hash of the values before and after, so replicas claim the same notice.
 */
import { createHash } from 'node:crypto';
import type { Country } from '../catalogue/schema.ts';

export const WATCHED_FIELDS = ['status', 'entryIntoForce', 'chinaRelation', 'inForceWithChinaFrom'] as const;
export type WatchedField = (typeof WATCHED_FIELDS)[number];

export interface CountryChange {
  code: string;
  /** Undefined when the country is new in the table. */
  before?: Country;
  after: Country;
  fields: WatchedField[];
  /** Identifies this change (the same edit gives the same key everywhere). */
  key: string;
}

const watched = (country: Country | undefined) => (country ? WATCHED_FIELDS.map((f) => country[f]) : null);

/** Countries whose watched fields differ, or that are new; a country removed from the table is not a change to tell. */
export function countryChanges(before: readonly Country[], after: readonly Country[]): CountryChange[] {
  const old = new Map(before.map((c) => [c.code, c]));
  const changes: CountryChange[] = [];
  for (const country of after) {
    const previous = old.get(country.code);
    const fields = WATCHED_FIELDS.filter((f) => !previous || previous[f] !== country[f]);
    if (!fields.length) continue;
    const key = createHash('sha256').update(JSON.stringify([country.code, watched(previous), watched(country)])).digest('hex').slice(0, 16);
    changes.push({ code: country.code, before: previous, after: country, fields, key });
  }
  return changes;
}
