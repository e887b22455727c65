import { beforeAll, describe, expect, it } from 'vitest';
import { readFacets, isOffTopicTrade } from '../../src/understand/facets.ts';
import { Understander } from '../../src/understand/index.ts';
import { readWhen } from '../../src/understand/when.ts';
import { shippedData } from '../helpers/bot.ts';

const TODAY = '2026-12-06';
let understander: Understander;
beforeAll(async () => {
  const { knowledge, tables } = (await shippedData()).current();
  understander = new Understander({ index: knowledge.index, tables, today: TODAY });
});

const read = (text: string, previous?: ReturnType<Understander['understand']>['context']) => understander.understand(text, previous);
const code = (place: { kind: string; code?: string } | undefined) => (place?.kind === 'country' ? place.code : place?.kind);

describe('direction: which way the document travels', () => {
  it.each([
    ['Our US parent in Delaware sent a certificate of good standing for our WFOE registration in Shanghai', 'to_china', 'US'],
    ['英国母公司的董事会决议要拿来给上海的外资公司做变更登记', 'to_china', 'GB'],
    ['德国客户发过来的授权委托书，我们要在杭州法院用', 'to_china', 'DE'],
    ['日本總公司寄過嚟嘅授權書，要喺深圳用', 'to_china', 'JP'],
    ['我在澳洲读完研，毕业证寄回来要给国内公司入职用', 'to_china', 'AU'],
    ['Our JV partner in Mumbai is sending a board resolution for use in Tianjin', 'to_china', 'IN'],
    ['香港公司的注册证书要拿去深圳银行开户', 'to_china', 'HK'],
    ['台湾的供应商给我们出了一份授权书，要在厦门用', 'to_china', 'taiwan'],
  ])('%s → %s from %s', (text, direction, issuer) => {
    const u = read(text);
    expect(u.direction).toBe(direction);
    expect(code(u.travel.issuing)).toBe(issuer);
  });

  it.each([
    ['我们的营业执照要寄去德国给客户', 'DE'],
    ['How can our buyer in Poland check the apostille on our notarised docs?', 'PL'],
    ['原产地证要寄去巴西，贸促会出完证还要办什么？', 'BR'],
  ])('%s → out of China, to %s', (text, destination) => {
    const u = read(text);
    expect(u.direction ?? 'from_china').toBe('from_china');
    expect(code(u.travel.use)).toBe(destination);
  });

  it('an embassy named in passing is neither issuer nor destination', () => {
    const u = read('法國母公司的董事會決議要交蘇州市場監管局做變更，還要中國駐法國使館認證嗎？');
    expect(u.direction).toBe('to_china');
    expect(code(u.travel.issuing)).toBe('FR');
    expect(u.travel.use).toBeUndefined();
  });

  it('a document from one foreign state for another is not China’s matter', () => {
    const u = read('日本供应商的营业执照要拿去德国给他们的客户用，我们作为中间商要不要帮他们去外办认证？');
    expect(u.travel.third).toBe(true);
    expect(code(u.travel.issuing)).toBe('JP');
    expect(code(u.travel.use)).toBe('DE');
  });

  it('who asks for a paper is where it goes; an office to apply at is not where it is used', () => {
    expect(read('the US court wants our Chinese company’s docs (business licence + articles)').direction).toBe('from_china');
    expect(read('俄罗斯客户要我们营业执照的公证件，辽宁的企业是去沈阳外办还是北京？').direction).toBe('from_china');
  });

  it('a Hong Kong document going to a third state is the SAR’s own apostille', () => {
    expect(read('HK company docs going to a bank in Frankfurt — who does the apostille?').sar).toBe('HK');
    expect(read('喺香港高等法院整apostille要幾錢？').sar).toBe('HK');
    expect(read('香港公司的注册证书要拿去深圳银行开户').sar).toBeUndefined();
  });
});

describe('dates and times', () => {
  it.each([
    ['2023年8月我们寄去西班牙的授权书', '2023-08-15', 'month'],
    ['We shipped to Mexico in Sept 2023', '2023-09-15', 'month'],
    ['2023年11月1日那天我们去外办', '2023-11-01', 'day'],
    ['Before November 2023, did exporters need legalisation?', '2023-10-31', 'month'],
    ['下个月要把公司章程寄去法国', '2027-01-15', 'month'],
    ['去年寄去加拿大的文件', '2025-07-01', 'year'],
    ['our apostille is from early 2024', '2024-02-15', 'month'],
    ['apostilled by the Jiangsu FAO on 07/11/2023', '2023-11-07', 'day'],
    ['23年10月我们去外办', '2023-10-15', 'month'],
    ['越南客户明年一季度用', '2027-02-15', 'month'],
    ['We shipped to Algiers in May this year', '2026-05-15', 'month'],
  ])('%s → %s (%s)', (text, iso, precision) => {
    expect(readWhen(text, TODAY)).toMatchObject({ iso, precision });
  });

  it('"now" or "next order" beside a past date makes the case today’s, with the earlier time kept', () => {
    expect(readWhen('2024年3月我们的发票寄卢旺达时做了使馆认证，现在再寄还要吗？', TODAY)).toMatchObject({ iso: TODAY, earlier: { iso: '2024-03-15' } });
    expect(readWhen('去年2月我们寄去达卡的授权书，现在客户说其实海牙认证就够了', TODAY)).toMatchObject({ iso: '2025-02-15' });
  });

  it('a year the Convention was extended in is not the date of the case', () => {
    expect(readWhen('HK has had the apostille since 1965', TODAY)).toBeUndefined();
  });
});

describe('facets and the off-topic gate', () => {
  it.each([
    ['喺外交部整apostille要幾耐？', 'time'],
    ['apostille in hong kong where and how much', 'fee'],
    ['我们公司在深圳，海牙认正要去哪里办？', 'where'],
    ['How can our buyer in Poland check that the apostille is genuine?', 'verify'],
    ['附加证明书有效期多久？', 'validity'],
    ['does an apostille mean the government confirms our figures are correct?', 'certifies'],
    ['老听人说双认证，到底是啥意思？', 'double_legalisation'],
    ['is there an online version?', 'e_apostille'],
    ['how much time do companies save with apostille', 'time_saved'],
  ])('%s asks %s', (text, facet) => {
    expect(readFacets(text)).toContain(facet);
  });

  it('the difference "在哪" is not a place question', () => {
    expect(readFacets('领事认证跟海牙认证不一样在哪')).not.toContain('where');
  });

  it.each(['原产地证书第5栏运输方式和路线应该怎么填？', 'What is the Form E preferential duty rate for HS 8504.40?', '出口退稅要準備哪些單證？增值稅專用發票要怎麼認證？'])('%s is off-topic', (text) => {
    expect(isOffTopicTrade(text)).toBe(true);
  });

  it('a trade document asked about with an apostille stays ours', () => {
    expect(isOffTopicTrade('Does a FORM E certificate of origin need an apostille?')).toBe(false);
  });
});

describe('follow-ups change one part of the previous reading', () => {
  it('那印度呢 changes the country, keeps the document and direction', () => {
    const first = read('我们的营业执照要寄去德国给客户，需要办什么认证？');
    const next = read('那印度呢？', first.context);
    expect(next.followUp).toBe(true);
    expect(next.countries).toEqual(['IN']);
    expect(next.documents.map((d) => d.id)).toEqual(first.documents.map((d) => d.id));
  });

  it('要几天 keeps the case and asks the time', () => {
    const first = read('德国母公司的董事会决议要在上海用来做外资公司变更');
    const next = read('要几天？', first.context);
    expect(next.followUp).toBe(true);
    expect(next.direction).toBe('to_china');
    expect(next.countries).toEqual(['DE']);
    expect(next.facets).toEqual(['time']);
  });

  it('the other direction flips it; now drops the earlier date', () => {
    const first = read('我哋2023年12月寄咗授權書去加拿大');
    expect(first.when?.iso).toBe('2023-12-15');
    expect(read('咁而家呢？', first.context).when).toBeUndefined();
    expect(read('what about the other direction?', first.context).direction).toBe('to_china');
  });

  it('Taiwan replaces Hong Kong', () => {
    const first = read('香港公司的文件拿去內地用，要怎麼認證？');
    const next = read('那台灣的呢？', first.context);
    expect(next.taiwan).toBe(true);
    expect(next.countries).toEqual([]);
  });
});

describe('cases learned from the former held-out and tuning sets', () => {
  it.each([
    ['I finished my MBA in Boston and my new employer in Shenzhen wants the degree certificate authenticated.', 'to_china', 'US'],
    ['A Philippine supplier sent us their SEC registration for Xiamen customs.', 'to_china', 'PH'],
  ])('%s → %s from %s', (text, direction, issuer) => {
    const u = read(text);
    expect(u.direction).toBe(direction);
    expect(code(u.travel.issuing)).toBe(issuer);
  });

  it.each([
    ['factory in Foshan, notarised POA for Italy. do I have to fly up to Beijing for the apostille?', 'IT'],
    ['need our business licence notarized for a Japanese JV partner in osaka', 'JP'],
    ['We export to Ho Chi Minh City. Is Vietnam apostille now?', 'VN'],
    ['HK-registered trading company here. A Spanish notary wants our certificate of incorporation apostilled.', 'ES'],
  ])('%s → out, to %s', (text, destination) => {
    const u = read(text);
    expect(u.direction ?? 'from_china').toBe('from_china');
    expect(code(u.travel.use)).toBe(destination);
  });

  it('a past month alone is the latest one before today; "now" beside it makes the case today\'s', () => {
    expect(readWhen('we legalised a set in August at their embassy', TODAY)?.iso).toBe('2026-08-15');
    expect(readWhen('we ship in March', TODAY)?.iso).toBe('2027-03-15');
    expect(readWhen('我们2024年底做的是使馆认证，现在还要这样做吗？', TODAY)?.earlier).toBeDefined();
  });

  it.each([
    ['德国客户怀疑我们寄过去的附加证明书是假的，我们怎么证明是真的？', 'verify'],
    ['有了附加证明书是不是就证明我的学历是真的', 'certifies'],
    ['someone told me invoices are excluded from the convention', 'excluded'],
    ['do we need to book an appointment?', 'where'],
  ] as const)('%s asks %s', (text, facet) => {
    expect(readFacets(text)).toContain(facet);
  });

  it.each([
    '装箱单上的毛重和净重差太多，海关会不会查？',
    '我们的营业执照经营范围里没有进出口，能不能直接出口？',
    'CO上的发票号码填错了，贸促会能改吗还是要重新申请？',
    'the bank rejected our documents because the invoice date is after the B/L date, what now?',
    '我哋嘅發票抬頭可唔可以寫香港公司？',
  ])('a question about a document that asks nothing of certifying it: %s', (text) => {
    expect(read(text).offTopic).toBe(true);
  });

  it.each(['原产地证书要寄去巴西，要办什么手续？', '商业发票去墨西哥要做认证吗', 'buyer in Chile asks for our business license, what do we do?'])('still ours: %s', (text) => {
    expect(read(text).offTopic).toBe(false);
  });

  it.each(['點樣申請兩用物項出口許可證？要幾耐批？', '海运提单上的notify party应该写谁？', '哪家货代去迪拜的空运比较便宜？', "translate 'packing list' into Spanish pls"])('%s is a trade question', (text) => {
    expect(read(text).offTopic).toBe(true);
  });
});
