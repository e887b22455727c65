/** A verdict as a reply (card and buttons), the same from /check, a deep link or inline mode. */
import type { Translate } from '../i18n/index.ts';
import { langOf, type Locale } from '../knowledge/language.ts';
import { localized, shareRow, type Reply } from '../reply/answer.ts';
import { renderVerdict } from './render.ts';
import type { Verdict } from './rules.ts';

/** The one-line check that gives this verdict again ("check 原产地证书 德国"), for the Share button. */
export function verdictShareQuery(verdict: Verdict, locale: Locale): string | undefined {
  const lang = langOf(locale);
  // The place as named: a region or territory by its own name, else the country; Taiwan as typed.
  const place = verdict.place.region?.[lang] ?? verdict.country?.name[lang] ?? (verdict.place.kind === 'taiwan' ? verdict.place.typed : undefined);
  if (!verdict.document || !place) return undefined;
  const document = localized(verdict.document.name[lang], locale);
  const country = localized(place, locale);
  if (verdict.direction === 'from_china') return `check ${document} ${country}`;
  return lang === 'zh' ? `check ${document} ${country} ${localized('来华', locale)}` : `check ${document} from ${country} to China`;
}

/**
 * The card with Share and, given its callback data, "check another" (a callback
 * button: none in inline messages, which have no chat to answer in).
 */
export function verdictReply(verdict: Verdict, locale: Locale, t: Translate, options: { againData?: string } = {}): Reply {
  const query = verdictShareQuery(verdict, locale);
  const buttons: Reply['buttons'] = [];
  if (options.againData) buttons.push([{ text: t('check.wizard.again'), data: options.againData }]);
  if (query) buttons.push(shareRow(query, t));
  return { html: renderVerdict(verdict, locale, t), buttons };
}
