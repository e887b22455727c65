/**
 * A reading → the /check verdict, or the one question still open. The verdict
 * comes from the same rules as /check (checkDocument); it is only given when the
 * direction, the document type and the country are all sure (read or answered by
 * the user). One question at a time: the direction first (it decides whether the
 * country asked for is the destination or the issuing state), then the type, then the country.
 */
import type { Tables } from '../catalogue/tables.ts';
import { checkDocument, type Direction, type Verdict } from '../check/rules.ts';
import type { Reading } from './paper.ts';

export type DocumentAnswer =
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'ask_direction'; document: string | null; country: string | null }
  | { kind: 'ask_document'; candidates: string[]; country: string | null; direction: Direction }
  | { kind: 'ask_country'; document: string; direction: Direction; candidates: string[] };

/** What is settled so far: from the reading, or from the buttons the user pressed since. */
export interface Settled {
  document: string | null;
  country: string | null;
  direction: Direction;
  /** False while neither the paper nor the user has said which way it goes (a pressed button settles it). */
  directionSure?: boolean;
}

export function settledFrom(reading: Reading): Settled {
  // A country read for one direction means nothing for the other: it is asked again once the direction is known.
  return { document: reading.document, country: reading.directionSure ? reading.country : null, direction: reading.direction, directionSure: reading.directionSure };
}

export function answerFor(settled: Settled, tables: Tables, today: string, candidates: { documents?: string[]; countries?: string[] } = {}): DocumentAnswer {
  if (settled.directionSure === false) return { kind: 'ask_direction', document: settled.document, country: settled.country };
  if (!settled.document) {
    return { kind: 'ask_document', country: settled.country, direction: settled.direction, candidates: (candidates.documents ?? []).filter((id) => tables.documents.some((d) => d.id === id)) };
  }
  if (!settled.country) {
    return { kind: 'ask_country', document: settled.document, direction: settled.direction, candidates: (candidates.countries ?? []).filter((code) => tables.countries.some((c) => c.code === code)) };
  }
  return { kind: 'verdict', verdict: checkDocument({ document: settled.document, country: settled.country, direction: settled.direction }, tables, today) };
}
