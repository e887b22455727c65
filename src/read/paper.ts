/**
 * The text read off a document → what it is, who issued it, where it goes (or
 * comes from), whether it already carries an apostille, and how sure we are.
 * Pure: lines in, a reading out. Countries come from the one place resolver
 * (src/places); document types from the catalogue plus tell-tale phrases.
 * Anything unsure is left for the user to answer (see verdict.ts): a wrong
 * verdict said with confidence is worse than a question.
 */
import type { Tables } from '../catalogue/tables.ts';
import type { Direction } from '../check/rules.ts';
import { findPlaces } from '../places/index.ts';
import { INTO_CHINA_PHRASES, PAPER_INTO_CHINA } from '../understand/direction.ts';

export interface TextLine {
  text: string;
  /** 0–100 (OCR's own; 100 for a PDF text layer or a caption). */
  confidence: number;
}

export type IssuerKind = 'ccpit' | 'notary' | 'court' | 'customs' | 'market_regulation' | 'university' | 'foreign_authority' | 'company';

export interface Issuer {
  kind: IssuerKind;
  /** The issuer's name as read (e.g. "中国国际贸易促进委员会浙江省委员会", "CCPIT Zhejiang Sub-Council"). */
  name?: string;
}

export interface Reading {
  /** The catalogue id, when one type stands out. */
  document: string | null;
  /** Close types when it is unsure, best first (for buttons). */
  documentCandidates: string[];
  documentSure: boolean;
  /** ISO code of the destination (from China) or the issuing country (to China). */
  country: string | null;
  countryCandidates: string[];
  countrySure: boolean;
  direction: Direction;
  issuer: Issuer | null;
  apostilleSeen: boolean;
  /** 0–1: how far the whole reading can be trusted. */
  confidence: number;
  /** The lines that decided the reading (for the user to see what was read). */
  linesUsed: string[];
}

interface Telltale {
  id: string;
  /** Names the document (a title): decisive near the top. */
  title: RegExp[];
  /** Supports it (fields only this kind of paper has). */
  hints?: RegExp[];
}

// OCR slips are common in photos: a few letters are allowed to vary ("CERTIF1CATE").
const TELLTALES: Telltale[] = [
  { id: 'certificate-of-origin', title: [/原产地证明书|原产地证书|产地证/, /c[e3]rt[il1]f[il1]cat[e3]\s*of\s*or[il1]g[il1]n/i], hints: [/country\s*\/?\s*(?:region\s*)?of\s*destination|目的国/i, /exporter|出口商/i] },
  { id: 'commercial-invoice', title: [/商业发票/, /commercial\s*[il1]nvo[il1]ce/i, /^\s*invoice\s*$/i], hints: [/invoice\s*no|发票号/i, /total|总金额/i] },
  { id: 'business-licence', title: [/营\s*业\s*执\s*照/, /business\s*licen[cs]e/i], hints: [/统一社会信用代码|unified\s*social\s*credit\s*code/i, /登记机关|registration\s*authority/i, /经营范围|注册资本|成立日期/] },
  { id: 'power-of-attorney', title: [/授\s*权\s*委\s*托\s*书|委托书/, /power\s*of\s*attorn[e3]y/i], hints: [/委托人|受托人|委托事项|委托期限/, /hereby\s*appoint|as\s*(?:our|my)\s*attorney|authori[sz]es\s*the\s*agent/i] },
  { id: 'notarial-certificate', title: [/^[\s（(]*公\s*证\s*书[\s）)]*$/, /notar[il1]al\s*certificate/i], hints: [/证外字|公证处|公证员|公证事项/, /notary\s*public|notarial\s*office/i] },
  { id: 'ccpit-commercial-certificate', title: [/商\s*事\s*证\s*明\s*书/, /^\s*commercial\s*cert[il1]f[il1]cate\s*$/i], hints: [/兹证明|this\s*is\s*to\s*certify/i] },
  { id: 'degree-certificate', title: [/学\s*位\s*证\s*书|学位证/, /degree\s*certificate|dipl[oô]me\s*de/i], hints: [/授予.{0,10}学位|学位评定委员会|awarded\s*the\s*.{0,20}degree|degrees?\s*committee/i] },
  { id: 'diploma', title: [/^\s*毕\s*业\s*证\s*书\s*$/, /^\s*diploma\s*$/i] },
  { id: 'birth-certificate', title: [/出生医学证明|出生证明/, /birth\s*certificate|geburtsurkunde|acte\s*de\s*naissance/i] },
  { id: 'good-standing', title: [/存续证明/, /good\s*standing/i] },
  { id: 'customs-declaration', title: [/报关单/, /customs\s*declaration/i] },
];

const TITLE_LINES = 6;

/** The apostille's own words: its title, the Convention's date, and the numbered fields. */
const APOSTILLE_MARKS = [
  /apostille/i,
  /convention\s*de\s*la\s*haye|5\s*octobre\s*1961|hague\s*convention/i,
  /附加证明书/,
  /1961\s*年\s*10\s*月\s*5\s*日/,
  /acting\s*in\s*the\s*capacity\s*of/i,
  /bears\s*the\s*(?:seal|stamp)/i,
  /this\s*public\s*document/i,
];

/** Words that make a place on the line the document's destination (or, for an apostille, its issuing state). */
const DESTINATION_CUES = /destination|目的国|目的地|consignee|收货人|buyer|sold\s*to|ship\s*to|买方|进口国|port\s*of\s*discharge|for\s*use\s*in|to\s*be\s*used\s*in|used\s*in|拟送往|送往|发往|寄往|供.{0,8}使用|在.{1,12}使用|在.{1,12}办理|受托人|\bin\s+(?:the\s+)?\p{Lu}/iu;
const ISSUING_COUNTRY_LINE = /^\s*1\s*[.,]?\s*(?:country|pays|land|país|paese)\b|^\s*1\s*[.,]?\s*国家/i;

const ISSUERS: { kind: IssuerKind; pattern: RegExp }[] = [
  { kind: 'ccpit', pattern: /中国国际贸易促进委员会[^\s,，。]{0,12}委员会|中国国际贸易促进委员会|贸促会|中国国际商会|ccpit(?:\s+\p{L}+){0,3}\s*sub-?council|ccpit|china\s*council\s*for\s*the\s*promotion\s*of\s*international\s*trade(?:,\s*\p{L}+)?/iu },
  { kind: 'notary', pattern: /[^\s，。:：]{0,20}公证处|[\p{L} ]{0,40}notary\s*public\s*office|[\p{L} ]{0,40}notary\s*office/iu },
  { kind: 'court', pattern: /[^\s，。]{0,20}人民法院|people'?s\s*court|court\s*of\s*appeal|cour\s*d'appel/i },
  { kind: 'customs', pattern: /中华人民共和国[^\s，。]{0,8}海关|[^\s，。]{2,8}海关|customs\s*(?:of|house|office)/i },
  { kind: 'market_regulation', pattern: /[^\s，。:：]{0,12}市场监督管理局|administration\s*for\s*market\s*regulation|administration\s*for\s*industry\s*and\s*commerce|工商行政管理局/i },
  { kind: 'university', pattern: /[^\s，。:：]{0,12}(?:大学|学院)学位评定委员会|[^\s，。:：]{2,12}(?:大学|学院)|[\p{L} ]{0,30}university|academic\s*degrees\s*committee/iu },
];

const normalise = (text: string) => text.normalize('NFKC');

interface CountryVote {
  code: string;
  score: number;
  lines: Set<string>;
}

export interface UnderstandOptions {
  /** A caption or message sent with the file: it speaks for the user, so it outweighs the paper. */
  caption?: string;
}

export function understandDocument(lines: TextLine[], tables: Tables, options: UnderstandOptions = {}): Reading {
  const text = lines.map((l) => normalise(l.text)).filter((t) => t.trim());
  const used = new Set<string>();

  const ranked = rankDocuments(text, tables, options.caption, used);
  const [best, second] = ranked;
  const documentSure = !!best && best[1] >= 10 && best[1] - (second?.[1] ?? 0) >= 6;
  const documentConfidence = best ? Math.min(1, (best[1] - (second?.[1] ?? 0)) / 12) : 0;

  const apostilleSeen = findApostille(text, used);

  const countryRanked = rankCountries(text, tables, apostilleSeen, options.caption);
  const top = countryRanked[0];
  const runnerUp = countryRanked[1];
  const countrySure = !!top && top.score >= 3 && (!runnerUp || runnerUp.score * 3 <= top.score);
  if (top) top.lines.forEach((l) => used.add(l));
  const countryConfidence = top ? Math.min(1, (top.score - (runnerUp?.score ?? 0)) / 6) : 0;

  const issuer = findIssuer(text, apostilleSeen, best?.[0], used);

  // A foreign apostille, or a paper made for use in China, is coming to China.
  const toChina = (apostilleSeen && top !== undefined && !chinaNamedAsIssuer(text)) || text.some((l) => PAPER_INTO_CHINA.test(l)) || INTO_CHINA_PHRASES.some((p) => p.test(options.caption ?? ''));
  const direction: Direction = toChina ? 'to_china' : 'from_china';

  const ocrConfidence = lines.length ? lines.reduce((s, l) => s + l.confidence, 0) / lines.length / 100 : 0;
  const confidence = Math.round(Math.min(ocrConfidence, documentConfidence, top ? countryConfidence : 1) * 100) / 100;

  return {
    document: documentSure ? best![0] : null,
    documentCandidates: ranked.slice(0, 4).map(([id]) => id),
    documentSure,
    country: countrySure ? top!.code : null,
    countryCandidates: countryRanked.slice(0, 4).map((v) => v.code),
    countrySure,
    direction,
    issuer,
    apostilleSeen,
    confidence,
    linesUsed: text.filter((l) => used.has(l)),
  };
}

/** Document types by score, best first: titles near the top decide; hints and catalogue names support. Adds the deciding lines to `used`. */
function rankDocuments(text: string[], tables: Tables, caption: string | undefined, used: Set<string>): [string, number][] {
  const scores = new Map<string, number>();
  const add = (id: string, points: number, line: string) => {
    scores.set(id, (scores.get(id) ?? 0) + points);
    used.add(line);
  };
  for (const tell of TELLTALES) scoreTelltale(tell, text, add);
  for (const line of text.slice(0, TITLE_LINES)) {
    const found = tables.documentNames.findContained(line);
    // Catalogue names in a title: a weaker vote (aliases such as "declaration" are common words).
    if (found && found.key.length >= 4) add(found.item.id, 3, line);
  }
  if (caption) {
    const found = tables.documentNames.findContained(caption);
    if (found) add(found.item.id, 8, caption);
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]);
}

function scoreTelltale(tell: Telltale, text: string[], add: (id: string, points: number, line: string) => void): void {
  let titleHit = false;
  for (const [i, line] of text.entries()) {
    const match = tell.title.map((p) => p.exec(line)).find((m) => m);
    if (!match) continue;
    // A title near the top names the document; in a sentence or further down it is a paper it refers to.
    const letters = (t: string) => t.replace(/\s/g, '').length;
    const isTitle = i < TITLE_LINES && letters(match[0]) * 4 >= letters(line);
    add(tell.id, isTitle ? 10 : titleHit ? 0 : 3, line);
    titleHit = true;
  }
  let hints = 0;
  for (const line of text) {
    if (hints < 3 && tell.hints?.some((p) => p.test(line))) {
      add(tell.id, 2, line);
      hints++;
    }
  }
}

/** Whether an apostille is already attached; if so its lines go into `used`. */
function findApostille(text: string[], used: Set<string>): boolean {
  const apostilleLines = text.filter((line) => APOSTILLE_MARKS.some((p) => p.test(line)));
  const seen = apostilleLines.length >= 2 && apostilleLines.some((l) => /apostille|附加证明书/i.test(l));
  if (seen) apostilleLines.forEach((l) => used.add(l));
  return seen;
}

/** Countries by score, best first: places on lines that say "destination" (or, in an apostille, field 1) count most. */
function rankCountries(text: string[], tables: Tables, apostilleSeen: boolean, caption: string | undefined): CountryVote[] {
  const votes = new Map<string, CountryVote>();
  const vote = (line: string, weight: number) => {
    for (const mention of findPlaces(line, tables.places)) {
      // Mainland China is where the paper starts or ends, never the other country.
      if (mention.kind !== 'country' || mention.code === 'CN') continue;
      const entry = votes.get(mention.code) ?? { code: mention.code, score: 0, lines: new Set<string>() };
      entry.score += weight;
      entry.lines.add(line);
      votes.set(mention.code, entry);
    }
  };
  let afterCue = 0;
  for (const line of text) {
    if (apostilleSeen && ISSUING_COUNTRY_LINE.test(line)) vote(line, 10);
    else if (DESTINATION_CUES.test(line)) vote(line, 6);
    else vote(line, afterCue > 0 ? 4 : 1);
    // "2. Consignee:" alone on a line: the name and address follow on the next lines.
    afterCue = /[:：]\s*$/.test(line) && DESTINATION_CUES.test(line) ? 2 : Math.max(0, afterCue - 1);
  }
  if (caption) vote(caption, 20);
  return [...votes.values()].sort((a, b) => b.score - a.score);
}

/** Who issued the paper; the line naming it goes into `used`. */
function findIssuer(text: string[], apostilleSeen: boolean, bestDocument: string | undefined, used: Set<string>): Issuer | null {
  let issuer: Issuer | null = null;
  for (const { kind, pattern } of ISSUERS) {
    // The fullest name wins: "中国国际贸易促进委员会浙江省委员会" over a bare "CCPIT" in a number.
    const named = text.map((line) => ({ line, name: issuerName(pattern.exec(line)?.[0] ?? '') })).filter((m) => m.name);
    const fullest = named.sort((a, b) => b.name.length - a.name.length)[0];
    if (fullest) {
      issuer = { kind, name: fullest.name };
      used.add(fullest.line);
      break;
    }
  }
  if (apostilleSeen) {
    // Field 7 of the apostille: "by <authority>".
    const field7 = /^\s*(?:7\s*)?[.,]?\s*(?:by|par)\s+(.+?)(?:\s+8\s*[.,].*)?$/i;
    const by = text.map((l) => field7.exec(l)).find((m) => m);
    return { kind: 'foreign_authority', name: by?.[1]?.trim() || undefined };
  }
  if (!issuer && bestDocument && ['commercial-invoice', 'power-of-attorney', 'packing-list', 'sales-contract'].includes(bestDocument)) {
    // Papers a company writes itself.
    return { kind: 'company' };
  }
  return issuer;
}

/** "登记机关杭州市市场监督管理局" → "杭州市市场监督管理局"; "在东海示例大学" → "东海示例大学". */
function issuerName(raw: string): string {
  let name = raw.trim().replace(/^[\d.:：\s]+/, '');
  if (/\p{Script=Han}/u.test(name)) name = name.replace(/^.*[:：,，;；]\s*/, '').replace(/^(?:登记机关|签证机构|住所|日生|在|于|由)+/, '');
  return name.trim();
}

/** A Chinese apostille (附加证明书 issued by the MFA) stays with the from-China direction. */
function chinaNamedAsIssuer(text: string[]): boolean {
  return text.some((l) => ISSUING_COUNTRY_LINE.test(l) && /china|中国|中华人民共和国/i.test(l));
}
