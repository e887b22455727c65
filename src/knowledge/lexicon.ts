/**
 * Domain vocabulary for search: the words users type for one idea, in both
 * languages, mapped to a shared concept token. This is what lets "海牙认证",
 * "附加证明书" and "apostille" find the same entries, and what tells an
 * Apostille question from small talk: a question must name at least one
 * `domain` concept to be answered (see search.ts).
 *
 * Chinese terms are Simplified (queries are converted first); English terms are
 * lower case, several words allowed. Add what users type, not whole questions.
 */
export interface ConceptGroup {
  concept: string;
  /** Naming this concept makes a question in scope. */
  domain: boolean;
  terms: string[];
  /** Further concepts implied by every term of the group (e-apostille → electronic). */
  implies?: string[];
}

export const CONCEPTS: ConceptGroup[] = [
  { concept: 'apostille', domain: true, terms: ['附加证明书', '附加证明', '海牙认证', '海牙认证书', '海牙加签', 'apostille', 'apostilles', 'apostilled', 'apostil', 'apostila', 'apostillé', 'hague apostille'] },
  { concept: 'e-apostille', domain: true, implies: ['apostille', 'electronic'], terms: ['电子附加证明书', '电子海牙认证', 'e-apostille', 'e apostille', 'eapostille', 'e-app'] },
  { concept: 'legalization', domain: true, terms: ['领事认证', '使馆认证', '使领馆认证', '双认证', '大使馆认证', 'legalization', 'legalisation', 'legalize', 'legalise', 'legalized', 'legalised', 'legalizing', 'legalising', 'consular legalization', 'consular legalisation', 'embassy legalization', 'embassy legalisation', 'attestation'] },
  { concept: 'certify', domain: true, terms: ['认证', '认证书', 'certification', 'certify', 'certified', 'authentication', 'authenticate'] },
  { concept: 'convention', domain: true, terms: ['公约', '海牙公约', '取消外国公文书认证要求的公约', '取消外国公文书认证要求公约', 'convention', 'hague convention', 'treaty'] },
  { concept: 'convention', domain: true, implies: ['apostille'], terms: ['apostille convention', 'hague apostille convention', '海牙认证公约', '附加证明书公约'] },
  { concept: 'hague', domain: true, terms: ['海牙', 'hague', 'hcch', '海牙国际私法会议'] },
  { concept: 'ccpit', domain: true, terms: ['贸促会', '中国贸促会', '贸促', '中国国际贸易促进委员会', '国际贸促会', 'ccpit'] },
  { concept: 'commercial-certificate', domain: true, terms: ['商事证明书', '商事证明', '商业证明', 'commercial certificate', 'commercial certificates'] },
  { concept: 'certificate-of-origin', domain: true, terms: ['原产地证书', '原产地证明书', '原产地证明', '原产地证', '产地证书', '产地证', '原产地', 'certificate of origin', 'certificates of origin', 'origin certificate', 'co', 'coo'] },
  { concept: 'certificate', domain: true, terms: ['证书', '证明书', 'certificate', 'certificates'] },
  { concept: 'document', domain: true, terms: ['文件', '文书', '材料', '资料', '公文书', '公文', '单证', 'document', 'documents', 'doc', 'docs', 'paperwork', 'papers'] },
  { concept: 'public-document', domain: true, terms: ['公文书', 'public document', 'public documents'] },
  { concept: 'mfa', domain: true, terms: ['外交部', '领事司', '外交部领事司', 'mfa', 'ministry of foreign affairs', 'foreign ministry', 'foreign affairs ministry'] },
  { concept: 'fao', domain: true, terms: ['外事办公室', '外事办', '外办', '外事处', '地方外办', '省外办', '市外办', 'foreign affairs office', 'foreign affairs offices', 'fao'] },
  { concept: 'notary', domain: true, terms: ['公证', '公证书', '公证处', '公证员', '涉外公证', 'notary', 'notarise', 'notarize', 'notarised', 'notarized', 'notarisation', 'notarization', 'notarial', 'notaries'] },
  { concept: 'embassy', domain: true, terms: ['使馆', '大使馆', '领事馆', '使领馆', '领馆', 'embassy', 'embassies', 'consulate', 'consulates', 'consular'] },
  { concept: 'contracting-state', domain: true, terms: ['缔约国', '缔约方', '成员国', '缔约', 'contracting state', 'contracting states', 'contracting parties', 'contracting party', 'member states', 'member countries', 'signatory'] },
  { concept: 'customs', domain: true, terms: ['报关单', '报关', '海关', '报关资料', 'customs', 'customs declaration'] },
  { concept: 'power-of-attorney', domain: true, terms: ['授权委托书', '委托书', '授权书', 'power of attorney', 'poa'] },
  { concept: 'education', domain: true, terms: ['毕业证', '学位证', '学历证书', '学历', '成绩单', 'diploma', 'diplomas', 'degree certificate', 'transcript', 'transcripts'] },
  { concept: 'business-licence', domain: true, terms: ['营业执照', 'business licence', 'business license'] },
  { concept: 'translation', domain: false, terms: ['翻译', '译文', '翻译件', 'translation', 'translations', 'translate', 'translated', 'translator'] },
  { concept: 'verify', domain: false, terms: ['真伪', '核查', '查验', '核验', '验证', '查询', '查真伪', '辨别真假', '真假', 'verify', 'verification', 'genuine', 'fake', 'look up', 'lookup'] },
  { concept: 'validity', domain: false, terms: ['有效期', '过期', '失效', '有效期限', 'expire', 'expires', 'expiry', 'expiration', 'validity', 'valid'] },
  { concept: 'electronic', domain: false, terms: ['电子', '电子版', '电子化', 'electronic', 'digital'] },
  { concept: 'fee', domain: false, terms: ['费用', '收费', '多少钱', '价格', '收费标准', '花钱', 'fee', 'fees', 'cost', 'costs', 'price', 'charge', 'charges', 'rmb', 'yuan'] },
  { concept: 'duration', domain: false, terms: ['多久', '多长时间', '几天', '时限', '工作日', '多少天', '加急', 'how long', 'processing time', 'working days', 'urgent', 'express'] },
  { concept: 'save', domain: false, terms: ['节省', '节约', '省下', '能省', '省多少', '省钱', '省时间', 'save', 'saves', 'saving', 'savings'] },
  { concept: 'china', domain: false, terms: ['中国', '我国', '国内', '中华人民共和国', 'china', 'chinese', 'prc'] },
  { concept: 'mainland', domain: false, terms: ['内地', '大陆', 'mainland'] },
  { concept: 'hong-kong', domain: false, terms: ['香港', '港府', 'hong kong', 'hongkong', 'hk', 'hksar'] },
  { concept: 'macao', domain: false, terms: ['澳门', 'macao', 'macau', 'dsaj'] },
  { concept: 'india', domain: false, terms: ['印度', 'india', 'indian'] },
  { concept: 'kosovo', domain: false, terms: ['科索沃', 'kosovo'] },
  { concept: 'thailand', domain: false, terms: ['泰国', 'thailand', 'thai'] },
  { concept: 'uae', domain: false, terms: ['阿联酋', '迪拜', '阿拉伯联合酋长国', 'uae', 'dubai', 'emirates', 'united arab emirates'] },
  { concept: 'objection', domain: false, terms: ['异议', '反对', '不承认', 'objection', 'objected', 'object', 'objects'] },
  { concept: 'effective', domain: false, terms: ['生效', '实施', '实行', '施行', 'effect', 'effective', 'in force', 'entry into force', 'took effect', 'take effect'] },
  { concept: 'when', domain: false, terms: ['什么时候', '哪天', '哪一天', '几号', '何时', '什么时间', '从何时', '哪年', '哪一年', 'when', 'since when', 'what date', 'which date', 'what year', 'which year'] },
  { concept: 'apply', domain: false, terms: ['办理', '申请', '申办', '办', '递交', '受理', 'apply', 'application', 'applying', 'applied'] },
  { concept: 'how-to', domain: false, terms: ['怎么办', '怎么处理', '如何处理', '咋办', 'what now', 'what can i do', 'what should i do'] },
  { concept: 'difference', domain: false, terms: ['区别', '不同', '不一样', '差别', '差异', '有何不同', 'difference', 'differences', 'different', 'differ', 'vs', 'versus', 'compare', 'compared'] },
  // The other party of the deal: context in a message ("客户在巴西"), never its topic (see src/understand).
  { concept: 'customer', domain: false, terms: ['客户', '客人', '买家', '买方', '外商', '国外客户', '外国客户', '老外', 'customer', 'customers', 'client', 'clients', 'buyer', 'buyers'] },
  { concept: 'non-party', domain: true, terms: ['非缔约国', '非成员国', 'non-party', 'non party', 'non-member', 'not a party', 'not a member'] },
];

/** Function words that carry no meaning for retrieval. Question words stay: they separate "where" from "how long". */
export const STOPWORDS = new Set<string>([
  // en
  'a', 'an', 'the', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'do', 'does', 'did', 'i', 'me', 'my', 'we', 'us',
  'our', 'you', 'your', 'it', 'its', 'it\'s', 'to', 'of', 'for', 'in', 'on', 'at', 'with', 'and', 'or', 'can', 'could',
  'this', 'that', 'these', 'those', 'there', 'here', 'so', 'if', 'then', 'please', 'pls', 'plz', 'hi', 'hello', 'there',
  'any', 'some', 'about', 'from', 'by', 'will', 'would', 'should', 'shall', 'may', 'might', 'just', 'also', 'an', 's',
  'get', 'got', 'have', 'has', 'had', 'need', 'needs', 'needed', 'want', 'wants', 'still', 'yet', 'now', 'know', 'tell',
  // zh (Simplified; queries are converted first)
  '的', '了', '吗', '么', '呢', '吧', '啊', '呀', '嘛', '哦', '是', '在', '有', '和', '与', '及', '我', '我们', '你', '您',
  '他', '她', '它', '这', '那', '这个', '那个', '个', '也', '还', '都', '就', '要', '会', '能', '可以', '请问', '一下', '一个',
  '想', '想要', '需要', '能不能', '可不可以', '是不是', '要不要', '有没有', '会不会', '行不行', '不', '拿到', '拿', '得到', '取得', '弄', '请', '吧', '得', '着', '过', '给', '把', '被', '让', '从', '对', '为', '以', '及其', '或', '或者',
]);
