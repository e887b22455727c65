/**
 * A document file on this machine → the verdict (or the open question) plus
 * what was read: the check CLI's --file. The same reading and rules as the bot.
 */
import { readFile } from 'node:fs/promises';
import type { Tables } from '../catalogue/tables.ts';
import type { Direction, Verdict } from '../check/rules.ts';
import type { Translate } from '../i18n/index.ts';
import type { Locale } from '../i18n/locale.ts';
import { htmlToPlain } from '../format/html.ts';
import { answerFor, settledFrom } from './document-verdict.ts';
import { DocumentReader } from './reader.ts';
import { countryName, documentName, renderDocumentVerdict, renderReading } from './document-reply.ts';
import { understandDocument, type Reading } from './paper.ts';

export interface FileCheckOptions {
  dataDir: string;
  tables: Tables;
  today: string;
  locale: Locale;
  t: Translate;
  /** What the user says, overriding the paper: a document name, a country name, a direction. */
  document?: string;
  country?: string;
  direction?: Direction;
}

export interface FileCheck {
  verdict: Verdict | null;
  /** When no verdict: what is still open, with the likeliest answers. */
  ask?: { what: 'document' | 'country' | 'direction'; candidates: string[] };
  read: Pick<Reading, 'document' | 'country' | 'direction' | 'issuer' | 'apostilleSeen' | 'confidence'> & { lines: string[]; method: string; pages: number };
  text: string;
}

export async function checkFile(path: string, options: FileCheckOptions): Promise<FileCheck> {
  const bytes = await readFile(path);
  const reader = new DocumentReader({ dataDir: options.dataDir });
  try {
    const extracted = await reader.read(bytes, 0);
    const reading = understandDocument(extracted.lines, options.tables);
    const settled = settledFrom(reading);
    if (options.document) settled.document = options.document;
    if (options.country) settled.country = options.country;
    if (options.direction) {
      // The country read for the direction the paper leaned to still holds when the user confirms that direction.
      if (options.direction === reading.direction) settled.country ??= reading.country;
      Object.assign(settled, { direction: options.direction, directionSure: true });
    }
    const answer = answerFor(settled, options.tables, options.today, { documents: reading.documentCandidates, countries: reading.countryCandidates });
    const { locale, t, tables } = options;
    const summary = htmlToPlain(renderReading(reading, tables, locale, t));
    const read: FileCheck['read'] = {
      document: reading.document,
      country: reading.country,
      direction: reading.direction,
      issuer: reading.issuer,
      apostilleSeen: reading.apostilleSeen,
      confidence: reading.confidence,
      lines: reading.linesUsed,
      method: extracted.method,
      pages: extracted.pages,
    };
    if (answer.kind === 'verdict') {
      return { verdict: answer.verdict, read, text: `${htmlToPlain(renderDocumentVerdict(answer.verdict, tables, locale, t, reading.apostilleSeen))}\n\n${summary}` };
    }
    if (answer.kind === 'ask_direction') {
      return { verdict: null, ask: { what: 'direction', candidates: ['from_china', 'to_china'] }, read, text: `${summary}\n\n${htmlToPlain(t('read.ask_direction'))}` };
    }
    if (answer.kind === 'ask_document') {
      const options = answer.candidates.map((id) => documentName(tables, id, locale)).join(' / ');
      return { verdict: null, ask: { what: 'document', candidates: answer.candidates }, read, text: `${summary}\n\n${htmlToPlain(t('read.ask_document'))}${options ? `\n${options}` : ''}` };
    }
    const question = t(answer.direction === 'to_china' ? 'read.ask_country_to_china' : 'read.ask_country_from_china', { document: documentName(tables, answer.document, locale) });
    const options2 = answer.candidates.map((code) => countryName(tables, code, locale)).join(' / ');
    return { verdict: null, ask: { what: 'country', candidates: answer.candidates }, read, text: `${summary}\n\n${htmlToPlain(question)}${options2 ? `\n${options2}` : ''}` };
  } finally {
    await reader.close();
  }
}
