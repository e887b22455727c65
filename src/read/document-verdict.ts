/**
 * A reading → the /check verdict, or the one question still open. The verdict
 * comes from the same rules as /check (checkDocument); it is only given when
 * both the document type and the country are sure (read or answered by the user).
 */
import type { Tables } from '../catalogue/tables.ts';
import { checkDocument, type Direction, type Verdict } from '../check/rules.ts';
import type { Reading } from './paper.ts';

export type DocumentAnswer =
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'ask_document'; candidates: string[]; country: string | null; direction: Direction }
  | { kind: 'ask_country'; document: string; direction: Direction; candidates: string[] };

/** What is settled so far: from the reading, or from the buttons the user pressed since. */
export interface Settled {
  document: string | null;
  country: string | null;
  direction: Direction;
}

export function settledFrom(reading: Reading): Settled {
  return { document: reading.document, country: reading.country, direction: reading.direction };
}

export function answerFor(settled: Settled, tables: Tables, today: string, candidates: { documents?: string[]; countries?: string[] } = {}): DocumentAnswer {
  if (!settled.document) {
    return { kind: 'ask_document', country: settled.country, direction: settled.direction, candidates: (candidates.documents ?? []).filter((id) => tables.documents.some((d) => d.id === id)) };
  }
  if (!settled.country) {
    return { kind: 'ask_country', document: settled.document, direction: settled.direction, candidates: (candidates.countries ?? []).filter((code) => tables.countries.some((c) => c.code === code)) };
  }
  return { kind: 'verdict', verdict: checkDocument({ document: settled.document, country: settled.country, direction: settled.direction }, tables, today) };
}
