import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables, type Tables } from '../../src/catalogue/tables.ts';
import { parseCheckText } from '../../src/understand/check-line.ts';
import { renderVerdict } from '../../src/reply/verdict-html.ts';
import { checkDocument, type CheckInput, type Outcome } from '../../src/check/rules.ts';
import { I18n } from '../../src/i18n/index.ts';

let tables: Tables;
let i18n: I18n;
beforeAll(async () => {
  [tables, i18n] = await Promise.all([loadTables(), I18n.create()]);
});

const TODAY = '2026-11-29';
const check = (input: CheckInput) => checkDocument(input, tables, TODAY);

describe('the data', () => {
  it('covers every contracting party, Hong Kong and Macao, the known non-parties, and 40+ document types, each with a source', () => {
    const byStatus = (s: string) => tables.countries.filter((c) => c.status === s).length;
    expect(byStatus('party')).toBe(128); // 129 parties less mainland China itself
    expect(byStatus('special_region')).toBe(2);
    expect(byStatus('non_party')).toBeGreaterThanOrEqual(6);
    expect(tables.documents.length).toBeGreaterThanOrEqual(40);
    for (const row of [...tables.countries, ...tables.documents]) expect(row.source.length).toBeGreaterThan(0);
    expect(new Set(tables.countries.map((c) => c.code)).size).toBe(tables.countries.length);
  });
});

describe('verdicts', () => {
  it.each<[string, CheckInput, Outcome, string[]]>([
    ['a CCPIT certificate of origin to Germany', { document: '原产地证书', country: '德国' }, 'apostille', ['in_force', 'ccpit_issued']],
    ['an invoice to the US, certified by CCPIT first', { document: 'commercial invoice', country: 'USA' }, 'apostille', ['in_force', 'article1_official_certificate', 'mfa_accepts_certified']],
    ['a German birth certificate used in China', { document: 'birth certificate', country: 'Germany', direction: 'to_china' }, 'apostille', ['in_force', 'article1_administrative']],
    ['a power of attorney to India (objection)', { document: '授权委托书', country: '印度' }, 'legalization', ['objection']],
    ['a contract to the UAE (non-party)', { document: 'contract', country: 'Dubai' }, 'legalization', ['not_party']],
    ['anything to Kosovo (not recognised)', { document: 'invoice', country: 'Kosovo' }, 'no_relation', ['not_recognised', 'no_relation']],
    ['a customs declaration (excluded)', { document: '报关单', country: 'Japan' }, 'excluded', ['excluded_commercial_customs']],
    ['an embassy document (excluded)', { document: 'embassy certificate', country: 'France' }, 'excluded', ['excluded_diplomatic']],
    ['a Hong Kong document used on the mainland', { document: 'business licence', country: '香港', direction: 'to_china' }, 'special_route', ['special_route_hk']],
    ['a mainland document for Macao', { document: 'diploma', country: 'Macau' }, 'special_route', ['special_route_mo']],
    ['an unknown document', { document: 'moon rock permit', country: 'Germany' }, 'unknown', ['unknown_document']],
    ['an unknown country', { document: 'invoice', country: 'Narnia' }, 'unknown', ['unknown_country']],
    ['a country whose status no source states', { document: 'invoice', country: 'Qatar' }, 'unknown', ['country_unverified']],
    ['China itself as the country', { document: 'invoice', country: '中国' }, 'unknown', ['country_is_china']],
    ['Traditional characters', { document: '授權委託書', country: '德國' }, 'apostille', ['in_force', 'article1_official_certificate', 'mfa_accepts_certified']],
    ['a typo in both', { document: 'power of atorney', country: 'Germny' }, 'apostille', ['in_force', 'article1_official_certificate', 'mfa_accepts_certified']],
  ])('%s', (_label, input, outcome, reasons) => {
    const verdict = check(input);
    expect(verdict.outcome).toBe(outcome);
    expect(verdict.reasons.map((r) => r.code)).toEqual(reasons);
    expect(verdict.sources.length).toBeGreaterThan(0);
  });

  it('says which Chinese authority issues the apostille and what to do first', () => {
    const verdict = check({ document: 'board resolution', country: 'Brazil' });
    expect(verdict.authority).toBe('mfa_fao');
    expect(verdict.steps.map((s) => s.code)).toEqual(['prepare_notarise_or_ccpit', 'apply_mfa', 'check_receiver']);
    const abroad = check({ document: 'power of attorney', country: 'Brazil', direction: 'to_china' });
    expect(abroad.authority).toBe('issuing_state');
    expect(abroad.steps.map((s) => s.code)).toEqual(['abroad_notarise', 'abroad_apostille', 'check_receiver']);
  });

  it('a state that joined later: legalisation the day before its date, apostille from it', () => {
    const before = check({ document: 'invoice', country: 'Viet Nam', date: '2026-09-10' });
    expect(before.outcome).toBe('legalization');
    expect(before.reasons[0]).toEqual({ code: 'not_yet_in_force', params: { since: '2026-09-11', date: '2026-09-10' } });
    expect(check({ document: 'invoice', country: 'Viet Nam', date: '2026-09-11' }).outcome).toBe('apostille');
    expect(check({ document: 'invoice', country: 'Canada', date: '2024-01-10' }).outcome).toBe('legalization');
    expect(check({ document: 'invoice', country: 'Canada', date: '2024-01-11' }).outcome).toBe('apostille');
  });

  it('before China joined (7 November 2023), legalisation for every party', () => {
    const verdict = check({ document: 'invoice', country: 'Germany', date: '2023-11-06' });
    expect(verdict.outcome).toBe('legalization');
    expect(verdict.reasons[0]?.code).toBe('china_not_yet');
    expect(check({ document: 'invoice', country: 'Germany', date: '2023-11-07' }).outcome).toBe('apostille');
  });

  it('the date defaults to today', () => {
    expect(check({ document: 'invoice', country: 'Germany' }).date).toBe(TODAY);
  });

  it('unknown input comes with "did you mean" suggestions', () => {
    const verdict = check({ document: 'certifcate of orign', country: 'Germani' });
    expect(verdict.document?.id ?? verdict.suggestions.documents[0]?.id).toBe('certificate-of-origin');
    const country = check({ document: 'invoice', country: 'Austral' });
    expect([country.country?.code, ...country.suggestions.countries.map((c) => c.code)]).toContain('AU');
  });

  it('every country × every document × both directions: a verdict with a reason and a source, worded in both languages, never throwing', () => {
    const en = i18n.translator('en');
    const zh = i18n.translator('zh');
    let count = 0;
    const problems: string[] = [];
    // Wording depends on the codes and the names, not on which country of a kind it is: each
    // distinct card shape is rendered once, with the longest country name that produces it.
    const longestFirst = [...tables.countries].sort((a, b) => b.name.en.length + b.name.zh.length - (a.name.en.length + a.name.zh.length));
    const rendered = new Set<string>();
    for (const country of longestFirst) {
      for (const document of tables.documents) {
        for (const direction of ['from_china', 'to_china'] as const) {
          const label = `${document.id} ${direction} ${country.code}`;
          const verdict = check({ document: document.id, country: country.code, direction });
          // Only CCPIT's own certificates cannot come from abroad.
          if (verdict.outcome === 'unknown' && country.status !== 'unverified' && !(document.onlyFromChina && direction === 'to_china')) problems.push(`${label}: unknown`);
          if (!verdict.reasons.length || !verdict.sources.length || !verdict.steps.length) problems.push(`${label}: no reason, step or source`);
          const shape = JSON.stringify([document.id, verdict.outcome, verdict.reasons, verdict.steps, verdict.authority, verdict.caveats.length, verdict.sources.slice(0, 3)]);
          if (rendered.has(shape)) {
            count++;
            continue;
          }
          rendered.add(shape);
          for (const [t, locale] of [[en, 'en'], [zh, 'zh']] as const) {
            const card = renderVerdict(verdict, locale, t);
            if (/check\.(reason|step|outcome|label|authority)\./.test(card)) problems.push(`${label} ${locale}: missing text`);
            if (card.length > 4096) problems.push(`${label} ${locale}: ${card.length} characters`);
          }
          count++;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBe(tables.countries.length * tables.documents.length * 2);
    expect(rendered.size).toBeGreaterThan(500);
  });
});

describe('one-line parsing', () => {
  it.each([
    ['原产地证书 德国', 'certificate-of-origin', 'DE', 'from_china'],
    ['certificate of origin Germany', 'certificate-of-origin', 'DE', 'from_china'],
    ['授权委托书 印度', 'power-of-attorney', 'IN', 'from_china'],
    ['原产地证书德国', 'certificate-of-origin', 'DE', 'from_china'],
    ['birth certificate from Germany to China', 'birth-certificate', 'DE', 'to_china'],
    ['出生证明 德国 来华', 'birth-certificate', 'DE', 'to_china'],
    ['營業執照 越南', 'business-licence', 'VN', 'from_china'],
    ['发票 北爱尔兰', 'commercial-invoice', 'GB', 'from_china'],
    ['invoice Northern Ireland', 'commercial-invoice', 'GB', 'from_china'],
    ['FORM E Germany', 'preferential-certificate-of-origin', 'DE', 'from_china'],
    ['生产许可证 法属圭亚那', 'production-licence', 'FR', 'from_china'],
  ])('%s', (text, document, country, direction) => {
    const parsed = parseCheckText(text, tables)!;
    const verdict = check(parsed);
    expect([verdict.document?.id, verdict.country?.code, verdict.direction]).toEqual([document, country, direction]);
  });

  it.each([
    ['原产地证书台湾', 'taiwan'],
    ['原产地证书内蒙古', 'mainland-china'],
    ['发票 苏州', 'mainland-china'],
    ['invoice Chinese Taipei', 'taiwan'],
  ])('%s: the place is understood, never taken for another country', (text, kind) => {
    const verdict = check(parseCheckText(text, tables)!);
    expect(verdict.place.kind).toBe(kind);
    expect(verdict.country).toBeNull();
  });

  it('a document name with a country inside a word is not taken for the country', () => {
    const parsed = parseCheckText('degree certificate', tables)!;
    expect(parsed.country).toBe('');
    expect(check(parsed).reasons.map((r) => r.code)).toEqual(['unknown_country']);
  });
});
