import { describe, expect, it } from 'vitest';
import { pickSources, rankSource, renderSourceLines } from '../../src/format/sources.ts';

describe('pickSources: the one rule for sources under answers and verdicts', () => {
  it.each([
    ['https://www.hcch.net/en/instruments/conventions/status-table/?cid=41', 'official'],
    ['http://cs.mfa.gov.cn/zggmcg/fjzms/cjwd/202310/t20231020_11164567.shtml', 'official'],
    ['https://en.ccpit.org/infoById/e3c0b3d982b011ee92150242ac1a0702/2', 'official'],
    ['https://fzwb.fuzhou.gov.cn/wsbs/bszn/lsrz/202510/t20251017_5219407.htm', 'official'],
    ['https://www.judiciary.hk/en/court_services_facilities/apostille.html', 'official'],
    ['https://travel.state.gov/content/travel/en/records-and-authentications.html', 'official'],
    ['https://www.gov.uk/get-document-legalised', 'official'],
    ['MFA apostille application page (copy of cs.mfa.gov.cn): http://code.python88.com/l/1zHHTk33yW', 'official_copy'],
    ['https://www.apostille.org/apostille-uzbekistan/', 'secondary'],
    ['https://notary-dubai.com/?p=1601', 'secondary'],
    ['Apostille Helper research notes (shared/reference/apostille-facts.md §6.3): status missing', 'secondary'],
    ['Embassy of the PRC in France notice of 25 Oct 2023 on the Apostille Convention', 'official_copy'],
    ['Tractatenblad 2012 Nr. 56 (Dutch depositary treaty series)', 'official_copy'],
    ['Ministry of Justice notice 司发〔1993〕006号', 'official_copy'],
    ['A law firm note on the Convention (no link)', 'secondary'],
    ['https://raw.githubusercontent.com/Ralegal/turkish-cbi-data/3e914f2/data/apostille-countries.json', 'hidden'],
    ['https://mfa.gov.cn.example.com/fake', 'secondary'],
  ])('%s → %s', (source, rank) => {
    expect(rankSource(source)).toBe(rank);
  });

  it('at most three, official first, keeping the given order within a rank, no duplicates, no raw data files', () => {
    const picked = pickSources([
      'https://raw.githubusercontent.com/x/y/z.json',
      'https://www.wathim.com/blog/apostille-vs-attestation-uae-by-country',
      'MFA apostille application page (copy of cs.mfa.gov.cn): http://code.python88.com/l/1zHHTk33yW',
      'https://www.hcch.net/en/instruments/conventions/status-table/?cid=41',
      'https://www.hcch.net/en/instruments/conventions/status-table/?cid=41',
      'https://en.ccpit.org/infoById/e3c0b3d982b011ee92150242ac1a0702/2',
    ]);
    expect(picked.map((p) => p.rank)).toEqual(['official', 'official', 'official_copy']);
    expect(picked[0]?.source).toContain('hcch.net');
    expect(pickSources(['https://a.example/1', 'https://b.example/2'], 1)).toHaveLength(1);
  });

  it('marks secondary sources on the card', () => {
    const lines = renderSourceLines(['https://notary-dubai.com/?p=1601', 'https://www.hcch.net/x'], 'secondary source');
    expect(lines).toEqual(['• <a href="https://www.hcch.net/x">https://www.hcch.net/x</a>', '• <a href="https://notary-dubai.com/?p=1601">https://notary-dubai.com/?p=1601</a> <i>(secondary source)</i>']);
  });
});
