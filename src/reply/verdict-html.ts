/** A verdict or a country as the card the bot sends (HTML), worded for one locale. */
import type { Translate } from '../i18n/index.ts';
import { langOf, localized, type Locale } from '../i18n/locale.ts';
import { TAIWAN_REGION, type Bilingual, type PlaceFound } from '../places/index.ts';
import { escapeHtml } from '../format/html.ts';
import { renderSourceLines } from '../format/sources.ts';
import type { Country } from '../catalogue/schema.ts';
import type { Point, Verdict } from '../check/rules.ts';

/** How many sources a card shows; all of them stay in the data and in --json. */
export const CARD_SOURCES = 3;


export function renderVerdict(verdict: Verdict, locale: Locale, t: Translate): string {
  const lang = langOf(locale);
  const placeName = verdict.place.kind === 'taiwan' ? TAIWAN_REGION[lang] : (verdict.country?.name[lang] ?? '');
  const names = {
    country: localized(placeName, locale),
    region: localized(verdict.place.region?.[lang] ?? '', locale),
    document: localized(verdict.document?.name[lang] ?? '', locale),
  };
  const say = (prefix: string, point: Point) => t(`check.${prefix}.${point.code}`, { ...names, ...point.params });
  const lines: string[] = [`<b>${t(`check.outcome.${verdict.outcome}`)}</b>`];
  if (verdict.document) lines.push(`${t('check.label.document')}: ${escapeHtml(names.document)}`);
  if (placeName) {
    const where = verdict.place.region ? t('check.label.place_in', { region: names.region, country: names.country }) : names.country;
    // Taiwan, Hong Kong and Macao are not "abroad": the direction is worded mainland ↔ region.
    const region = verdict.place.kind === 'taiwan' ? '_tw' : verdict.country?.code === 'HK' || verdict.country?.code === 'MO' ? '_sar' : '';
    lines.push(`${t('check.label.direction')}: ${t(`check.direction.${verdict.direction}${region}`, { country: where })}`);
  }
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
  lines.push('', `<b>${t('check.label.sources')}</b>`, ...renderSourceLines(verdict.sources, t('check.label.secondary_source'), CARD_SOURCES));
  lines.push('', `<i>${t('check.label.checked_for', { date: verdict.date })}</i>`);
  return lines.join('\n');
}

/** The /country card of a state in the table; `place` says which region or territory was typed, if any. */
export function renderCountry(country: Country, locale: Locale, t: Translate, place?: PlaceFound): string {
  const lang = langOf(locale);
  const name = localized(country.name[lang], locale);
  const lines = [`<b>${escapeHtml(name)}</b> (${country.code})`];
  if (place?.kind === 'country' && place.regionName) {
    const region = localized(place.regionName[lang], locale);
    lines.push(t(place.territory ? 'check.country_card.territory_of' : 'check.country_card.region_of', { region, country: name }));
  }
  if (country.status === 'non_party' && country.statusUnconfirmed) lines.push(t('check.country_card.status_non_party_unconfirmed', { country: name }));
  else lines.push(t(`check.country_card.status_${country.status}`, { country: name }));
  if (country.status === 'party' || country.status === 'special_region') {
    lines.push(
      country.entryIntoForce
        ? t('check.country_card.entry_into_force', { country: name, date: country.entryIntoForce })
        : t('check.country_card.entry_into_force_missing'),
    );
  }
  lines.push(t(`check.country_card.relation_${country.chinaRelation}`, { date: country.inForceWithChinaFrom ?? '' }));
  if (country.caveat) lines.push('', `${t('check.label.note')}: ${escapeHtml(localized(country.caveat[lang], locale))}`);
  lines.push('', `<b>${t('check.label.sources')}</b>`, ...renderSourceLines(country.source, t('check.label.secondary_source'), CARD_SOURCES), '', t('check.country_card.check_hint'));
  return lines.join('\n');
}

/** The /country card of a place the table does not list as a state: a non-party, Taiwan region, or mainland China. */
export function renderPlaceCard(place: PlaceFound, name: Bilingual, asOf: string, locale: Locale, t: Translate, hcchStatus: string): string {
  const lang = langOf(locale);
  const shown = localized(name[lang], locale);
  if (place.kind === 'taiwan') return [`<b>${escapeHtml(localized(TAIWAN_REGION[lang], locale))}</b>`, t('check.country_card.taiwan'), '', t('check.country_card.check_hint')].join('\n');
  if (place.kind === 'mainland-china') return t('check.country_card.mainland', { text: localized(place.matched, locale) });
  const lines = [`<b>${escapeHtml(shown)}</b> (${place.code})`];
  if (place.regionName) lines.push(t(place.territory ? 'check.country_card.territory_of' : 'check.country_card.region_of', { region: localized(place.regionName[lang], locale), country: shown }));
  lines.push(t('check.country_card.not_in_table', { country: shown, asOf }), '', `<b>${t('check.label.sources')}</b>`, ...renderSourceLines([hcchStatus], ''), '', t('check.country_card.check_hint'));
  return lines.join('\n');
}
