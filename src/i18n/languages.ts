/**
 * The languages the bot answers in, defined once. Types and schemas of bilingual data follow
 * from this list, so a third language means: add it here, a locale file, its detection
 * (i18n/locale.ts) and its tokenizer (knowledge/analyze.ts), not a hunt through the code.
 */
import { z } from 'zod';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** Replies fall back to this language when neither the text nor the user says otherwise. */
export const DEFAULT_LANG: Lang = 'en';

/** A text (or any value) in every language. */
export type PerLang<T = string> = Record<Lang, T>;

export const LangSchema = z.enum(LANGS);

/** A zod object with one field per language, each of the given schema. */
export function perLangSchema<T extends z.ZodType>(item: T) {
  return z.object(Object.fromEntries(LANGS.map((lang) => [lang, item])) as Record<Lang, T>);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
