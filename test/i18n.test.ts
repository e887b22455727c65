import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { I18n, readLocaleFile } from '../src/i18n/index.ts';
import { detectLocale, localeFromLanguageCode, replyLocale } from '../src/i18n/locale.ts';

function keys(object: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('locales', () => {
  const en = keys(readLocaleFile('en')).sort();
  const zh = keys(readLocaleFile('zh')).sort();

  it('en.json and zh.json have the same keys', () => {
    expect(zh).toEqual(en);
  });

  it('every key the code asks for exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((key) => !en.includes(key))).toEqual([]);
  });

  it('converts Chinese strings to Traditional for zh-Hant and leaves interpolated values escaped', async () => {
    const i18n = await I18n.create();
    expect(i18n.translator('zh-Hant')('fallback.check_hint')).toContain('請使用');
    expect(i18n.translator('en')('console.no_such_button', { number: '<b>' })).toContain('&lt;b&gt;');
  });
});

describe('language detection', () => {
  it.each([
    ['什么是附加证明书', 'zh'],
    ['什麼是附加證明書', 'zh-Hant'],
    ['apostille 怎么办', 'zh'],
    ['What is an apostille?', 'en'],
    ['123 ?!', undefined],
  ])('%s → %s', (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });

  it.each([
    ['zh-hans', 'zh'],
    ['zh-hant', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh', 'zh'],
    ['en-GB', 'en'],
    ['ru', undefined],
  ])('Telegram language_code %s → %s', (code, locale) => {
    expect(localeFromLanguageCode(code)).toBe(locale);
  });
});

describe('the reply locale', () => {
  it.each([
    ['海牙认证要多久', 'zh', 'zh'],
    ['海牙认证要多久', 'zh-Hant', 'zh-Hant'],
    ['喺外交部整apostille要几耐', 'zh', 'zh-Hant'],
    ['海牙認證要多久', 'en', 'zh-Hant'],
    ['how long does it take', 'zh-Hant', 'en'],
    ['123', 'zh-Hant', 'zh-Hant'],
  ] as const)('%s from a %s user → %s', (text, user, expected) => {
    expect(replyLocale(text, user)).toBe(expected);
  });
});
