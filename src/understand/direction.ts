/**
 * Which way a document travels, read from how the message relates its places:
 * "our US parent sent … for our registration in Shanghai" is a US document coming
 * into China; "营业执照要寄去德国" is a Chinese one going out; "HK company docs going
 * to a bank in Frankfurt" is Hong Kong's own apostille. The one direction vocabulary
 * of the project: /check's one-line parser and the document reader use it too.
 */
import type { Direction } from '../check/rules.ts';

/** What a place is to the document: where it was issued, where it will be used, where the writer is. */
export type PlaceRole = 'origin' | 'use' | 'client' | 'located' | 'none';

/** A place as the reading needs it: its kind, where it sits in the text. */
export interface PlaceSpan {
  kind: 'country' | 'mainland-china' | 'taiwan';
  code?: string;
  /** The words that named it ("Australian", "深圳"). */
  matched?: string;
  start: number;
  end: number;
}

/** How the message moves the document: the two verdict directions, and Hong Kong/Macao/Taiwan to a third state. */
export interface Travel<P extends PlaceSpan> {
  /** undefined: the message does not say (the verdict assumes a Chinese document going out). */
  direction?: Direction;
  /** Where the document comes from, when the message names a place other than the mainland for it. */
  issuing?: P;
  /** Where the document will be used, when it is not the mainland. */
  use?: P;
  /** Issued in one foreign state for use in another: China is not on the way. */
  third?: boolean;
}

const HAN_WINDOW = 14;
/** The special administrative regions: their documents go abroad with their own apostille. */
export const SAR_CODES = new Set(['HK', 'MO']);
const LATIN_WINDOW = 48;

/** Right after a place: it is where the document comes from ("英国母公司的…", "US parent", "德国客户发过来的"). */
const ORIGIN_AFTER = [
  /^\s*(?:的|嘅|那边|那邊|嗰邊|方面|一家|一間|一间)?\s*(?:律师|律師|母公司|总公司|總公司|总部|總部|集团|集團|股东|股東|供应商|供應商|供货商|供貨商|厂商|廠商|厂家|廠家|工厂|工廠|合作方|合作伙伴|合伙人|合夥人|投资方|投資方|外方|公司|分公司|子公司|高等法院|高院|法院|政府|公证处|公證處|公证人|公證人|大学|大學|学校|學校)/u,
  /^\s*(?:的|嘅)?\s*(?:客户|客戶|客|公司|朋友|律师|律師|合作方|供应商|供應商|老板|老闆)?\s*(?:那边|那邊|嗰邊|方面)?\s*(?:发|發|寄|传|傳|送)(?:咗|了)?[^，。,.?？]{0,30}?(?:过|過)(?:来|來|嚟)|^\s*(?:的|嘅)?\s*(?:客户|客戶|客|公司|朋友|律师|律師|合作方|供应商|供應商)?\s*(?:那边|那邊|嗰邊|方面)?\s*(?:发|發|寄|传|傳|送)(?:来|來|嚟)/u,
  /^\s*(?:人|籍|公民|国籍|國籍)/u,
  /^\s*(?:[^，。,.?？]{0,6})?(?:登记的|登記的|注册的|註冊的|出生的|领的|領的|拿的|攞的|取得的|获得的|獲得的|考的|签发的|簽發的|读的|讀的|毕业的|畢業的)/u,
  /^\s*(?:的|嘅)\s*(?:文件|证书|證書|授权书|授權書|委托书|委託書|决议|決議|执照|執照|证明|證明|章程|合同|发票|發票|毕业证|畢業證|学位|學位|成绩单|成績單|判决|判決|注册证书|註冊證書|公证书|公證書|出生|结婚|結婚|无犯罪|無犯罪)/u,
  /^\s*(?:出具|签发|簽發|出的|开的|開的|开具|開具|办的|辦的|注册|註冊|读|讀|毕业|畢業|留学|留學)/u,
  /^[\s-]*(?:based\s+)?(?:holding\s+|parent\s+|trading\s+|mother\s+)?(?:parent|partner|supplier|head\s*office|hq|headquarters|subsidiary|company|companies|co\.?|firm|entity|registry|court|government|authorit\w*|notary|universit\w*|school|manufacturer|factory|shareholder|investor|director|JV\s+partner|side|docs?|documents?|papers?|certificates?)\b/iu,
  /^(?:'s|’s)\s/u,
  /^[\s-]*(?:registered|incorporated|based|issued|made)\b/iu,
  /^[\s-]*(?:[\w-]+\s+)?(?:certificates?|diplomas?|degrees?|licen[cs]es?|extracts?|judg(?:e)?ments?|resolutions?|deeds?|transcripts?)\b/iu,
  /^\s*[\w-]+\s+(?:has\s+|have\s+|just\s+)?(?:sent|send|sends|mailed|gave|provided|forwarded|emailed)\s+(?:us|me|over|their|its|his|her|a|an|the|some|our|two|three)\b/iu,
  /^\s*high\s+court\b/iu,
  // "philippine distributor's SEC certificate": a party of that place whose paper it is.
  /^[\s-]*[\w-]+(?:'s|’s)\s+(?!bank|court|office|authorit|registry|customs|embassy|consulate)/iu,
  /^[\s-]*(?:distributor|agent|customer|client|buyer|director|shareholder|investor|employee|staff|husband|wife)s?\s+(?:has\s+|have\s+|just\s+)?(?:sent|signed|got|obtained|issued|provided)\b/iu,
  /^\s*(?:的|嘅)?\s*(?:附加证明书|附加證明書|海牙认证|海牙認證|apostille)/iu,
];

/** Right before a place: it is where the document comes from ("partner in Mumbai", "from Japan", "我在澳洲读"). */
const ORIGIN_BEFORE = [
  /\b(?:from(?:\s+our|\s+my)?|issued\s+(?:in|by)|signed\s+(?:\S+\s+){0,5}in|(?:notarised|notarized|certified|signed)\s+by\s+(?:a|the)\s+(?:local\s+)?notary\s+in|(?:parent|partner|supplier|head\s+office|hq|headquarters|shareholder|investor|manufacturer|university|school|notary|registry)(?:\s+\w+)?\s+(?:is\s+)?(?:in|at)|based\s+in|registered\s+in|incorporated\s+in|studied\s+in|graduated\s+in|degree\s+(?:from|in))\s+(?:the\s+)?$/iu,
  /(?:来自|來自|从|從|由)\s*$/u,
  // "I finished my MBA in Boston", "got my degree at a school in Lyon": a past study is where a diploma comes from.
  /\b(?:finished|completed|did|got|earned|obtained|received|took)\s+(?:my|his|her|our|a|an|the)\s+(?:[\w'’-]+\s+){0,3}(?:in|at|from)\s+(?:the\s+)?$/iu,
  /\b(?:i'm|i\s+am|he\s+is|she\s+is|he's|she's|(?:my\s+)?(?:husband|wife|partner|employee|colleague)\s+is)\s+(?:an?\s+)?$/iu,
  /(?:老公|老婆|丈夫|妻子|太太|先生|员工|員工|同事|我|他|她)(?:是|係)\s*$/u,
  // "an apostille in Hong Kong" is issued there; "use an apostille in India" is not.
  /(?<!\b(?:use|using|accept\w*|valid)\s+(?:an?\s+|the\s+|our\s+)?)\bapostilles?\s+(?:in|from|issued\s+in)\s+$/iu,
];

/** Right before a place: it is where the document goes ("寄去德国", "for use in Tianjin", "buyer in Poland"). */
const USE_BEFORE = [
  /(?:寄去|寄到|寄往|寄畀|发往|發往|发去|發去|发到|發到|送去|送到|送往|拿去|拿到|攞去|带去|帶去|带到|帶到|交给|交給|交去|出口到|出口去|出口|卖到|賣到|卖去|賣去|运往|運往|运到|運到|发货到|發貨到|去|到|往|给|給|畀)\s*$/u,
  /\b(?:to|into|for\s+use\s+in|used\s+in|use\s+(?:it\s+|them\s+)?in|going\s+to|goes\s+to|go\s+to|shipping\s+to|ship(?:ped)?\s+to|sending\s+(?:it\s+|them\s+)?to|send(?:\s+it|\s+them)?\s+to|sent\s+to|export(?:ing|ed|s)?\s+to|file[ds]?\s+in|filing\s+in|registration\s+in|register(?:ed|ing)?\s+in|(?:account|branch)\s+in|(?:court|bank|office|wfoe|jv|subsidiary|entity|authority|bureau|registry|amr|employer|hr|hospital|kindergarten|landlord)\s+in|(?:buyer|customer|client|importer|consignee|distributor|receiver|recipient)s?\s+(?:(?:is|are|was|were)\s+)?(?:in|at|from)|(?:to|for)\s+(?:a|an|our|the|my)\s+(?:lawyer|attorney|solicitor|counsel|court|bank|factory|plant|branch|subsidiary|office|wfoe|jv)\s+(?:in|at)|for\s+(?:a|our|the|my)\s+(?:buyer|customer|client|importer)s?\s+in|tender\s+in|(?:wedding|marriage|study|studies|studying|master'?s|phd|job|work|residence|visa|permit|school|university|college)\s+in|(?:sue|suing|sued)\s+(?:them\s+|him\s+|her\s+)?(?:in|at)|(?:lawsuit|litigation|proceedings?|case|arbitration)\s+(?:in|at|before)|(?:needed|required|requested|wanted|used)\s+by\s+(?:our|the|a)|(?:needed|required|used|valid|accepted)\s+in|(?:to|for)\s+(?:our|their)|(?<!\b(?:apply|applying|applied|ask|asking|wait|waiting|pay|paying|paid|time|fee|cost)\s+)for)\s+(?:the\s+)?$/iu,
];

/** Right after a place: the document is used there ("在深圳开户", "在苏州办家属居留", "bank wants"). */
const USE_AFTER = [
  /^\s*(?:的|嘅)?\s*(?:法院|银行|銀行|开户|開戶|使用|用|登记|登記|注册用|註冊用|递交|遞交|提交|市场监管|市場監管|场监管|場監管|工商|外资公司|外資公司|公司用|入职|入職|上市|诉讼|訴訟|打官司|海关|海關|招标|招標|投标|投標|大使馆|大使館|使馆|使館|领事馆|領事館)/u,
  /^\s*(?:做|办|辦|搞|开|開|申请|申請|上|入|读|讀)?\s*(?:家属|家屬)?(?:变更|變更|登记|登記|注册|註冊|开户|開戶|诉讼|訴訟|居留|工作签证|工作簽證|签证|簽證|工作许可|工作許可|工作证|工作證|户口|戶口|落户|落戶|入学|入學|入职|入職|(?:开|開|注册|註冊|设立|設立)(?:公司|分公司|代表处|代表處|办事处|辦事處)|结婚登记|結婚登記)/u,
  /^[\s-]*(?:bank|court|tender|authorit\w*\s+(?:require|want|ask)\w*|embassy|consulate)s?\b/iu,
];

/** Right after a place: a customer there ("巴西客户要…", "Saudi customer"): where our papers usually go, unless the papers are theirs. */
const CLIENT_AFTER = [
  /^\s*(?:的|嘅)?\s*(?:客户|客戶|客人|买家|買家|买方|買方|进口商|進口商|收货人|收貨人|经销商|經銷商|代理)/u,
  /^[\s-]*(?:buyer|customer|client|importer|consignee|distributor|dealer)s?\b/iu,
];

/** "court in Ningbo", "our Shanghai WFOE": in the mainland, a court or office is where a paper is used. */
const USED_THERE_EN = /^[\s-]*(?:maritime\s+|intermediate\s+|people'?s\s+|district\s+|commercial\s+)*(?:court|amr|samr|bank|branch|office|factory|wfoe|jv|subsidiary)\b/iu;
/** "在杭州法院用", "喺廣州法院用": a court or bank that uses the document, not one that issued it. */
const USED_THERE = /^\s*(?:的|嘅)?\s*(?:(?:中级|中級|高级|高級|基层|基層)?(?:人民)?法院|银行|銀行|市场监管局|市場監管局|公司)?\s*(?:用|使用|开户|開戶|起诉|起訴|立案|递交|遞交)/u;

/** "我们在宁波", "we are in Ningbo", "我们公司在深圳": where the writer is, not where the document goes. */
const LOCATED_BEFORE = [/(?:我们|我們|我哋|我司|本公司|公司|工厂|工廠|我)\s*(?:是|係|在|喺|位于|位於)\s*$/u, /\b(?:we\s+are|we're|i\s+am|i'm|we\s+are\s+based|based|located|our\s+(?:company|factory|office)\s+is)\s+(?:in|at)\s+$/iu];

/** Phrases that alone say a foreign document is coming to be used in the mainland. */
export const INTO_CHINA_PHRASES = [
  /\b(?:use[ds]?|using|accepted|filed|registered)\b[^.?!]{0,40}\bin\s+(?:mainland\s+)?china\b/i,
  /\b(?:for use|to be used)\s+in\s+(?:mainland\s+)?china\b/i,
  /\b(?:into|to)\s+(?:mainland\s+)?china\b/i,
  /\bfor\s+(?:use\s+in\s+)?(?:the\s+)?mainland\b/i,
  /\b(?:sent|send|mailed|sending)\s+(?:me|us|over)\b/i,
  /\b(?:they|he|she|customer|supplier|partner|distributor)\s+(?:has\s+|have\s+|just\s+)?sent\s+(?:their|his|her|its|the|a|us|over)\b/i,
  /\b(?:foreign|overseas)\s+(?:documents?|docs?|papers?|company|parent|partner|supplier|investor)\b/i,
  /\b(?:our|my)\s+(?:wfoe|jv|chinese\s+subsidiary|china\s+entity)\b/i,
  /\b(?:work|residence)\s+permit(?!\s+(?:in|for)\s+(?!(?:mainland\s+)?china\b))|\bz[- ]visa\b|\bhired\s+by\s+a\s+(?:chinese\s+)?company\s+in\b|\bjob\s+in\s+china\b/i,
  /来华|來華|寄来|寄來|寄过来|寄過來|寄過嚟|寄过嚟|寄回来|寄回來|寄返|带回|帶回|拿来|拿來|攞嚟|送来|送來|发过来|發過來|(?:拿|拎|带|帶|送|寄|攞)(?:到|去|来|來|返|回)(?:中国|中國|内地|內地|大陆|大陸|国内|國內)|(?:寄|发|發|送)(?:咗|了)[^，。,.?？]{0,30}?(?:过|過)(?:来|來|嚟)|(?:到|进|進|在|喺|回)(?:中国|中國|内地|內地|大陆|大陸|国内|國內)(?:使用|用|入职|入職|工作|开户|開戶|注册|註冊|登记|登記)|(?:国内|國內)(?:公司|单位|單位|银行|銀行|法院)|外国(?:公司)?(?:的)?文件|外國(?:公司)?(?:的)?文件|国外(?:的)?文件|國外(?:的)?文件|外资公司|外資公司|外商投资|外商投資/u,
];

/** "客户要我们的营业执照", "buyer wants our CO": with a customer abroad, our own papers go to them. */
const OUR_PAPERS = /我们|我們|我哋|我司|本公司|\bour\b|\bwe\b/iu;

/** Phrases that alone say a Chinese document is going abroad. */
export const OUT_OF_CHINA_PHRASES = [/\bfrom\s+(?:mainland\s+)?china\b/i, /\bexport(?:s|ing|ed|er|ers)?\b/i, /从中国|從中國|出国|出國|出口|寄去|寄到国外|送去国外|发往|發往|在国外使用|在國外使用|国外使用|國外使用|境外使用/u];

const OFFICE_AFTER = /^\s*(?:的)?\s*(?:市|省)?(?:外办|外辦|外事|公证处|公證處|贸促会|貿促會|外交部|fao\b|foreign\s+affairs)/iu;
const WANTS_AFTER = /^[\s-]*(?:court|bank|authorit\w*|embassy|consulate|buyer|customer|client|registry|government|side|tender|notary|lawyer|solicitor|attorney|university|employer|school|partner)s?\s+(?:(?:is|are|can|could|will|would|may|must)\s+)?(?:check|verify|accept|wants?|requires?|needs?|asks?|requests?|demands?|asking|requesting|requiring|demanding|wanting)\b/iu;
/** "the certificate of incorporation of our UK subsidiary": the place the paper belongs to. */
const OF_BEFORE = /\bof\s+(?:our|the|their|its|his|her)\s+$/iu;
const NATIONALITY_BEFORE = /\b(?:is|are|am|'m|’m)\s+(?:an?\s+)?$/iu;
const DEMONYM = /[a-z](?:an|ese|ish|i|ch|ic)$/iu;
/** "Board resolution from our Hangzhou HQ": a mainland place the papers come from. */
const FROM_BEFORE = /(?:\bfrom(?:\s+our|\s+my|\s+the|\s+an?)?|从|從|由)\s*$/iu;

/** "is Vietnam …", "does Thailand …": a question about the state itself. */
const STATUS_BEFORE = /\b(?:is|are|was|were|does|do|has|have)\s+(?:the\s+)?$/iu;
/** A trip to the mainland place, or a visit for the certifying itself: the place is an office's, not the paper's use. */
const TRIP_BEFORE = /\b(?:fly|flying|go|going|travel\w*|drive|driving|come|coming|head|heading)\s+(?:up\s+|down\s+|over\s+|all\s+the\s+way\s+)?to\s+$/iu;
const FOR_CERTIFYING_AFTER = /^\s*for\s+(?:the\s+|an?\s+)?(?:apostille|legali[sz]ation|notari[sz]ation|authentication)/iu;
/** "for a Japanese JV partner", "for our UK buyer": the party a paper is for. */
const FOR_RECIPIENT_BEFORE = /\bfor\s+(?:a|an|our|my|the|their)\s+(?:new\s+)?$|\bfor\s+(?:a|an|our|my|the|their)\s+(?:[\w-]+\s+){0,3}(?:partner|buyer|customer|client|importer|distributor|bank|lawyer|court|employer)s?\s+(?:in|at)\s+$/iu;

/** "中国驻法国使馆", "the embassy in London": a place named for an embassy is neither issuer nor destination. */
const EMBASSY_BEFORE = [/(?:驻|駐)\s*$/u, /\b(?:embassy|consulate|mission)\s+(?:in|of)\s+(?:the\s+)?$/iu];

export function roleOf(text: string, place: PlaceSpan): PlaceRole {
  const before = text.slice(Math.max(0, place.start - LATIN_WINDOW), place.start);
  const hanBefore = before.slice(-HAN_WINDOW);
  const after = text.slice(place.end, place.end + LATIN_WINDOW);
  if (EMBASSY_BEFORE.some((p) => p.test(before))) return 'none';
  // "fly up to Beijing for the apostille": a trip to an office, not where the paper is used.
  if (place.kind === 'mainland-china' && (TRIP_BEFORE.test(before) || FOR_CERTIFYING_AFTER.test(after))) return 'none';
  // "licence … for a Japanese JV partner": whom a paper is for is where it goes.
  if (FOR_RECIPIENT_BEFORE.test(before)) return 'use';
  // "the US court wants our company's docs": who asks for a paper is where it goes.
  if (WANTS_AFTER.test(after)) return 'use';
  if (USED_THERE.test(after) || (place.kind === 'mainland-china' && USED_THERE_EN.test(after))) return 'use';
  // "去沈阳外办还是北京": an office one applies at, not where the paper is used.
  if (place.kind === 'mainland-china' && OFFICE_AFTER.test(after)) return 'none';
  // "the new director is Australian": a nationality is where a person's papers come from.
  if (NATIONALITY_BEFORE.test(before) && DEMONYM.test(place.matched ?? '')) return 'origin';
  // "Is Vietnam apostille now?", "Are the Philippines apostille yet?": a question about the state's status, not its paper.
  if (STATUS_BEFORE.test(before) && /^\s*(?:an?\s+)?apostille\b/iu.test(after)) return 'none';
  if (ORIGIN_AFTER.some((p) => p.test(after))) {
    // "香港公司的注册证书要拿去深圳" and "US parent": what follows the place makes it the issuer.
    return 'origin';
  }
  if (LOCATED_BEFORE.some((p) => p.test(hanBefore) || p.test(before))) return 'located';
  if (ORIGIN_BEFORE.some((p) => p.test(before) || p.test(hanBefore))) return 'origin';
  if (USE_BEFORE.some((p) => p.test(before) || p.test(hanBefore)) || USE_AFTER.some((p) => p.test(after))) return 'use';
  if (CLIENT_AFTER.some((p) => p.test(after))) return 'client';
  return 'none';
}

/**
 * The direction and the places' roles. Mainland places matter only as where a foreign
 * document is used; every other place is an issuer or a destination by its role.
 */
export function readTravel<P extends PlaceSpan>(text: string, places: readonly P[]): Travel<P> {
  const roles = places.map((place) => ({ place, role: roleOf(text, place) }));
  const abroad = roles.filter((r) => r.place.kind !== 'mainland-china');
  // Of several issuers, the one the paper belongs to ("…of our UK subsidiary") before one that merely holds it.
  const origins = abroad.filter((r) => r.role === 'origin').map((r) => r.place);
  const origin = origins.find((p) => OF_BEFORE.test(text.slice(Math.max(0, p.start - 16), p.start))) ?? origins[0];
  const same = (a: PlaceSpan, b: PlaceSpan | undefined) => b !== undefined && a.kind === b.kind && a.code === b.code;
  const use = abroad.find((r) => r.role === 'use' && !same(r.place, origin))?.place;
  const client = abroad.find((r) => r.role === 'client' && !same(r.place, origin))?.place;
  const mainland = roles.filter((r) => r.place.kind === 'mainland-china');
  const mainlandUse = mainland.some((r) => r.role === 'use') || INTO_CHINA_PHRASES.some((p) => p.test(text));
  // "Board resolution from our Hangzhou HQ … bank in Melbourne": a mainland paper going out.
  const mainlandOrigin = mainland.some((r) => r.role === 'origin' && FROM_BEFORE.test(text.slice(Math.max(0, r.place.start - 12), r.place.start)));
  if (mainlandOrigin && (use || client || origin)) return { direction: 'from_china', use: (use ?? client ?? origin)! };
  // A Hong Kong, Macao or Taiwan document with no destination named, and no mainland place: its route is not said.
  if (origin && !use && !mainlandUse && !mainland.length && origin.kind === 'country' && SAR_CODES.has(origin.code ?? '')) return { issuing: origin };
  // A Japanese paper for a German buyer: a matter between those two states, not China's.
  if (origin && use && !mainlandUse && origin.kind === 'country' && !SAR_CODES.has(origin.code ?? '') && use.kind === 'country') return { issuing: origin, use, third: true };
  // A foreign place of use outweighs a mainland office named on the way ("拿去葡萄牙用，要去北京外交部办吗").
  if (use) return { direction: 'from_china', use, ...(origin ? { issuing: origin } : {}) };
  if (origin) return { direction: 'to_china', issuing: origin };
  // A customer abroad: our papers go to them, unless the papers are to be used here ("they sent their CR … we sue in Yiwu").
  if (client) return mainlandUse ? { direction: 'to_china', issuing: client } : { direction: OUR_PAPERS.test(text) || OUT_OF_CHINA_PHRASES.some((p) => p.test(text)) ? 'from_china' : undefined, use: client };
  const unplaced = abroad.find((r) => r.role === 'none' || r.role === 'located')?.place;
  if (mainlandUse && unplaced && !OUT_OF_CHINA_PHRASES.some((p) => p.test(text))) return { direction: 'to_china', issuing: unplaced };
  if (mainlandUse && !abroad.length) return { direction: 'to_china' };
  if (abroad.length) return { direction: OUT_OF_CHINA_PHRASES.some((p) => p.test(text)) ? 'from_china' : undefined, use: abroad[0]!.place };
  return {};
}

/** A Hong Kong or Macao document going to a third state (or to no place named): the SAR's own apostille. */
export function sarAbroad(travel: Travel<PlaceSpan>, places: readonly PlaceSpan[]): 'HK' | 'MO' | undefined {
  const code = travel.issuing?.kind === 'country' ? travel.issuing.code : undefined;
  if (!code || !SAR_CODES.has(code) || travel.direction === 'to_china') return undefined;
  // With no destination named, a mainland place means the mainland is where it goes.
  if (!travel.use && places.some((p) => p.kind === 'mainland-china')) return undefined;
  const use = travel.use;
  return !use || (use.kind === 'country' && !SAR_CODES.has(use.code ?? '')) ? (code as 'HK' | 'MO') : undefined;
}

/**
 * A one-line /check ("birth certificate from Germany to China") states the direction in
 * a few fixed words, which are cut out before the document and the place are read.
 */
export const CHECK_LINE_INTO_CHINA = [/\b(?:to|into|in|for use in)\s+(?:mainland\s+)?china\b/i, /来华|來華|到中国|到中國|在中国|在中國|入境|进中国|進中國|国内使用|國內使用|→\s*中国/];
export const CHECK_LINE_FROM_CHINA = [/\bfrom\s+china\b/i, /从中国|從中國|出国|出國/];
/** On the paper itself: a document that says it is for use in China. */
export const PAPER_INTO_CHINA = /for\s*use\s*in\s*(?:the\s*people'?s\s*republic\s*of\s*)?china|在中国(?:境内)?使用|来华使用/i;
