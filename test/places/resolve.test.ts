import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTables } from '../../src/catalogue/tables.ts';
import { SOVEREIGN_OF } from '../../src/places/gazetteer.ts';
import { findPlaces, ISO_CODES, resolvePlace, type PlaceResult } from '../../src/places/index.ts';

const { places } = await loadTables();
const require = createRequire(import.meta.url);
const isoNames = (lang: 'en' | 'zh'): Record<string, string | string[]> => (require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> }).countries;

/** What a result points at, in one short string: "DE", "GB/Northern Ireland", "mainland-china", "taiwan", "ask:CG,CD", "unknown". */
function describePlace(result: PlaceResult): string {
  switch (result.kind) {
    case 'country':
      return result.region ? `${result.code}/${result.region}` : result.code;
    case 'mainland-china':
      return result.region ? `mainland-china/${result.region}` : 'mainland-china';
    case 'taiwan':
      return 'taiwan';
    case 'ask':
      return `ask:${result.suggestions.map((s) => (s.kind === 'country' ? s.code : s.kind)).join(',')}`;
    default:
      return 'unknown';
  }
}

describe('resolvePlace: the names that went to the wrong country (issue 10)', () => {
  it.each([
    ['North Korea', 'KP'],
    ['Syria', 'SY'],
    ['Niger', 'NE'],
    ['Nigeria', 'NG'],
    ['Austria', 'AT'],
    ['Mongolia', 'MN'],
    ['South Korea', 'KR'],
    ['内蒙古', 'mainland-china/Inner Mongolia'],
    ['孟加拉', 'BD'], // the final 国 of a longer name is often dropped
    ['泰国', 'TH'],
    ['北爱尔兰', 'GB/Northern Ireland'],
    ['Northern Ireland', 'GB/Northern Ireland'],
    ['法属圭亚那', 'FR/French Guiana'],
    ['French Guiana', 'FR/French Guiana'],
    ['美属萨摩亚', 'US/American Samoa'],
    ['American Samoa', 'US/American Samoa'],
    ['Congo', 'ask:CG,CD'],
    ['刚果', 'ask:CG,CD'],
    ['刚果（金）', 'CD'],
    ['Congo-Brazzaville', 'CG'],
  ])('%s → %s', (name, expected) => {
    expect(describePlace(resolvePlace(name, places))).toBe(expected);
  });
});

describe('resolvePlace: regions, territories, mainland China, Taiwan', () => {
  it.each([
    ['Scotland', 'GB/Scotland'],
    ['England', 'GB'],
    ['Wales', 'GB/Wales'],
    ['Réunion', 'FR/Réunion'],
    ['留尼汪', 'FR/Réunion'],
    ['Guadeloupe', 'FR/Guadeloupe'],
    ['Martinique', 'FR/Martinique'],
    ['Puerto Rico', 'US/Puerto Rico'],
    ['波多黎各', 'US/Puerto Rico'],
    ['Guam', 'US/Guam'],
    ['US Virgin Islands', 'US/US Virgin Islands'],
    ['Greenland', 'DK/Greenland'],
    ['格陵兰', 'DK/Greenland'],
    ['Faroe Islands', 'DK/Faroe Islands'],
    ['Aruba', 'NL/Aruba'],
    ['Gibraltar', 'GB/Gibraltar'],
    ['California', 'US/California'],
    ['加州', 'US/California'],
    ['苏州', 'mainland-china/Suzhou'],
    ['宁波', 'mainland-china/Ningbo'],
    ['深圳市', 'mainland-china/Shenzhen'],
    ['Shanghai', 'mainland-china/Shanghai'],
    ['广东省', 'mainland-china/Guangdong'],
    ['中国', 'mainland-china'],
    ['中國', 'mainland-china'],
    ['PRC', 'mainland-china'],
    ['台湾', 'taiwan'],
    ['臺灣', 'taiwan'],
    ['中国台湾', 'taiwan'],
    ['Taiwan', 'taiwan'],
    ['Chinese Taipei', 'taiwan'],
    ['ROC', 'taiwan'],
    ['Republic of China', 'taiwan'],
    ["People's Republic of China", 'mainland-china'],
    ['香港', 'HK'],
    ['中国香港', 'HK'],
    ['Macau', 'MO'],
    ['科索沃', 'XK'],
    ['Kosovo', 'XK'],
    ['Cook Islands', 'CK'],
    ['Niue', 'NU'],
    ['蒙古', 'MN'],
    ['蒙古国', 'MN'],
  ])('%s → %s', (name, expected) => {
    expect(describePlace(resolvePlace(name, places))).toBe(expected);
  });

  it('keeps what was typed', () => {
    expect(resolvePlace(' 北爱尔兰 ', places)).toMatchObject({ kind: 'country', code: 'GB', matched: '北爱尔兰', region: 'Northern Ireland', regionName: { zh: '北爱尔兰' } });
  });
});

describe('resolvePlace: typos are repaired or asked about, never turned into another place', () => {
  it.each([
    ['Germny', 'DE'],
    ['Austira', 'AT'],
    ['germany', 'DE'],
    ['GERMANY', 'DE'],
    ['U.S.A.', 'US'],
    ['德國', 'DE'],
    ['Hamburg, Germany', 'DE'],
    ['德国汉堡', 'DE'],
    ['Syira', 'ask:SY'],
    ['Nothern Ireland', 'ask:GB,IE'],
    ['意大力', 'ask:IT'],
    ['the UK', 'GB'],
    ['N. Korea', 'KP'],
    ['Korea, North', 'KP'],
    ['Northern Cyprus', 'ask:CY'],
    ['Czech', 'CZ'],
    ['xyzzy', 'unknown'],
    ['', 'unknown'],
    ['!!!', 'unknown'],
  ])('%s → %s', (name, expected) => {
    expect(describePlace(resolvePlace(name, places))).toBe(expected);
  });

  it('says how it matched', () => {
    expect(resolvePlace('Germny', places)).toMatchObject({ how: 'typo', code: 'DE' });
    expect(resolvePlace('德国汉堡', places)).toMatchObject({ how: 'contained', matched: '德国' });
  });
});

describe('resolvePlace: every ISO 3166-1 name in both languages is itself', () => {
  const expectedFor = (code: string): string[] => {
    if (code === 'CN') return ['mainland-china'];
    if (code === 'TW') return ['taiwan'];
    return [code, SOVEREIGN_OF[code] ?? code];
  };
  const cases = (['en', 'zh'] as const).flatMap((lang) =>
    Object.entries(isoNames(lang)).flatMap(([code, names]) => (Array.isArray(names) ? names : [names]).map((name) => ({ lang, code, name }))),
  );

  it('covers all 250 codes, 2 languages', () => {
    expect(ISO_CODES).toHaveLength(250);
    expect(cases.length).toBeGreaterThan(500);
  });

  it('resolves each name to its own place (or its sovereign), or asks between places that share the name', () => {
    const wrong: string[] = [];
    for (const { code, name } of cases) {
      const result = resolvePlace(name, places);
      const allowed = expectedFor(code);
      const ok =
        result.kind === 'ask'
          ? result.suggestions.some((s) => (s.kind === 'country' ? allowed.includes(s.code) : allowed.includes(s.kind)))
          : result.kind === 'country'
            ? allowed.includes(result.code) && (result.how === 'exact')
            : allowed.includes(result.kind);
      if (!ok) wrong.push(`${code} ${name} → ${describePlace(result)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('only shared names ask', () => {
    const asked = cases.filter(({ name }) => resolvePlace(name, places).kind === 'ask').map(({ name }) => name);
    expect(new Set(asked)).toEqual(new Set(['Congo']));
  });

  it('a territory keeps its own name as the region', () => {
    for (const code of Object.keys(SOVEREIGN_OF)) {
      const names = isoNames('en')[code]!;
      const result = resolvePlace(Array.isArray(names) ? names[0]! : names, places);
      expect(result, code).toMatchObject({ kind: 'country', code: SOVEREIGN_OF[code], territory: true });
    }
  });

  it('case, spacing and Traditional script do not change the answer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases.filter((c) => c.name !== 'Congo')), fc.boolean(), fc.boolean(), ({ name }, upper, padded) => {
        const variant = `${padded ? '  ' : ''}${upper ? name.toUpperCase() : name}${padded ? ' ' : ''}`;
        expect(describePlace(resolvePlace(variant, places))).toBe(describePlace(resolvePlace(name, places)));
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it('every MFA short form (test/fixtures/reference/apostille-names-zh.tsv) is its country', () => {
    const rows = readFileSync('test/fixtures/reference/apostille-names-zh.tsv', 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
    expect(rows.length).toBeGreaterThan(60);
    for (const [, iso2, nameZh] of rows) {
      expect(describePlace(resolvePlace(nameZh!, places)), nameZh).toBe(iso2 === 'CN' ? 'mainland-china' : iso2);
    }
  });

  it('knows well over a thousand names', () => {
    expect(places.size).toBeGreaterThan(1300);
  });
});

describe('findPlaces', () => {
  const mentions = (text: string) => findPlaces(text, places).map((m) => `${m.matched}@${m.start}=${describePlace(m)}`);

  it.each([
    ['我在内蒙古呼和浩特，要把发票寄到德国汉堡', ['内蒙古@2=mainland-china/Inner Mongolia', '呼和浩特@5=mainland-china/Hohhot', '德国@16=DE', '汉堡@18=DE/Hamburg']],
    ['Shipping from Ningbo to Northern Ireland and New Jersey', ['Ningbo@14=mainland-china/Ningbo', 'Northern Ireland@24=GB/Northern Ireland', 'New Jersey@45=US/New Jersey']],
    ['苏州的公司要把合同寄到深圳', ['苏州@0=mainland-china/Suzhou', '深圳@11=mainland-china/Shenzhen']],
    ['寄到印度尼西亚还是印度？', ['印度尼西亚@2=ID', '印度@9=IN']],
    ['documents for Niger, not Nigeria', ['Niger@14=NE', 'Nigeria@25=NG']],
    ['发往刚果的合同', ['刚果@2=ask:CG,CD']],
    ['從臺灣寄到美國', ['臺灣@1=taiwan', '美國@5=US']],
    ['degree certificate for Greece', ['Greece@23=GR']],
    ['send it to us please', []],
    ['US', ['US@0=US']],
    ['I will cook a turkey for chad', []],
    ['Turkey and Chad', ['Turkey@0=TR', 'Chad@11=TD']],
    ['增加纳税证明要去哪里办', []],
    ['在平台中申请合法国家的认证', []],
    ['中非贸易的发票寄到加纳', ['加纳@9=GH']],
    ['中非共和国', ['中非共和国@0=CF']],
    ['法国合法吗', ['法国@0=FR']],
  ])('%s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it('gives offsets into the original text', () => {
    const text = 'From 臺灣 to U.S.A.';
    for (const m of findPlaces(text, places)) expect(text.slice(m.start, m.end)).toBe(m.matched);
  });
});
