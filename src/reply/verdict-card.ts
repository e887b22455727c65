/** A verdict as a reply (card and buttons), the same from /check, a deep link or inline mode. */
import type { Translate } from '../i18n/index.ts';
import type { Locale } from '../i18n/locale.ts';
import { shareRow, verdictShareQuery, type Reply } from './answer.ts';
import { renderVerdict } from './verdict-html.ts';
import type { Verdict } from '../check/rules.ts';

/**
 * The card with "Tell me when this changes", Share and, given its callback data, "check
 * another" (callback buttons: none in inline messages, which have no chat to answer in).
 */
export function verdictReply(verdict: Verdict, locale: Locale, t: Translate, options: { againData?: string } = {}): Reply {
  const query = verdictShareQuery(verdict, locale);
  const buttons: Reply['buttons'] = [];
  // Every card of a country in the table can be followed (inline messages keep only Share).
  if (verdict.country && verdict.place.kind === 'country') buttons.push([{ text: t('subscriptions.button'), action: { kind: 'sub', country: verdict.country.code } }]);
  if (options.againData) buttons.push([{ text: t('check.wizard.again'), data: options.againData }]);
  if (query) buttons.push(shareRow(query, t));
  return { html: renderVerdict(verdict, locale, t), buttons };
}
