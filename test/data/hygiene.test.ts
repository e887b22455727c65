/**
 * Issue 19 (points 7 and 8): what the shipped data must not contain, and how the
 * cards built from it must not read. Sources only from their publishers (or named
 * documents), HCCH links that open, official sources first, no doubled words.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables, type Tables } from '../../src/catalogue/tables.ts';
import { renderVerdict } from '../../src/reply/verdict-html.ts';
import { checkDocument } from '../../src/check/rules.ts';
import { I18n } from '../../src/i18n/index.ts';
import { htmlToPlain } from '../../src/format/html.ts';
import { rankSource } from '../../src/format/sources.ts';

const FILES = ['data/faq.json', 'data/countries.json', 'data/documents.json'] as const;
const text = (file: string) => readFileSync(file, 'utf8');

/** Hosts that only copied (or scraped) an official text: cite the publisher or the document's name instead. */
const UNRELATED_HOSTS = ['code.python88.com', '6766873.com', 'docslib', 'kkxmy', 'cqtrans', 'fx361', 'yestaryl'];

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

/** A Han phrase of two or more characters written twice in a row ("复印件复印件"). Single characters double legitimately (常常, 司司长). */
const DOUBLED_HAN = /(\p{Script=Han}{2,})\1/u;
/** The same English word twice ("the the"). */
const DOUBLED_WORD = /\b([A-Za-z]{2,})\s+\1\b/i;
/** An article before an article, or "a" before a vowel-initial word ("A Arbitral award"); "a university", "a US …" are fine. */
const ARTICLE_GLITCH = /\b(?:a|an|the)\s+(?:a|an|the)\b|\b[Aa]\s+(?!uni|us[a-z]|eu|one\b|U[A-Z])[AEIOUaeiou][a-z]+/;

function glitches(file: string): string[] {
  const found: string[] = [];
  for (const [path, s] of strings(JSON.parse(text(file)), file)) {
    if (/^https?:\/\//.test(s)) continue;
    for (const re of [DOUBLED_HAN, DOUBLED_WORD, ARTICLE_GLITCH]) {
      const m = re.exec(s);
      if (m) found.push(`${path}: "${m[0]}"`);
    }
  }
  return found;
}

describe('data sources', () => {
  it.each(FILES)('%s cites no unrelated host', (file) => {
    const hits = UNRELATED_HOSTS.filter((host) => text(file).toLowerCase().includes(host));
    expect(hits).toEqual([]);
  });

  it.each(FILES)('%s has no HCCH link ending in "cid=41.+"', (file) => {
    expect(text(file)).not.toMatch(/cid=41\.\+/);
  });

  it.each(FILES)('%s lists official sources first in every entry', (file) => {
    const ORDER = { official: 0, official_copy: 1, secondary: 2, hidden: 3 } as const;
    const data = JSON.parse(text(file)) as Record<string, unknown>;
    const entries = (data.entries ?? data.countries ?? data.documents) as { id?: string; code?: string; source: string | string[] }[];
    expect(entries.length).toBeGreaterThan(0);
    const unordered = entries.filter((entry) => {
      const ranks = [entry.source].flat().map((s) => ORDER[rankSource(s)]);
      return ranks.some((rank, i) => i > 0 && rank < ranks[i - 1]!);
    });
    expect(unordered.map((e) => e.id ?? e.code)).toEqual([]);
  });
});

describe('no doubled words or article glitches', () => {
  it('the checks catch the glitches they are for', () => {
    expect(DOUBLED_HAN.test('对身份证复印件复印件出具')).toBe(true);
    expect(ARTICLE_GLITCH.test('A Arbitral award is signed')).toBe(true);
    expect(ARTICLE_GLITCH.test('the the')).toBe(true);
    expect(DOUBLED_WORD.test('apply at the the MFA')).toBe(true);
    for (const fine of ['吉尔吉斯斯坦', '行政法务司司长', '附加证明书有有效期吗', 'a university degree', 'a US document', 'an RCEP certificate']) {
      expect(DOUBLED_HAN.test(fine) || ARTICLE_GLITCH.test(fine), fine).toBe(false);
    }
  });

  it.each(FILES)('%s', (file) => {
    expect(glitches(file)).toEqual([]);
  });

  describe('in the /check cards built from the data (names fill the templates)', () => {
    let tables: Tables;
    let i18n: I18n;
    beforeAll(async () => {
      [tables, i18n] = await Promise.all([loadTables(), I18n.create()]);
    });

    it('every document, both directions, both languages', () => {
      const found = new Set<string>();
      for (const document of tables.documents) {
        for (const country of ['FR', 'Taiwan', 'HK', 'AE', 'IN']) {
          for (const direction of ['from_china', 'to_china'] as const) {
            for (const locale of ['en', 'zh'] as const) {
              const verdict = checkDocument({ document: document.id, country, direction }, tables, '2026-11-29');
              const card = htmlToPlain(renderVerdict(verdict, locale, i18n.translator(locale)));
              for (const re of [DOUBLED_HAN, DOUBLED_WORD, ARTICLE_GLITCH]) {
                const m = re.exec(card);
                if (m) found.add(`${document.id} ${locale}: "${m[0]}"`);
              }
            }
          }
        }
      }
      expect([...found]).toEqual([]);
    });
  });
});
