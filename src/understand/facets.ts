/**
 * What a message asks about its case: the route (the default), how long, how much,
 * where, what to bring, how to verify, translation, validity, what an apostille
 * certifies, what "double legalisation" means, the e-apostille, the savings. And the
 * gate for trade questions that name our documents but ask something else.
 * Patterns run on normalised text (NFKC, lower case, Simplified), so Traditional and
 * Cantonese wording (幾耐 → 几耐, 喺邊度 → 喺边度) is matched in its simplified form.
 */
import { normalizeText } from '../knowledge/analyze.ts';

export const FACETS = [
  'time',
  'fee',
  'time_saved',
  'savings',
  'where',
  'issuer',
  'materials',
  'verify',
  'translation',
  'validity',
  'certifies',
  'double_legalisation',
  'e_apostille',
  'excluded',
  'start_date',
  'signed',
  'looks',
] as const;
export type Facet = (typeof FACETS)[number];

const FACET_PATTERNS = {
  time: /多久|什么时候(?:能|可以)?(?:拿|取|领)|幾時(?:可以)?(?:拿|攞|取)|when\s+can\s+(?:we|i)\s+(?:pick|collect|get)|pick\s+(?:it\s+|them\s+)?up|express\s+(?:option|service)|多长时间|多長時間|几天|几日|几耐|几个工作日|几多日|多少天|要几|加急|急件|平件|当天|快点|快啲|how\s+long|\btiming\b|how\s+many\s+(?:working\s+|business\s+)?days|how\s+fast|how\s+quickly|turnaround|processing\s+time|urgent|expedit|rush\s+service|same[- ]day/u,
  fee: /多少钱|几钱|几多钱|收费|费用|价钱|价格|要钱|收几|how\s+much(?!\s+(?:time|longer|faster))|\bcosts?\b|\bfees?\b|\bprice\b|\bcharges?\b/u,
  time_saved: /(?:节省|省|快)(?:了)?(?:多少|几多)?(?:个)?(?:工作日|天|时间)|快多少|(?:time|days)\s+(?:\S+\s+){0,3}sav|sav\w*\s+(?:\S+\s+){0,3}(?:time|days)|how\s+much\s+(?:time|faster)|how\s+much\s+quicker/u,
  savings: /cheaper\s+than|比\S{0,10}便宜|便宜了|便宜多少|省钱|省了多少|节省|节约|慳|划算|值唔值|值不值|sav\w*\s+(?:\S+\s+){0,3}(?:money|costs?|fees?|yuan|rmb)|(?:money|costs?|fees?)\s+(?:\S+\s+){0,3}sav\w*|rip(?:ped)?\s+(?:us\s+)?off/u,
  where: /(?<!不一样|不同|区别|差别|差异|分别)(?:在哪|在哪里)(?!个国家)|本地办|当地办|在本地|在当地|locally|local\s+(?:office|fao)|哪里办|哪儿办|去哪|到哪|哪个部门|哪个机关|哪个单位|边度|喺边|哪个外办|跑北京|去北京|窗口|地址|where\b|which\s+(?:office|authority|department|agency|counter|window|embassy|consulate)|预约|預約|appointment|need\s+to\s+book\b|book\s+(?:an?\s+)?(?:appointment|slot)|哪个使馆|哪个领馆|(?:fly|flying|go|going|travel\w*|drive|head|come)\s+(?:up\s+|down\s+|over\s+|all\s+the\s+way\s+)?to\s+beijing|address/u,
  issuer: /谁(?:来)?(?:出|签|发|办|盖)|哪个(?:机关|部门)(?:出|签发)|是\S{0,8}出的还是|出具机关|签发机关|who\s+(?:exactly\s+|actually\s+)?(?:issues|does|can\s+issue|signs|gives|puts|affixes|apostilles)|who\s+is\s+the\s+(?:competent\s+)?authority|which\s+(?:authority|body)\s+(?:issues|apostilles)|notar\w*\s+(?:\S+\s+){0,5}(?:can|could|will)\s+(?:\S+\s+){0,2}(?:add|issue|do|put|affix|stamp)|他们就能加|他们就能办|公证员说|公证处说|公证处能不能|公证处可以办/u,
  materials: /材料|带什么|带啲乜|准备什么|准备哪些|要带|需要提交|提交什么|需要什么文件|需要哪些文件|what\s+(?:do\s+(?:we|i)\s+)?(?:need\s+to\s+)?bring|documents?\s+required|what\s+(?:papers|documents)\s+(?:do|are)|checklist|application\s+form/u,
  verify: /真伪|真假|(?:附加证明书|证书|文件|章|印)[^，。,.?？!！\s]{0,8}(?:是|系)(?:不是|唔係)?(?:假|真)的|证明(?:它|其)?(?:是|系)真的|假冒|伪造|偽造|怀疑\S{0,12}假|核查|核验|核实|查验|验证|查证|怎么查|如何查|genuine|verif|authentic(?!at)|\bfake\b|forged|check\s+(?:that|whether|if)\s+(?:the|an|our|this)\s+apostille|check\S*\s+(?:\S+\s+){0,4}(?:real|genuine|valid|legit)\b|check(?:ed)?\s+(?:(?:it|them|this|that)\s+)?online|online\s+check|confirm\w*\s+(?:\S+\s+){0,8}(?:is|are)\s+(?:real|genuine|authentic)/u,
  translation: /翻译|译本|译文|translat/u,
  validity: /有效期|过(?:咗|了)?期|失效|多久有效|有效多久|几耐有效|expire|expiry|expired|valid\s+for|validity|how\s+recent|\brecent\b|still\s+valid|近期出具|新近/u,
  certifies: /证明(?:了)?什么|证明\S{0,6}(?:学历|内容|数据|数字|信息|资料|成绩)\S{0,4}(?:是真的|真实|属实)|证明(?:咗|了)?\S{0,12}(?:数字|数据|内容)|(?:数字|数据|内容)\S{0,4}(?:系啱|啱|是对|是真的|正确|真实)|(?:内容|数字|数据|数目|金额)\S{0,12}(?:核实|核查|审核|核对|真实|正确|负责)|content\S*\s+(?:\S+\s+){0,4}(?:verified|checked|true|correct|accurate)|(?:figures|content|numbers|data|amounts?)\s+(?:are|is)\s+(?:true|correct|accurate|real)|prove\S*\s+(?:\S+\s+){0,6}(?:true|correct|accurate|right)|(?:verif\w*|check\w*|confirm\w*|guarante\w*)\s+(?:the\s+|our\s+|its\s+)?(?:\S+\s+){0,4}(?:results|content|figures|data|accuracy|numbers)|证明内容|内容(?:是否)?(?:真实|正确)|(?:保证|担保|证明)\S{0,6}(?:内容|数据|真实)|confirms?\s+(?:\S+\s+){0,6}(?:correct|true|accurate|content|figures)|certif(?:y|ies)\s+(?:the\s+)?(?:content|figures|accuracy)|what\s+(?:does|do)\s+(?:an?\s+|the\s+)?apostille\s+(?:certify|prove|confirm|mean)|vouch/u,
  double_legalisation: /双认证|两次认证|双重认证|double[- ]legali[sz]ation|two[- ]step\s+legali/u,
  excluded: /(?:领事馆|領事館|使馆|使館)\S{0,4}(?:发出|發出|出具|签发|簽發|开的|開的)|issued\s+by\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:embassy|consulate)|(?:被|是)?排除|不适用(?:于)?(?:公约|海牙)|公约不适用|不在公约(?:的)?范围|不属于公约|\bexclud\w*|not\s+covered\s+by\s+the\s+convention|outside\s+(?:the\s+)?(?:scope\s+of\s+the\s+)?convention|(?:can(?:'|no)t|cannot)\s+be\s+apostill/u,
  e_apostille: /电子(?:版)?附加证明|电子apostille|e-?apostille|electronic\s+apostille|网上(?:申请|办理)|online\s+(?:apostille|version|one)|electronic\s+(?:version|one)|电子版|电子的|网上办/u,
  start_date: /(?:什么时候|何时|几时|哪天|哪一天|哪年)(?:开始)?(?:生效|实施|适用|加入|用|使用)|(?:生效|实施)(?:日期|时间)|when\s+did\s+(?:the\s+)?(?:apostille\s+)?convention\s+(?:take\s+effect|start|begin|enter|apply)|when\s+did\s+china\s+(?:join|accede|start|begin)|did\s+china\s+start|when\s+did\s+(?:it|the\s+convention)\s+(?:actually\s+|really\s+)?(?:come\s+into\s+force|take\s+effect|start|apply)|since\s+when/u,
  signed: /哪年签|什么时候签|何时签|签订|签署于|(?:when|what\s+year)\s+(?:was|were)\s+(?:the\s+)?(?:apostille\s+|hague\s+)?convention\s+(?:signed|concluded|made)/u,
  looks: /贴纸|盖章还是|长什么样|什么样子|样式|长啥样|点样样|look\s+like|sticker|what\s+(?:does|do)\s+(?:an?\s+|the\s+)?(?:chinese\s+)?apostille\s+look/u,
} satisfies Record<Facet, RegExp>;

/** The facets asked, in a fixed order of importance (a fee and a time asked together both count). */
export function readFacets(text: string): Facet[] {
  const normal = normalizeText(text);
  const found = FACETS.filter((facet) => FACET_PATTERNS[facet].test(normal));
  // The narrower reading wins: "how much time is saved" is not a fee, "is the content verified" not a verification.
  return found.filter((facet) => !NARROWED_BY[facet]?.some((narrower) => found.includes(narrower)));
}

/** A facet dropped when a narrower one is also found. */
const NARROWED_BY: Partial<Record<Facet, Facet[]>> = {
  fee: ['time_saved'],
  time: ['time_saved'],
  savings: ['time_saved'],
  verify: ['certifies'],
  where: ['issuer'],
};

/** Trade topics outside our scope, even when a document of ours is named. */
const TRADE_TOPIC =
  /\bhs\s*(?:code|编码|\d)|hs编码|商品编码|税则|\btariff|duty\s+rate|preferential\s+(?:duty|tariff|rate)|关税|税率|\bl\/c\b|letter\s+of\s+credit|信用证|不符点|discrepanc|\bfreight\b|运费|海运费|空运费|\bvat\b|增值税|出口退税|退税|tax\s+refund|incoterm|\bfob\b|\bcif\b|报关单|改单|customs\s+(?:declaration|entry)\s+(?:\S+\s+){0,4}(?:wrong|error|amend|correct|change|fix)|\bbox\s*\d+|第\s*\d+\s*栏|第[一二三四五六七八九十]+栏|how\s+(?:do\s+i|to|should\s+we|do\s+we)\s+fill|怎么填|如何填|点样填|填写方法|origin\s+criterion|原产地标准|self[- ]declar|approved\s+exporter|自主声明|经核准出口商|罚款|penalt|customs\s+clearance|清关|通关|import\s+declaration|goods\s+(?:are\s+)?stuck|货(?:物)?被?扣|trademark|商标|\bpatent|专利|bank\s+charges?|手续费|\bfda\b|\bce\s*(?:mark|marking|认证|certif\w*)|\bfcc\b|\brohs\b|held\s+(?:up\s+)?(?:at|by)\s+(?:\S+\s+)?customs|customs\s+(?:hold|inspection|release)|release\s+(?:the\s+|our\s+)?(?:goods|cargo|containers?|shipment)|扣货|放行|section\s+301|\b(?:20|40)\s*(?:hq|gp|ft)\b|market\s+rate|海运价|柜价|anti-?dumping|反倾销|两用物项|兩用物項|dual[- ]use\s+(?:items?|goods|exports?)|(?:怎么|怎樣|怎样|如何|点样|點樣)申请\S{0,8}(?:许可证|許可證)|how\s+(?:to|do\s+(?:i|we)|can\s+(?:i|we))\s+(?:apply\s+for|get)\s+(?:an?\s+|the\s+)?(?:export|import)\s+licen[cs]e|notify\s*party|通知人|通知方|海关\S{0,4}查|海關\S{0,4}查|毛重|净重|淨重|gross\s+weight|net\s+weight|经营范围|經營範圍|business\s+scope|进出口权|進出口權|填错|填錯|写错|寫錯|打错|打錯|filled\s+(?:in\s+|out\s+)?wrong(?:ly)?|for\s+(?:two|multiple|several)\s+shipments|拒付|bank\s+(?:rejected|refused)|invoice\s+date|b\/l\s+date|抬头|抬頭|invoice\s+header|年检|年檢|年报|年報|annual\s+(?:inspection|report)|付款方式|payment\s+terms?|\bt\/t\s*\d|订金|訂金|\bfta\b|free\s+trade\s+agreement|自贸协定|自貿協定|zero\s+duty|零关税|零關稅|^\s*(?:pls\s+|please\s+|can\s+you\s+|could\s+you\s+)?translate\b|(?:英文|英语|西班牙语|法语|德语|日语)\S{0,3}怎么说|how\s+do\s+you\s+say/u;
/** Topics that are trade questions only when no document of ours is named ("a diploma for a work visa" is ours). */
const WEAK_TRADE_TOPIC =
  /\bclearance\b|\bcontainers?\b|查验|货柜|\bvisas?\b|签证|\bbooking\b|订舱|\bt\/t\b|\bd\/p\b|\bd\/a\b|payment\s+terms?|\bdeposit\b|cargo\s+insurance|\binsurance\b|exchange\s+rate|\bmoq\b|\bsamples?\b|shipping\s+marks?|\blabel(?:l)?ing\b|\bquotas?\b|\bsanctions?\b|dual[- ]use|\bwarranty\b|\bcommission\b|\bquotation\b|price\s+(?:quote|list\s+for)|income\s+tax|corporate\s+tax|company\s+registration\s+(?:cost|fee)|货代|貨代|空运|空運|拼箱|整柜|海运(?!提单)|一方|forwarders?\b|air\s*freight|付款方式|定金|尾款|保险|汇率|起订量|样品|唛头|配额|制裁|报价|佣金|验货|所得税|个税|注册公司(?:要)?(?:多少钱|费用)|开公司要多少钱|退货|索赔|物流|快递|清关费|\bshipping\b|\bdelivery\b|lead\s+time|transit\s+time|\bcourier\b|\bdhl\b|\bfedex\b|船期|交期|交货|发货|到港|运输时间/u;
const VISA_TOPIC = /visa[- ]free|transit\s+visa|\b\d{2,3}[- ]hour\b|\bz[- ]visa\b|\bvisa\s+(?:processing|application|fee|appointment|interview)|免签|过境|签证(?:费|办理|要多久|多久)/u;
/** Words that make a message ours whatever else it asks. */
const CERTIFICATION = /apostil|online\s+version|电子版|電子版|legali[sz]|附加证明|海牙|领事认证|使馆认证|双认证|notar|公证|\bcertified\b|\bcertify\b|consulate|embassy|使馆|领馆/u;

/** A trade question (HS codes, duties, L/C, freight, VAT refund, filling a form's box) that asks nothing about certification. */
export function isOffTopicTrade(text: string, documentNamed = false): boolean {
  const normal = normalizeText(text);
  // A visa question names an embassy or a passport, and is still not ours unless it asks about certifying.
  if (VISA_TOPIC.test(normal) && !/apostil|legali[sz]|附加证明|海牙|认证|notar|公证|certif/u.test(normal)) return true;
  if (CERTIFICATION.test(normal)) return false;
  if (TRADE_TOPIC.test(normal)) return true;
  // "发货到德国要什么认证" asks about certifying; "how long is shipping to Brazil" does not.
  return !documentNamed && WEAK_TRADE_TOPIC.test(normal) && !/认证|certif|attest|authenticat/u.test(normal);
}

/** Facets about the Convention itself, whatever the case: a message asking only these needs no verdict. */
export const GENERAL_FACETS: ReadonlySet<Facet> = new Set(['start_date', 'signed', 'looks', 'certifies', 'double_legalisation', 'validity', 'e_apostille', 'time_saved', 'savings']);
