/**
 * The phone-photo set (test/fixtures/photos, made by scripts/make-photos.ts): what each
 * photo should lead to, and the judgement of what the reader made of it. Shared by the
 * test (held-out half), the evaluation script (both halves) and the OCR benchmark.
 *
 * A photo is read right when the verdict is given for the expected document, country
 * and direction; asked when the bot asks instead (fine for any photo, and required for
 * the ones made to be asked); confidently wrong when a verdict, or a question that
 * states a direction, gets the case wrong.
 */
import { readFileSync } from 'node:fs';
import type { DocumentAnswer } from '../src/read/document-verdict.ts';

export const PHOTO_DIR = 'test/fixtures/photos';

type Direction = 'from_china' | 'to_china';

export type PhotoRow = {
  file: string;
  half: 'tune' | 'heldout';
  layout: string;
  lang: string;
  group: string;
  caption?: string;
} & ({ outcome: 'read'; document: string; country: string; direction: Direction } | { outcome: 'ask'; ask: 'document' | 'country' | 'direction'; document?: string; direction?: Direction });

export function loadPhotoSet(): PhotoRow[] {
  return readFileSync(`${PHOTO_DIR}/expected.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as PhotoRow);
}

export type Judgement = 'right' | 'asked' | 'wrong';

/** What the answer says, in a few words, for reports. */
export function describeAnswer(answer: DocumentAnswer): string {
  if (answer.kind === 'verdict') return `verdict ${answer.verdict.document?.id ?? '?'} ${answer.verdict.country?.code ?? '?'} ${answer.verdict.direction} ${answer.verdict.outcome}`;
  if (answer.kind === 'ask_direction') return `asks direction (${answer.document ?? '?'}, ${answer.country ?? '?'})`;
  if (answer.kind === 'ask_document') return `asks document (${answer.country ?? '?'}, ${answer.direction})`;
  return `asks country (${answer.document}, ${answer.direction})`;
}

export function judge(row: PhotoRow, answer: DocumentAnswer): Judgement {
  if (answer.kind === 'verdict') {
    const v = answer.verdict;
    if (row.outcome !== 'read') return 'wrong';
    return v.document?.id === row.document && v.country?.code === row.country && v.direction === row.direction ? 'right' : 'wrong';
  }
  // A question that frames the paper the wrong way round ("which country issued it?" for a paper leaving China) misleads too.
  const expectedDirection = row.direction;
  if (answer.kind !== 'ask_direction' && expectedDirection && answer.direction !== expectedDirection) return 'wrong';
  if (row.outcome === 'ask') return 'right';
  return 'asked';
}
