/** A verdict or a country as the card the bot sends (HTML), worded for one locale. */
import type { Translate } from '../i18n/index.ts';
import { langOf, type Locale } from '../knowledge/language.ts';
import { localized } from '../reply/answer.ts';
import { escapeHtml, renderSource } from '../reply/html.ts';
import { pickSources } from '../reply/sources.ts';
import type { Country } from './schema.ts';
import type { Point, Verdict } from './rules.ts';

export function renderVerdict(verdict: Verdict, locale: Locale, t: Translate): string {
  const lang = langOf(locale);
  const names = {
    country: verdict.country?.name[lang] ?? '',
    document: verdict.document?.name[lang] ?? '',
  };
  const say = (prefix: string, point: Point) => t(`check.${prefix}.${point.code}`, { ...names, ...point.params });
  const lines: string[] = [`<b>${t(`check.outcome.${verdict.outcome}`)}</b>`];
  if (verdict.document) lines.push(`${t('check.label.document')}: ${escapeHtml(localized(names.document, locale))}`);
  if (verdict.country) lines.push(`${t('check.label.direction')}: ${t(`check.direction.${verdict.direction}`, names)}`);
  if (verdict.inForceSince && verdict.outcome !== 'special_route') lines.push(`${t('check.label.in_force_since')}: ${verdict.inForceSince}`);

  lines.push('', `<b>${t('check.label.reasons')}</b>`, ...verdict.reasons.map((r) => `• ${say('reason', r)}`));
  if (verdict.caveats.length) lines.push('', `<b>${t('check.label.note')}</b>`, ...verdict.caveats.map((c) => `• ${escapeHtml(localized(c[lang], locale))}`));
  if (verdict.suggestions.documents.length && !verdict.document) {
    lines.push('', `${t('check.label.suggest_documents')}: ${escapeHtml(localized(verdict.suggestions.documents.map((d) => d.name[lang]).join(' / '), locale))}`);
  }
  if (verdict.suggestions.countries.length && !verdict.country) {
    lines.push('', `${t('check.label.suggest_countries')}: ${escapeHtml(localized(verdict.suggestions.countries.map((c) => c.name[lang]).join(' / '), locale))}`);
  }
  lines.push('', `<b>${t('check.label.steps')}</b>`, ...verdict.steps.map((s, i) => `${i + 1}. ${say('step', s)}`));
  if (verdict.authority) lines.push('', `<b>${t('check.label.authority')}</b>: ${t(`check.authority.${verdict.authority}`, names)}`);
  lines.push('', `<b>${t('check.label.sources')}</b>`, ...pickSources(verdict.sources).map((s) => `• ${renderSource(s)}`));
  lines.push('', `<i>${t('check.label.checked_for', { date: verdict.date })}</i>`);
  return lines.join('\n');
}

export function renderCountry(country: Country, locale: Locale, t: Translate): string {
  const lang = langOf(locale);
  const name = country.name[lang];
  const lines = [`<b>${escapeHtml(localized(name, locale))}</b> (${country.code})`, t(`check.country_card.status_${country.status}`, { country: name })];
  if (country.status === 'party' || country.status === 'special_region') {
    lines.push(
      country.entryIntoForce
        ? t('check.country_card.entry_into_force', { country: name, date: country.entryIntoForce })
        : t('check.country_card.entry_into_force_missing'),
    );
  }
  lines.push(t(`check.country_card.relation_${country.chinaRelation}`, { date: country.inForceWithChinaFrom ?? '' }));
  if (country.caveat) lines.push('', `${t('check.label.note')}: ${escapeHtml(localized(country.caveat[lang], locale))}`);
  lines.push('', `<b>${t('check.label.sources')}</b>`, ...country.source.slice(0, 4).map((s) => `• ${renderSource(s)}`), '', t('check.country_card.check_hint'));
  return lines.join('\n');
}
