/**
 * i18next with our two resource files. Traditional Chinese is not a third file:
 * it is the zh text converted by OpenCC, so the two files stay the single truth.
 * Per request we hand out a fixed translator (getFixedT), never changeLanguage,
 * which is global and races between users.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n as I18nInstance } from 'i18next';
import { toTraditional } from './chinese.ts';
import { langOf, type Locale } from './locale.ts';
import { escapeHtml } from '../format/html.ts';
import { DEFAULT_LANG, LANGS, type Lang } from './languages.ts';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

export function readLocaleFile(lang: Lang): Record<string, unknown> {
  return JSON.parse(readFileSync(`${LOCALES_DIR}${lang}.json`, 'utf8')) as Record<string, unknown>;
}

export class I18n {
  private constructor(private readonly instance: I18nInstance) {}

  static async create(): Promise<I18n> {
    const instance = i18next.createInstance();
    await instance.init({
      resources: Object.fromEntries(LANGS.map((lang) => [lang, { translation: readLocaleFile(lang) }])),
      lng: DEFAULT_LANG,
      fallbackLng: DEFAULT_LANG,
      // Replies are HTML: interpolated values are escaped for it (only & < > ").
      interpolation: { escapeValue: true, escape: escapeHtml },
      returnNull: false,
    });
    return new I18n(instance);
  }

  /** A language's own name, in its own script (the keyboard shows each language as its readers write it). */
  languageName(locale: Locale): string {
    return this.instance.getFixedT('zh')(`lang.name.${locale}`) as string;
  }

  /** A translator for one locale; zh-Hant output is converted from zh. */
  translator(locale: Locale): Translate {
    const t = this.instance.getFixedT(langOf(locale));
    const translate: Translate = (key, vars) => t(key, vars ?? {}) as string;
    return locale === 'zh-Hant' ? (key, vars) => toTraditional(translate(key, vars)) : translate;
  }

  /** The same texts with values left as they are: for logs, the command line, and text escaped later. */
  plainTranslator(locale: Locale): Translate {
    const t = this.instance.getFixedT(langOf(locale));
    const translate: Translate = (key, vars) => t(key, { ...vars, interpolation: { escapeValue: false } }) as string;
    return locale === 'zh-Hant' ? (key, vars) => toTraditional(translate(key, vars)) : translate;
  }
}
