/**
 * What the bot says to a question, as HTML plus buttons, independent of Telegram:
 * the bot sends it, the console prints it, the ask CLI prints it as plain text.
 */
import { encodeCallback } from '../bot/callback-data.ts';
import type { Translate } from '../i18n/index.ts';
import { toTraditional } from '../knowledge/chinese.ts';
import { langOf, type Locale } from '../knowledge/language.ts';
import type { FaqEntry } from '../knowledge/schema.ts';
import type { FaqIndex, SearchResult } from '../knowledge/search.ts';
import { escapeHtml, renderSource } from './html.ts';

export interface Button {
  text: string;
  /** Callback data: ASCII ids only, at most 64 bytes. */
  data: string;
}

export interface Reply {
  html: string;
  buttons: Button[][];
}

/** Entries offered when nothing closer is known: the questions exporters ask first. */
export const POPULAR_TOPICS = ['what-is-apostille', 'certificate-of-origin', 'where-to-apply', 'non-party-destinations'];
/** A candidate below this coverage is no "close topic": popular topics are offered instead. */
const CLOSE_TOPIC_SCORE = 0.2;

/** How many related questions an answer offers. */
export const RELATED_LIMIT = 3;
/** Button labels longer than this are cut: Telegram shows little more on a phone. */
const BUTTON_TEXT_LIMIT = 60;

/** Entry text in the reader's script. */
export function localized(text: string, locale: Locale): string {
  return locale === 'zh-Hant' ? toTraditional(text) : text;
}

export function entryTitle(entry: FaqEntry, locale: Locale): string {
  return localized(entry.questions[langOf(locale)][0] ?? entry.id, locale);
}

export function faqCallbackData(entryId: string, locale: Locale): string {
  return encodeCallback({ kind: 'faq', id: entryId, locale });
}

function buttonLabel(text: string): string {
  return text.length > BUTTON_TEXT_LIMIT ? `${text.slice(0, BUTTON_TEXT_LIMIT - 1)}…` : text;
}

export function topicButtons(entries: FaqEntry[], locale: Locale): Button[][] {
  return entries.map((entry) => [{ text: buttonLabel(entryTitle(entry, locale)), data: faqCallbackData(entry.id, locale) }]);
}

/** Up to three related entries: the entry's curated list first, then the next search candidates. */
export function relatedEntries(entry: FaqEntry, byId: Map<string, FaqEntry>, candidates: FaqEntry[] = []): FaqEntry[] {
  const related: FaqEntry[] = [];
  for (const candidate of [...entry.related.map((id) => byId.get(id)), ...candidates]) {
    if (!candidate || candidate.id === entry.id || related.some((r) => r.id === candidate.id)) continue;
    related.push(candidate);
    if (related.length === RELATED_LIMIT) break;
  }
  return related;
}

export function renderAnswer(entry: FaqEntry, related: FaqEntry[], locale: Locale, t: Translate): Reply {
  const lang = langOf(locale);
  const sourceLabel = t(entry.source.length > 1 ? 'answer.sources' : 'answer.source');
  const sources = entry.source.length === 1 ? ` ${renderSource(entry.source[0]!)}` : entry.source.map((s) => `\n• ${renderSource(s)}`).join('');
  const html = [
    `<b>${escapeHtml(entryTitle(entry, locale))}</b>`,
    escapeHtml(localized(entry.answer[lang], locale)),
    `📎 ${sourceLabel}${sources}\n🗓 ${t('answer.updated')} ${escapeHtml(entry.updated)}`,
  ].join('\n\n');
  return { html, buttons: topicButtons(related, locale) };
}

export function renderFallback(suggestions: FaqEntry[], locale: Locale, t: Translate): Reply {
  const text = suggestions.length ? t('fallback.text') : t('fallback.no_topics');
  return { html: `${text}\n\n${t('fallback.check_hint')}`, buttons: topicButtons(suggestions, locale) };
}

/** Close topics for a question we could not answer: near candidates, else the popular topics. */
export function fallbackSuggestions(result: SearchResult, byId: Map<string, FaqEntry>): FaqEntry[] {
  const close = result.candidates.filter((c) => c.score >= CLOSE_TOPIC_SCORE).map((c) => c.entry);
  const entries = close.length ? close : POPULAR_TOPICS.map((id) => byId.get(id)).filter((e) => e !== undefined);
  return entries.slice(0, RELATED_LIMIT);
}

export interface Answer {
  locale: Locale;
  result: SearchResult;
  reply: Reply;
  related: FaqEntry[];
}

/** Search and render in one step; `locale` is the language the question is answered in. */
export function answerQuestion(index: FaqIndex, byId: Map<string, FaqEntry>, question: string, locale: Locale, t: Translate): Answer {
  const result = index.search(question);
  if (result.matched && result.entry) {
    const related = relatedEntries(result.entry, byId, result.candidates.map((c) => c.entry));
    return { locale, result, related, reply: renderAnswer(result.entry, related, locale, t) };
  }
  const suggestions = fallbackSuggestions(result, byId);
  return { locale, result, related: suggestions, reply: renderFallback(suggestions, locale, t) };
}
