import { describe, expect, it } from 'vitest';
import { answerFor, settledFrom } from '../../src/read/document-verdict.ts';
import { tidyOcrText } from '../../src/read/ocr.ts';
import { sniffKind } from '../../src/read/probe.ts';
import { understandDocument } from '../../src/read/paper.ts';
import { shippedData } from '../helpers/bot.ts';

const lines = (...texts: string[]) => texts.map((text) => ({ text, confidence: 90 }));
const tables = async () => (await shippedData()).current().tables;

describe('understanding the text of a document', () => {
  it('a certificate of origin: type from its title, country from the destination line, CCPIT branch as issuer', async () => {
    const reading = understandDocument(
      lines('中华人民共和国原产地证明书', 'CERTIFICATE OF ORIGIN', '1. Exporter: Example Co., Hangzhou, China', '2. Consignee:', 'Muster GmbH', 'Beispielstrasse 1, Hamburg, Germany', 'CCPIT Zhejiang Sub-Council'),
      await tables(),
    );
    expect(reading).toMatchObject({ document: 'certificate-of-origin', documentSure: true, country: 'DE', countrySure: true, direction: 'from_china', apostilleSeen: false });
    expect(reading.issuer).toEqual({ kind: 'ccpit', name: 'CCPIT Zhejiang Sub-Council' });
    expect(reading.linesUsed).toContain('Beispielstrasse 1, Hamburg, Germany');
  });

  it('a paper named inside a sentence does not make the document that paper (a notarial certificate of a power of attorney)', async () => {
    const reading = understandDocument(
      lines('公证书', '（2026）粤深示证外字第 0456 号', '公证事项：委托', '兹证明李示例在前面的《授权委托书》上签名、盖章。', '该文书拟送往巴西使用。', '广东省深圳市示例公证处'),
      await tables(),
    );
    expect(reading.document).toBe('notarial-certificate');
    expect(reading.country).toBe('BR');
    expect(reading.issuer?.kind).toBe('notary');
  });

  it('a foreign apostille: seen, the issuing country from field 1, direction to China', async () => {
    const reading = understandDocument(
      lines('BIRTH CERTIFICATE', 'APOSTILLE', '(Convention de La Haye du 5 octobre 1961)', '1. Country: Federal Republic of Germany', '3. acting in the capacity of registrar', '7. by Bezirksregierung Musterstadt'),
      await tables(),
    );
    expect(reading).toMatchObject({ document: 'birth-certificate', country: 'DE', direction: 'to_china', apostilleSeen: true });
    expect(reading.issuer).toEqual({ kind: 'foreign_authority', name: 'Bezirksregierung Musterstadt' });
  });

  it('the word "apostille" alone is not an apostille', async () => {
    expect(understandDocument(lines('POWER OF ATTORNEY', 'to apply for an apostille in Italy'), await tables()).apostilleSeen).toBe(false);
  });

  it('Chinese places are not destinations; no country named → none guessed', async () => {
    const reading = understandDocument(lines('营业执照', '统一社会信用代码 91330100MA2EX0001X', '住所 浙江省杭州市示例路8号', '登记机关 杭州市市场监督管理局'), await tables());
    expect(reading).toMatchObject({ document: 'business-licence', country: null, countrySure: false });
    expect(reading.issuer).toEqual({ kind: 'market_regulation', name: '杭州市市场监督管理局' });
  });

  it('two countries with the same weight: unsure, both offered', async () => {
    const reading = understandDocument(lines('COMMERCIAL INVOICE', 'Consignee: Sample Ltd, Paris, France', 'Ship to: Sample GmbH, Berlin, Germany'), await tables());
    expect(reading.country).toBeNull();
    expect(reading.countryCandidates.sort()).toEqual(['DE', 'FR']);
  });

  it('unreadable text: no type, no country, confidence 0', async () => {
    const reading = understandDocument(lines('#### ~~ ..', 'lorem ipsum dolor'), await tables());
    expect(reading).toMatchObject({ document: null, country: null, confidence: 0 });
  });

  it("a caption speaks for the user: it settles the country the paper leaves open", async () => {
    const reading = understandDocument(lines('营业执照', '统一社会信用代码 91330100MA2EX0001X'), await tables(), { caption: '要送去德国' });
    expect(reading.country).toBe('DE');
  });
});

describe('which way the paper goes, and where it was issued or is going', () => {
  it('a German civil-status certificate: issued abroad by its Standesamt, so it comes into China from Germany', async () => {
    const reading = understandDocument(lines('Geburtsurkunde', 'Standesamt Munchen', 'Nr G 1234/2019', 'Familienname Mustermann', 'Geburtsort Munchen'), await tables());
    expect(reading).toMatchObject({ document: 'birth-certificate', direction: 'to_china', directionSure: true, country: 'DE', issuedIn: 'DE' });
  });

  it('a French marriage certificate naming a Chinese birthplace is still French, and comes into China', async () => {
    const reading = understandDocument(
      lines('REPUBLIQUE FRANCAISE', "Mairie de Lyon - Service de l'état civil", "EXTRAIT D'ACTE DE MARIAGE", 'Thomas EXEMPLE, né le 3 février 1991 à Lyon', 'et de Wei ZHANG, née le 21 août 1993 à Chengdu (Chine), traductrice, fille de Zhang Ming et de Li Hua'),
      await tables(),
    );
    expect(reading).toMatchObject({ document: 'marriage-certificate', direction: 'to_china', country: 'FR' });
  });

  it('the CCPIT general certificate of origin: the destination from box 4 (its value on the next line), not from the route via Singapore', async () => {
    const reading = understandDocument(
      lines('1. Exporter Certificate No. CCPIT 263200 2026 0417', 'JIANGSU SHILI TEXTILE CO., LTD', 'JIANGSU, CHINA CERTIFICATE OF ORIGIN', "2. Consignee THE PEOPLE'S REPUBLIC OF CHINA", 'MUSTER HANDELS GMBH', '3. Means of transport and route', 'FROM SHANGHAI BY SEA VIA SINGAPORE', '4. Country / region of destination', 'NORWAY', 'China Council for the Promotion of International Trade, Jiangsu Sub-Council'),
      await tables(),
    );
    expect(reading).toMatchObject({ document: 'certificate-of-origin', country: 'NO', direction: 'from_china', directionSure: true });
  });

  it('FORM E, RCEP and FORM A are preferential certificates of origin (their own verdict), not the general CCPIT one', async () => {
    const t = await tables();
    for (const form of ['FORM E', 'FORM RCEP', 'FORM A']) {
      const reading = understandDocument(lines('Reference No. E263300260012', 'SHENZHEN, CHINA CERTIFICATE OF ORIGIN', form, "Issued in THE PEOPLE'S REPUBLIC OF CHINA", "2. Goods consigned to (Consignee's name, address, country)", 'HO CHI MINH CITY, VIET NAM'), t);
      expect(reading, form).toMatchObject({ document: 'preferential-certificate-of-origin', country: 'VN', direction: 'from_china' });
    }
  });

  it('a paper that shows neither China nor a foreign authority: the direction is asked, with no country guessed for either way', async () => {
    const t = await tables();
    const reading = understandDocument(lines('BOARD RESOLUTION', 'of Sample Bright Holdings Ltd.', 'At a meeting of the Board of Directors it was RESOLVED', 'THAT the Company open a representative office'), t);
    expect(reading).toMatchObject({ document: 'board-resolution', directionSure: false });
    expect(answerFor(settledFrom(reading), t, '2026-11-29')).toEqual({ kind: 'ask_direction', document: 'board-resolution', country: null });
    // The user's answer (a pressed button) settles it: then the country is asked the right way round.
    expect(answerFor({ document: 'board-resolution', country: null, direction: 'to_china' }, t, '2026-11-29')).toMatchObject({ kind: 'ask_country', direction: 'to_china' });
  });

  it('a caption is read like a message: "for our WFOE registration in Shanghai" brings a UK paper into China; "寄去墨西哥用" sends a licence out', async () => {
    const t = await tables();
    const uk = understandDocument(lines('CERTIFICATE OF INCORPORATION', 'The Registrar of Companies for England and Wales, hereby certifies that'), t, { caption: 'for our WFOE registration in Shanghai' });
    expect(uk).toMatchObject({ document: 'business-licence', direction: 'to_china', directionSure: true, country: 'GB' });
    const licence = understandDocument(lines('营业执照', '统一社会信用代码 91330100MA2EX0001X', '登记机关 杭州市市场监督管理局'), t, { caption: '寄去墨西哥用' });
    expect(licence).toMatchObject({ document: 'business-licence', direction: 'from_china', country: 'MX' });
  });
});

describe('a reading → verdict or question', () => {
  it('sure of both → the /check verdict; a missing country → the country question; a missing type → the type question', async () => {
    const t = await tables();
    const verdict = answerFor({ document: 'certificate-of-origin', country: 'DE', direction: 'from_china' }, t, '2026-11-29');
    expect(verdict.kind === 'verdict' && verdict.verdict.outcome).toBe('apostille');
    expect(answerFor({ document: 'business-licence', country: null, direction: 'from_china' }, t, '2026-11-29', { countries: ['XX', 'FR'] })).toEqual({
      kind: 'ask_country',
      document: 'business-licence',
      direction: 'from_china',
      candidates: ['FR'],
    });
    const reading = understandDocument(lines('some paper', 'Exporter: Sample Co., Ningbo, China', 'Consignee: Sample Ltd, Paris, France'), t);
    expect(answerFor(settledFrom(reading), t, '2026-11-29')).toMatchObject({ kind: 'ask_document', country: 'FR' });
  });
});

describe('file handling helpers', () => {
  it('joins Han characters that OCR spaced out, keeps spaces between words', () => {
    expect(tidyOcrText('中 华人 民 共 和 国 原 产地 证 明 书')).toBe('中华人民共和国原产地证明书');
    expect(tidyOcrText('CERTIFICATE  OF ORIGIN')).toBe('CERTIFICATE OF ORIGIN');
  });

  it('knows a file by its first bytes, not its name', () => {
    expect(sniffKind(new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(sniffKind(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('png');
    expect(sniffKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffKind(new TextEncoder().encode('PK\u0003\u0004 zip'))).toBeUndefined();
  });
});
