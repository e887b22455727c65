/**
 * Inline mode: "@bot 原产地证书" in any chat lists answer cards from the same
 * search as a question; "@bot check 原产地证书 德国" gives the verdict card.
 * An empty or off-topic query lists the popular topics: never an error.
 * Enable it with @BotFather (/setinline).
 */
import { Composer } from 'grammy';
import type { InlineKeyboardMarkup, InlineQueryResultArticle } from 'grammy/types';
import { verdictReply } from '../../reply/verdict-card.ts';
import { parseCheckText } from '../../understand/check-line.ts';
import { checkDocument } from '../../check/rules.ts';
import type { Translate } from '../../i18n/index.ts';
import { detectLocale, langOf, localized, type Locale } from '../../i18n/locale.ts';
import type { FaqEntry } from '../../knowledge/schema.ts';
import { entryTitle, POPULAR_TOPICS, type Reply } from '../../reply/answer.ts';
import { answerInOneMessage } from '../../reply/fit.ts';
import { htmlToPlain, splitHtml } from '../../format/html.ts';
import type { BotContext } from '../context.ts';
import { keyboardOf } from '../send.ts';

/** Telegram caches the results of one query this long (seconds): short, so a data edit shows soon. */
export const INLINE_CACHE_SECONDS = 30;
/** Answer cards per query. */
export const INLINE_RESULT_LIMIT = 10;
/** A candidate covering less of the query than this is no answer card (the popular topics are shown instead). */
const CARD_MIN_SCORE = 0.2;
const CARD_RELATIVE_SCORE = 0.5;
const DESCRIPTION_LIMIT = 120;
/** "check …" or "/check …": the one-line document check. */
const CHECK_PREFIX = /^\/?check\s+/i;

export const inlineFeature = new Composer<BotContext>();

/** The first line of the answer, as the card's grey second line. */
function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  const chars = [...line.trim()];
  return chars.length > DESCRIPTION_LIMIT ? `${chars.slice(0, DESCRIPTION_LIMIT - 1).join('')}…` : chars.join('');
}

/** Only the Share button survives in an inline message: callback buttons there would have no chat to answer in. */
function shareOnly(reply: Reply): InlineKeyboardMarkup | undefined {
  const rows = reply.buttons.map((row) => row.filter((b) => 'shareQuery' in b)).filter((row) => row.length);
  return keyboardOf(rows);
}

function answerCard(entry: FaqEntry, locale: Locale, t: Translate): InlineQueryResultArticle {
  const reply = answerInOneMessage(entry, locale, t);
  return {
    type: 'article',
    id: `a:${entry.id}`,
    title: entryTitle(entry, locale),
    description: firstLine(localized(entry.answer[langOf(locale)], locale)),
    input_message_content: { message_text: reply.html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    reply_markup: shareOnly(reply),
  };
}

function verdictCard(ctx: BotContext, text: string, locale: Locale, t: Translate): InlineQueryResultArticle | undefined {
  const { tables } = ctx.deps.data.current();
  const parsed = parseCheckText(text, tables);
  if (!parsed) return undefined;
  const verdict = checkDocument(parsed, tables, ctx.deps.today());
  // Nothing recognised and nothing to suggest: the popular topics help more than an empty card.
  const { documents, countries } = verdict.suggestions;
  if (!verdict.document && !verdict.country && !documents.length && !countries.length) return undefined;
  const reply = verdictReply(verdict, locale, t);
  const lang = langOf(locale);
  const names = [verdict.document?.name[lang], verdict.country?.name[lang]].filter((n) => n !== undefined);
  return {
    type: 'article',
    id: `c:${verdict.document?.id ?? '-'}:${verdict.country?.code ?? '-'}:${verdict.direction}`,
    title: htmlToPlain(t(`check.outcome.${verdict.outcome}`)),
    description: localized(names.join(' → '), locale) || htmlToPlain(t('check.usage')),
    // A verdict card is well under the limit (at most six sources); should one grow, its first part still is whole HTML.
    input_message_content: { message_text: splitHtml(reply.html)[0] ?? '', parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    reply_markup: shareOnly(reply),
  };
}

/** Cards for a question: the search's candidates, best first; the popular topics when nothing is close. */
function answerEntries(ctx: BotContext, query: string): FaqEntry[] {
  const { kb, index } = ctx.deps.data.current().knowledge;
  const popular = () => POPULAR_TOPICS.map((id) => kb.byId.get(id)).filter((e) => e !== undefined);
  if (!query) return popular();
  const result = index.search(query, INLINE_RESULT_LIMIT);
  // Cards far below the best one are noise: keep those within half its score.
  const floor = Math.max(CARD_MIN_SCORE, (result.candidates[0]?.score ?? 0) * CARD_RELATIVE_SCORE);
  const close = result.candidates.filter((c) => c.score >= floor).map((c) => c.entry);
  // Off-topic (nothing of our domain, no confident match): the popular topics, as for an empty query.
  return (result.matched || result.inDomain) && close.length ? close : popular();
}

inlineFeature.on('inline_query', async (ctx) => {
  const query = ctx.inlineQuery.query.trim();
  // The query's own language; an empty query, the user's.
  const queryLocale = detectLocale(query);
  const locale = queryLocale ?? ctx.locale;
  const t = ctx.deps.i18n.translator(locale);
  const check = CHECK_PREFIX.exec(query);
  const verdict = check ? verdictCard(ctx, query.slice(check[0].length), locale, t) : undefined;
  // A check that names nothing we can read falls back to the popular topics, like any other query.
  const results = verdict ? [verdict] : answerEntries(ctx, check ? '' : query).slice(0, INLINE_RESULT_LIMIT).map((entry) => answerCard(entry, locale, t));
  ctx.outcome = verdict ? `inline:check:${verdict.id}` : `inline:${results.length}`;
  await ctx.answerInlineQuery(results, {
    cache_time: INLINE_CACHE_SECONDS,
    // Without words of its own, the query is answered in the user's language: not cacheable for others.
    is_personal: queryLocale === undefined,
    button: { text: t('inline.open_bot'), start_parameter: 'inline' },
  });
});
