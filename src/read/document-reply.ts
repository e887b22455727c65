/** What was read, and the verdict or the question, as HTML for one locale (no Telegram here). */
import type { Tables } from '../catalogue/tables.ts';
import { renderVerdict } from '../reply/verdict-html.ts';
import type { Verdict } from '../check/rules.ts';
import type { Translate } from '../i18n/index.ts';
import { langOf, localized, type Locale } from '../i18n/locale.ts';
import { escapeHtml } from '../format/html.ts';
import type { Reading } from './paper.ts';

/**
 * An issuer's name as read is shown only when it reads as a name: letters, digits and
 * ordinary punctuation, not too long. OCR noise ("长 i5 hereby…") is never shown back;
 * the kind of issuer is said instead.
 */
const CLEAN_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ,.'’&()（）-]{1,58}$/u;

export function documentName(tables: Tables, id: string, locale: Locale): string {
  const document = tables.document(id);
  return document ? localized(document.name[langOf(locale)], locale) : id;
}

export function countryName(tables: Tables, code: string, locale: Locale): string {
  const country = tables.country(code);
  return country ? localized(country.name[langOf(locale)], locale) : code;
}

/** "Certificate of origin (CCPIT) → Germany: apostille", then the /check card. */
export function renderDocumentVerdict(verdict: Verdict, tables: Tables, locale: Locale, t: Translate, apostilleSeen = false): string {
  const lines: string[] = [];
  if (verdict.document && verdict.country) {
    const names = { document: documentName(tables, verdict.document.id, locale), country: countryName(tables, verdict.country.code, locale), outcome: t(`read.outcome.${verdict.outcome}`) };
    lines.push(`📄 <b>${t(verdict.direction === 'to_china' ? 'read.title_to_china' : 'read.title_from_china', names)}</b>`, '');
  }
  if (apostilleSeen && verdict.outcome === 'apostille' && verdict.direction === 'to_china') lines.push(t('read.apostille_done'), '');
  lines.push(renderVerdict(verdict, locale, t));
  return lines.join('\n');
}

/** What was read off the document: type, issuer, country, direction, apostille and how sure; never the raw text. */
export function renderReading(reading: Reading, tables: Tables, locale: Locale, t: Translate): string {
  const lines: string[] = [];
  lines.push(`<b>${t('read.label.what_i_read')}</b>`);
  if (reading.document) lines.push(`${t('read.label.document')}: ${escapeHtml(documentName(tables, reading.document, locale))}`);
  if (reading.issuer) {
    const kind = t(`read.issuer.${reading.issuer.kind}`);
    const name = reading.issuer.name && CLEAN_NAME.test(reading.issuer.name) ? reading.issuer.name : undefined;
    lines.push(`${t('read.label.issuer')}: ${name ? t('read.issuer_named', { kind, name }) : kind}`);
  }
  if (reading.directionSure) lines.push(`${t('read.label.direction')}: ${t(`read.way.${reading.direction}`)}`);
  if (reading.country) {
    lines.push(`${t(reading.direction === 'to_china' ? 'read.label.country_to_china' : 'read.label.country_from_china')}: ${escapeHtml(countryName(tables, reading.country, locale))}`);
  }
  lines.push(`${t('read.label.apostille')}: ${t(reading.apostilleSeen ? 'read.apostille_seen' : 'read.apostille_not_seen')}`);
  lines.push(`${t('read.label.confidence')}: ${Math.round(reading.confidence * 100)}%`);
  return lines.join('\n');
}
