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
import { PAPER_INTO_CHINA, readTravel, type Travel } from '../understand/direction.ts';
import { placesIn, type PlaceMention } from '../understand/places.ts';

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
  /** Whether the paper (or the caption) settles the direction; when not, the user is asked. */
  directionSure: boolean;
  /** Where the paper was issued: 'CN', another ISO code, or null when the paper does not show it. */
  issuedIn: string | null;
  issuer: Issuer | null;
  apostilleSeen: boolean;
  /** 0–1: how far the whole reading can be trusted. */
  confidence: number;
  /** The lines that decided the reading (for the check CLI's JSON; never shown back in chat). */
  linesUsed: string[];
}

interface Telltale {
  id: string;
  /** Names the document (a title): decisive near the top. */
  title: RegExp[];
  /** Supports it (fields only this kind of paper has). */
  hints?: RegExp[];
}

// OCR slips are common in photos: a few letters are allowed to vary ("CERTIF1CATE"). Lines are
// matched without accents (OCR often drops them: "Geburtsurkunde", "Republique francaise").
const TELLTALES: Telltale[] = [
  { id: 'certificate-of-origin', title: [/原产地证明书|原产地证书|产地证/, /c[e3]rt[il1]f[il1]cat[e3]\s*of\s*or[il1]g[il1]n/i], hints: [/country\s*\/?\s*(?:region\s*)?of\s*destination|目的国/i, /exporter|出口商/i] },
  // FORM E, RCEP, FORM A: a certificate of origin too, but for tariff preferences (a type of its own in the catalogue).
  { id: 'preferential-certificate-of-origin', title: [/\bform\s*(?:[ea]|rcep)\b|preferential\s*tariff|generali[sz]ed\s*system\s*of\s*preferences|regional\s*comprehensive\s*economic|free\s*trade\s*area|优惠原产地|普惠制/i], hints: [/importing\s*(?:country|party)|goods\s*consigned\s*(?:from|to)/i, /origin\s*criterion/i] },
  { id: 'commercial-invoice', title: [/商业发票/, /commercial\s*[il1]nvo[il1]ce/i, /^\s*invoice\s*$/i], hints: [/invoice\s*no|发票号/i, /total|总金额/i] },
  { id: 'business-licence', title: [/营\s*业\s*执\s*照/, /business\s*licen[cs]e/i, /c[e3]r[til1]{1,3}f[il1]{1,2}c[ae][il1]?t[e3]\s*of\s*[il1]ncorporat[il1]on|handelsregister|extrait\s*k\s*bis|registro\s*mercantil|visura\s*camerale/i], hints: [/统一社会信用代码|unified\s*social\s*credit\s*code/i, /登记机关|registration\s*authority|registrar\s*of\s*companies/i, /经营范围|注册资本|成立日期|limited\s*by\s*shares|companies\s*(?:act|ordinance)/i] },
  { id: 'power-of-attorney', title: [/授\s*权\s*委\s*托\s*书|委托书/, /power\s*of\s*attorn[e3]y|vollmacht|procuration|poder\s*notarial|procura\s*speciale/i], hints: [/委托人|受托人|委托事项|委托期限/, /hereby\s*appoint|as\s*(?:our|my)\s*attorney|authori[sz]es\s*the\s*agent/i] },
  { id: 'notarial-certificate', title: [/^[\s（(]*公\s*证\s*书[\s）)]*$/, /notar[il1]al\s*certificate/i], hints: [/证外字|公证处|公证员|公证事项/, /notary\s*public|notarial\s*office/i] },
  { id: 'ccpit-commercial-certificate', title: [/商\s*事\s*证\s*明\s*书/, /^\s*commercial\s*cert[il1]f[il1]cate\s*$/i], hints: [/兹证明|this\s*is\s*to\s*certify/i] },
  { id: 'degree-certificate', title: [/学\s*位\s*证\s*书|学位证/, /degree\s*certificate|dipl[oô]me\s*de/i], hints: [/授予.{0,10}学位|学位评定委员会|awarded\s*the\s*.{0,20}degree|degrees?\s*committee/i] },
  { id: 'diploma', title: [/^\s*毕\s*业\s*证\s*书\s*$/, /^\s*diploma\s*$/i] },
  { id: 'birth-certificate', title: [/出生医学证明|出生证明/, /birth\s*certificate|geburts\s*urkunde|acte\s*de\s*naissance|certificado\s*de\s*nacimiento|acta\s*de\s*nacimiento|atto\s*di\s*nascita|certificato\s*di\s*nascita/i], hints: [/geburtsort|geburtstag|ne\s*le|nee\s*le|fecha\s*de\s*nacimiento|lugar\s*de\s*nacimiento|data\s*di\s*nascita|luogo\s*di\s*nascita|place\s*of\s*birth|date\s*of\s*birth/i] },
  { id: 'marriage-certificate', title: [/结婚证|结婚登记/, /marriage\s*certificate|heirats\s*urkunde|ehe\s*urkunde|acte\s*de\s*mariage|certificado\s*de\s*matrimonio|acta\s*de\s*matrimonio|atto\s*di\s*matrimonio|certificato\s*di\s*matrimonio/i], hints: [/mariage\s*de|matrimonio\s*de|eheschlie[sß]ung|celebre/i] },
  { id: 'death-certificate', title: [/死亡证明/, /death\s*certificate|sterbe\s*urkunde|acte\s*de\s*deces|certificado\s*de\s*defuncion|atto\s*di\s*morte/i] },
  { id: 'no-criminal-record', title: [/无犯罪记录/, /police\s*(?:clearance|certificate)|criminal\s*record|fuhrungszeugnis|casier\s*judiciaire|antecedentes\s*penales|casellario\s*giudiziale/i] },
  { id: 'good-standing', title: [/存续证明/, /good\s*standing/i] },
  { id: 'board-resolution', title: [/董事会决议|股东会决议/, /board\s*resolution|resolutions?\s*of\s*the\s*board|written\s*resolution/i], hints: [/board\s*of\s*directors|resolved|quorum/i] },
  { id: 'declaration', title: [/^\s*声\s*明\s*书?\s*$/, /^\s*(?:statutory\s*)?declaration\s*$|^\s*affidavit\s*$/i], hints: [/声明人|本人郑重声明|solemnly\s*declare|do\s*hereby\s*declare/i] },
  { id: 'customs-declaration', title: [/报关单/, /customs\s*declaration/i] },
];

/** Titles that name a more particular paper than another title on the same page: a FORM E is also headed "certificate of origin". */
const OUTRANKS: Record<string, string> = { 'preferential-certificate-of-origin': 'certificate-of-origin' };

/** Forms put their title in a cell beside the first boxes: it can come a few lines down. */
const TITLE_LINES = 8;

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
const DESTINATION_CUES = /destination|exported\s*to|importing\s*(?:country|party)|consigned\s*to|目的国|目的地|consignee|收货人|buyer|sold\s*to|ship\s*to|买方|进口国|port\s*of\s*discharge|for\s*use\s*in|to\s*be\s*used\s*in|used\s*in|拟送往|送往|发往|寄往|供.{0,8}使用|在.{1,12}使用|在.{1,12}办理|受托人|\bin\s+(?:the\s+)?\p{Lu}/iu;
/** Lines about the way, not the end: a transhipment port, a notify party, the goods' origin. */
const UNRELATED_LINE = /\bvia\b|transhipment|transshipment|notify|country\s*of\s*origin|made\s*in|produced\s*in|port\s*of\s*loading|经由|转运|原产国/i;
/** The part of a line that names such a place ("… BY SEA VIA SINGAPORE"): cut before the line is read for a destination. */
const UNRELATED_PART = /\b(?:via|transhipment\s*(?:at|in)?|transshipment\s*(?:at|in)?)\s+[\p{L} ]+|notify\s*party.*$|country\s*of\s*origin.*$/giu;
const ISSUING_COUNTRY_LINE = /^\s*1\s*[.,]?\s*(?:country|pays|land|país|paese)\b|^\s*1\s*[.,]?\s*国家/i;

const ISSUERS: { kind: IssuerKind; pattern: RegExp }[] = [
  { kind: 'ccpit', pattern: /中国国际贸易促进委员会[^\s,，。]{0,12}委员会|中国国际贸易促进委员会|贸促会|中国国际商会|ccpit(?:\s+\p{L}+){0,3}\s*sub-?council|ccpit|china\s*council\s*for\s*the\s*promotion\s*of\s*international\s*trade(?:,\s*\p{L}+)?/iu },
  { kind: 'notary', pattern: /[^\s，。:：]{0,20}公证处|[\p{L} ]{0,40}notary\s*public\s*office|[\p{L} ]{0,40}notary\s*office/iu },
  { kind: 'court', pattern: /[^\s，。]{0,20}人民法院|people'?s\s*court|court\s*of\s*appeal|cour\s*d'appel/i },
  { kind: 'customs', pattern: /中华人民共和国[^\s，。]{0,8}海关|[^\s，。]{2,8}海关|customs\s*(?:of|house|office)/i },
  { kind: 'market_regulation', pattern: /[^\s，。:：]{0,12}市场监督管理局|administration\s*for\s*market\s*regulation|administration\s*for\s*industry\s*and\s*commerce|工商行政管理局/i },
  { kind: 'university', pattern: /[^\s，。:：]{0,12}(?:大学|学院)学位评定委员会|[^\s，。:：]{2,12}(?:大学|学院)|[\p{L} ]{0,30}university|academic\s*degrees\s*committee/iu },
];

/** Compatibility forms folded, accents dropped (OCR drops many of them anyway). */
/**
 * Who issues civil-status and company papers abroad, in the words of the paper: the
 * authority's name says the paper was issued outside China, and some names say where.
 */
const FOREIGN_AUTHORITIES: { pattern: RegExp; country?: string }[] = [
  { pattern: /standesamt|standesbeamt|bundesrepublik\s*deutschland|amtsgericht/i, country: 'DE' },
  { pattern: /republique\s*francaise/i, country: 'FR' },
  { pattern: /reino\s*de\s*espana/i, country: 'ES' },
  { pattern: /repubblica\s*italiana/i, country: 'IT' },
  { pattern: /companies\s*house|registrar\s*of\s*companies\s*for\s*(?:england|scotland|northern\s*ireland)|general\s*register\s*office/i, country: 'GB' },
  { pattern: /secretary\s*of\s*state\s*of\s*the\s*state\s*of|division\s*of\s*corporations|county\s*clerk/i, country: 'US' },
  { pattern: /mairie\s*de|officier\s*de\s*l.?etat\s*civil|etat\s*civil|registro\s*civil|stato\s*civile|comune\s*di|standesamt|registrar\s*of\s*companies|secretary\s*of\s*state|registry\s*office|civil\s*registry|apostille/i },
];

/** Words of the languages the paper may be written in besides Chinese and English: a paper in them was issued abroad. */
const FOREIGN_LANGUAGE_WORDS = /\b(?:der|die|das|und|geboren|den|le|la|les|et|de\s+la|du|des|ne\s+le|el|los|las|y|del|il|di|della|dello|nato|nata)\b/gi;

/** On the paper, China as the issuing state: an exporter's box, a letterhead, "issued in China", a company under Chinese law. */
const ISSUED_IN_CHINA = /issued\s*in\s*(?:the\s*)?(?:people'?s\s*republic\s*of\s*)?china|of\s*the\s*people'?s\s*republic\s*of\s*china\b|laws?\s*of\s*the\s*people'?s\s*republic\s*of\s*china|中华人民共和国/i;
/** A line naming a party of the paper whose address is where the paper comes from. */
const ORIGIN_PARTY = /exporter|shipper|seller|consigned\s*from|\bwe,|registered\s*office|出口商|发货人|委托人|申请人/i;

const normalise = (text: string) => text.normalize('NFKC').normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');

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
  const caption = options.caption?.trim() || undefined;
  // The caption is read as the user's own message would be: the same places, roles and direction.
  const said: Travel<PlaceMention> = caption ? readTravel(caption, placesIn(caption, tables.places)) : {};

  const ranked = rankDocuments(text, tables, caption, used);
  const [best, second] = ranked;
  const documentSure = !!best && best[1] >= 10 && best[1] - (second?.[1] ?? 0) >= 6;
  const documentConfidence = best ? Math.min(1, (best[1] - (second?.[1] ?? 0)) / 12) : 0;

  const apostilleSeen = findApostille(text, used);
  const issuer = findIssuer(text, apostilleSeen, best?.[0], used);
  const origin = readOrigin(text, tables, issuer, apostilleSeen, used);
  const { direction, directionSure } = decideDirection(origin, said, text);

  const place = direction === 'to_china' ? issuingCountry(origin, said, text, tables, apostilleSeen) : destinationCountry(text, tables, said);
  place.lines.forEach((l) => used.add(l));

  const ocrConfidence = lines.length ? lines.reduce((sum, l) => sum + l.confidence, 0) / lines.length / 100 : 0;
  const directionConfidence = directionSure ? 1 : 0.5;
  const confidence = Math.round(Math.min(ocrConfidence, documentConfidence, place.code ? place.confidence : 1, directionConfidence) * 100) / 100;

  return {
    document: documentSure ? best![0] : null,
    documentCandidates: ranked.slice(0, 4).map(([id]) => id),
    documentSure,
    country: place.sure ? place.code : null,
    countryCandidates: place.candidates,
    countrySure: place.sure,
    direction,
    directionSure,
    issuedIn: direction === 'from_china' ? (directionSure ? 'CN' : null) : place.sure ? place.code : null,
    issuer,
    apostilleSeen,
    confidence,
    linesUsed: text.filter((l) => used.has(l)),
  };
}

/** What the paper says about where it was issued: points for China and for abroad, and the foreign state if named. */
interface Origin {
  china: number;
  abroad: number;
  /** The foreign state an authority's name gives ("Standesamt" → DE). */
  country?: string;
}

function readOrigin(text: string[], tables: Tables, issuer: Issuer | null, apostilleSeen: boolean, used: Set<string>): Origin {
  const origin: Origin = { china: 0, abroad: 0 };
  const chineseIssuer = issuer && (['ccpit', 'market_regulation', 'customs'].includes(issuer.kind) || (issuer.kind !== 'foreign_authority' && /\p{Script=Han}/u.test(issuer.name ?? '')));
  if (chineseIssuer) origin.china += 3;
  if (text.some((l) => ISSUED_IN_CHINA.test(l))) origin.china += 3;
  const letters = text.join('').replace(/[^\p{L}]/gu, '');
  if (letters && (letters.match(/\p{Script=Han}/gu)?.length ?? 0) / letters.length > 0.3) origin.china += 2;
  // An exporter's or a letterhead's address in the mainland.
  const partyLines = text.flatMap((line, i) => (i < 3 || ORIGIN_PARTY.test(line) ? [line, text[i + 1] ?? ''] : []));
  if (partyLines.some((l) => findPlaces(l, tables.places).some((p) => p.kind === 'mainland-china'))) origin.china += 2;
  if (apostilleSeen && !chinaNamedAsIssuer(text)) origin.abroad += 4;
  for (const line of text) {
    const authority = FOREIGN_AUTHORITIES.find((a) => a.pattern.test(line));
    if (!authority) continue;
    origin.abroad = Math.max(origin.abroad, 3);
    origin.country ??= authority.country;
    used.add(line);
  }
  if ((text.join(' ').match(FOREIGN_LANGUAGE_WORDS)?.length ?? 0) >= 6) origin.abroad += 2;
  return origin;
}

/** The user's words first, then the paper's own "for use in China", then the weight of the evidence; too little of it is asked. */
function decideDirection(origin: Origin, said: Travel<PlaceMention>, text: string[]): { direction: Direction; directionSure: boolean } {
  if (said.direction && !said.third) return { direction: said.direction, directionSure: true };
  if (text.some((l) => PAPER_INTO_CHINA.test(l))) return { direction: 'to_china', directionSure: true };
  if (origin.china >= 2 && origin.china > origin.abroad) return { direction: 'from_china', directionSure: true };
  if (origin.abroad >= 2 && origin.abroad > origin.china) return { direction: 'to_china', directionSure: true };
  return { direction: 'from_china', directionSure: false };
}

interface PlaceReading {
  code: string | null;
  sure: boolean;
  candidates: string[];
  confidence: number;
  lines: string[];
}

/** A paper going out: the destination from its fields ("Country of destination", consignee, 拟送往…使用) or the caption. */
function destinationCountry(text: string[], tables: Tables, said: Travel<PlaceMention>): PlaceReading {
  const ranked = rankCountries(text, tables, false);
  const use = said.use?.kind === 'country' ? said.use.code : undefined;
  if (use) return { code: use, sure: true, candidates: [use, ...ranked.map((v) => v.code).filter((c) => c !== use)].slice(0, 4), confidence: 1, lines: [] };
  return fromVotes(ranked);
}

/** A paper coming in: the state an authority's name gives, the apostille's field 1, the caption, or the places on its header and authority lines. */
function issuingCountry(origin: Origin, said: Travel<PlaceMention>, text: string[], tables: Tables, apostilleSeen: boolean): PlaceReading {
  const issuing = said.issuing?.kind === 'country' ? said.issuing.code : undefined;
  if (issuing) return { code: issuing, sure: true, candidates: [issuing], confidence: 1, lines: [] };
  if (apostilleSeen) {
    const ranked = rankCountries(text, tables, true);
    if (ranked[0] && ranked[0].score >= 10) return fromVotes(ranked);
  }
  if (origin.country) return { code: origin.country, sure: true, candidates: [origin.country], confidence: 1, lines: [] };
  // Places on the header or an authority's line ("Registro Civil de Valencia", "State of Delaware").
  const header = text.filter((line, i) => i < 4 || FOREIGN_AUTHORITIES.some((a) => a.pattern.test(line)));
  return fromVotes(rankCountries(header, tables, false));
}

function fromVotes(ranked: CountryVote[]): PlaceReading {
  const [top, runnerUp] = ranked;
  const sure = !!top && top.score >= 3 && (!runnerUp || runnerUp.score * 3 <= top.score);
  return {
    code: top?.code ?? null,
    sure,
    candidates: ranked.slice(0, 4).map((v) => v.code),
    confidence: top ? Math.min(1, (top.score - (runnerUp?.score ?? 0)) / 6) : 0,
    lines: top ? [...top.lines] : [],
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
  for (const [particular, general] of Object.entries(OUTRANKS)) {
    const mine = scores.get(particular) ?? 0;
    if (mine >= 10 && scores.has(general)) scores.set(general, Math.min(scores.get(general)!, mine - 6));
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

/** Countries by score, best first: places on lines that say "destination" (or, in an apostille, field 1) count most; route and origin lines not at all. */
function rankCountries(text: string[], tables: Tables, apostilleSeen: boolean): CountryVote[] {
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
    else if (DESTINATION_CUES.test(line)) vote(line.replace(UNRELATED_PART, ' '), 6);
    else if (UNRELATED_LINE.test(line)) vote(line.replace(UNRELATED_PART, ' '), 1);
    else vote(line, afterCue > 0 ? 5 : 1);
    // "4. Country / region of destination" or "2. Consignee:" with nothing after: the value is on the next lines.
    const cueWithoutPlace = DESTINATION_CUES.test(line) && !findPlaces(line.replace(UNRELATED_PART, ' '), tables.places).some((m) => m.kind === 'country' && m.code !== 'CN');
    afterCue = cueWithoutPlace ? 3 : Math.max(0, afterCue - 1);
  }
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
