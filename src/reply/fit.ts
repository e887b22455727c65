import type { Translate } from '../i18n/index.ts';
import { langOf, type Locale } from '../i18n/locale.ts';
import type { FaqEntry } from '../knowledge/schema.ts';
import { renderAnswer, type Reply } from './answer.ts';
import { TELEGRAM_MESSAGE_LIMIT } from '../format/html.ts';

/**
 * An answer as exactly one message, for where a reply cannot be split (an inline
 * result, a menu message edited in place): an answer near the limit is shortened
 * with "…" and keeps its title, source and date. No related questions.
 */
export function answerInOneMessage(entry: FaqEntry, locale: Locale, t: Translate): Reply {
  const lang = langOf(locale);
  let reply = renderAnswer(entry, [], locale, t);
  let answer = [...entry.answer[lang]];
  while (reply.html.length > TELEGRAM_MESSAGE_LIMIT && answer.length) {
    answer = answer.slice(0, Math.max(0, answer.length - (reply.html.length - TELEGRAM_MESSAGE_LIMIT) - 1));
    reply = renderAnswer({ ...entry, answer: { ...entry.answer, [lang]: `${answer.join('')}…` } }, [], locale, t);
  }
  return reply;
}
