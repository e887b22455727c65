import { LANGS, type Lang } from './languages.ts';
import { hasHan, isTraditional, toTraditional } from './chinese.ts';

export type { Lang };

/** Traditional Chinese is shown from the zh text through OpenCC, so it is a locale but not a language. */
export type Locale = Lang | 'zh-Hant';
export const LOCALES: readonly Locale[] = [...LANGS, 'zh-Hant'];

export function langOf(locale: Locale): Lang {
  return locale === 'en' ? 'en' : 'zh';
}

/** Entry text in the reader's script: Simplified as written, converted for zh-Hant. */
export function localized(text: string, locale: Locale): string {
  return locale === 'zh-Hant' ? toTraditional(text) : text;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale a question is written in, or undefined when the text says nothing
 * (digits, emoji, punctuation): then the caller falls back to the user's choice.
 * Any Han character makes it Chinese: users mixing in English terms ("apostille 怎么办")
 * are Chinese speakers.
 */
export function detectLocale(text: string): Locale | undefined {
  if (hasHan(text)) return isTraditional(text) ? 'zh-Hant' : 'zh';
  if (/\p{Script=Latin}{2,}/u.test(text)) return 'en';
  return undefined;
}

/** Telegram's language_code → our locale (zh-hant, zh-TW, zh-HK, zh-MO → Traditional). */
export function localeFromLanguageCode(code: string | undefined): Locale | undefined {
  if (!code) return undefined;
  const normalized = code.toLowerCase().replace('_', '-');
  if (!normalized.startsWith('zh')) return normalized.startsWith('en') ? 'en' : undefined;
  return /^zh-(hant|tw|hk|mo)/.test(normalized) ? 'zh-Hant' : 'zh';
}

/** Cantonese wording written in Simplified characters ("使唔使", "幾耐" typed as "几耐"): a Hong Kong or Macao reader. */
const CANTONESE = /唔|嘅|咗|喺|冇|乜|啲|嚟|哋|咁|佢|㗎|啱|睇|边度|几耐|几钱|点样|得唔得/u;

/**
 * The locale to reply in: the text's own language; Chinese in Traditional for a reader who
 * writes Traditional or Cantonese or whose Telegram is set to zh-HK/zh-TW; else the user's choice.
 */
export function replyLocale(text: string, userLocale: Locale): Locale {
  const detected = detectLocale(text);
  if (detected === 'zh' && (userLocale === 'zh-Hant' || CANTONESE.test(text))) return 'zh-Hant';
  return detected ?? userLocale;
}
