/**
 * Place names beyond the country table: the names people type for territories,
 * regions of a country, mainland China's provinces and cities, and Taiwan.
 * Geography, not Convention facts: territories and their sovereign follow
 * ISO 3166-1 (the territory's own code) and ISO 3166-2 (subdivisions such as
 * GB-NIR, FR-GF, CN-NM); Chinese names follow mainland usage.
 */

/** ISO 3166-1 codes of territories whose documents come under another state, with that state. */
export const SOVEREIGN_OF: Record<string, string> = {
  // France: overseas departments and collectivities
  GF: 'FR', GP: 'FR', MQ: 'FR', RE: 'FR', YT: 'FR', PM: 'FR', BL: 'FR', MF: 'FR', NC: 'FR', PF: 'FR', WF: 'FR', TF: 'FR',
  // United States
  PR: 'US', AS: 'US', GU: 'US', VI: 'US', MP: 'US', UM: 'US',
  // United Kingdom: overseas territories and Crown dependencies
  GI: 'GB', BM: 'GB', KY: 'GB', VG: 'GB', AI: 'GB', MS: 'GB', TC: 'GB', FK: 'GB', SH: 'GB', IO: 'GB', GS: 'GB', PN: 'GB', GG: 'GB', JE: 'GB', IM: 'GB',
  // Kingdom of the Netherlands
  AW: 'NL', CW: 'NL', SX: 'NL', BQ: 'NL',
  // Denmark, Norway, Finland, Australia, New Zealand
  GL: 'DK', FO: 'DK', SJ: 'NO', BV: 'NO', AX: 'FI', CX: 'AU', CC: 'AU', NF: 'AU', HM: 'AU', TK: 'NZ',
};

export interface RegionNames {
  en: string;
  zh: string;
  /** Further names and spellings, either language. */
  aliases?: string[];
}

/** Parts of a country people name instead of the country (ISO 3166-2 subdivisions and islands). */
export const REGIONS: Record<string, RegionNames[]> = {
  GB: [
    { en: 'England', zh: '英格兰' },
    { en: 'Scotland', zh: '苏格兰' },
    { en: 'Wales', zh: '威尔士' },
    { en: 'Northern Ireland', zh: '北爱尔兰', aliases: ['N. Ireland', 'Ulster'] },
  ],
  US: [
    ...[
      'Alabama', 'Arizona', 'Arkansas', 'Colorado', 'Connecticut', 'Delaware', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas',
      'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
      'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
      'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming',
    ].map((en) => ({ en, zh: en })),
    // Georgia is left out on purpose: typed alone it is the country.
    { en: 'California', zh: '加利福尼亚州', aliases: ['加州', '加利福尼亚'] },
    { en: 'Texas', zh: '得克萨斯州', aliases: ['德州', '德克萨斯'] },
    { en: 'Florida', zh: '佛罗里达州', aliases: ['佛罗里达'] },
    { en: 'New York', zh: '纽约', aliases: ['纽约州', 'NYC', 'NY', 'New York City'] },
    { en: 'Washington', zh: '华盛顿州', aliases: ['Washington State', 'Washington DC', 'Washington D.C.', 'District of Columbia', '华盛顿'] },
    { en: 'Hawaii', zh: '夏威夷', aliases: ['夏威夷州'] },
    { en: 'Alaska', zh: '阿拉斯加', aliases: ['阿拉斯加州'] },
  ],
  CA: [
    { en: 'Ontario', zh: '安大略省', aliases: ['安大略'] },
    { en: 'Quebec', zh: '魁北克省', aliases: ['Québec', '魁北克'] },
    { en: 'British Columbia', zh: '不列颠哥伦比亚省', aliases: ['BC Canada'] },
    { en: 'Alberta', zh: '阿尔伯塔省', aliases: ['阿尔伯塔'] },
  ],
  AU: [
    { en: 'New South Wales', zh: '新南威尔士州', aliases: ['新南威尔士'] },
    { en: 'Queensland', zh: '昆士兰州', aliases: ['昆士兰'] },
    { en: 'Tasmania', zh: '塔斯马尼亚州', aliases: ['塔斯马尼亚'] },
  ],
  ES: [
    { en: 'Canary Islands', zh: '加那利群岛', aliases: ['Canaries'] },
    { en: 'Catalonia', zh: '加泰罗尼亚', aliases: ['Catalunya'] },
  ],
  PT: [
    { en: 'Madeira', zh: '马德拉' },
    { en: 'Azores', zh: '亚速尔群岛' },
  ],
  IT: [
    { en: 'Sicily', zh: '西西里' },
    { en: 'Sardinia', zh: '撒丁岛' },
  ],
  FR: [
    { en: 'Corsica', zh: '科西嘉' },
    { en: 'Tahiti', zh: '大溪地', aliases: ['塔希提'] },
  ],
};

/**
 * Major foreign cities exporters name ("our partner in Mumbai", "迪拜客户", "慕尼黑"): each stands for its state,
 * like a region. Well-known geography, not a fact about the Convention.
 */
export const FOREIGN_CITIES: Record<string, RegionNames[]> = {
  IN: [{ en: 'Mumbai', zh: '孟买', aliases: ['Bombay'] }, { en: 'New Delhi', zh: '新德里', aliases: ['Delhi', '德里'] }, { en: 'Bangalore', zh: '班加罗尔', aliases: ['Bengaluru'] }, { en: 'Chennai', zh: '金奈', aliases: ['Madras'] }, { en: 'Kolkata', zh: '加尔各答' }],
  AE: [{ en: 'Dubai', zh: '迪拜', aliases: ['迪拜市'] }, { en: 'Abu Dhabi', zh: '阿布扎比' }, { en: 'Sharjah', zh: '沙迦' }],
  DE: [{ en: 'Munich', zh: '慕尼黑', aliases: ['München', 'Muenchen'] }, { en: 'Frankfurt', zh: '法兰克福', aliases: ['Frankfurt am Main'] }, { en: 'Hamburg', zh: '汉堡' }, { en: 'Berlin', zh: '柏林' }, { en: 'Cologne', zh: '科隆', aliases: ['Köln'] }, { en: 'Düsseldorf', zh: '杜塞尔多夫', aliases: ['Dusseldorf', 'Duesseldorf'] }, { en: 'Stuttgart', zh: '斯图加特' }],
  CA: [{ en: 'Toronto', zh: '多伦多' }, { en: 'Vancouver', zh: '温哥华' }, { en: 'Montreal', zh: '蒙特利尔', aliases: ['Montréal'] }],
  JP: [{ en: 'Tokyo', zh: '东京' }, { en: 'Osaka', zh: '大阪' }, { en: 'Yokohama', zh: '横滨' }, { en: 'Nagoya', zh: '名古屋' }],
  KR: [{ en: 'Seoul', zh: '首尔', aliases: ['汉城'] }, { en: 'Busan', zh: '釜山' }],
  GB: [{ en: 'London', zh: '伦敦' }, { en: 'Manchester', zh: '曼彻斯特' }, { en: 'Birmingham', zh: '伯明翰' }],
  FR: [{ en: 'Paris', zh: '巴黎' }, { en: 'Lyon', zh: '里昂' }, { en: 'Marseille', zh: '马赛' }],
  IT: [{ en: 'Milan', zh: '米兰', aliases: ['Milano'] }, { en: 'Rome', zh: '罗马', aliases: ['Roma'] }, { en: 'Turin', zh: '都灵', aliases: ['Torino'] }, { en: 'Naples', zh: '那不勒斯' }],
  ES: [{ en: 'Madrid', zh: '马德里' }, { en: 'Barcelona', zh: '巴塞罗那' }, { en: 'Valencia', zh: '瓦伦西亚' }],
  AU: [{ en: 'Sydney', zh: '悉尼' }, { en: 'Melbourne', zh: '墨尔本' }, { en: 'Brisbane', zh: '布里斯班' }, { en: 'Perth', zh: '珀斯' }],
  NZ: [{ en: 'Auckland', zh: '奥克兰' }],
  US: [{ en: 'Los Angeles', zh: '洛杉矶' }, { en: 'San Francisco', zh: '旧金山', aliases: ['三藩市'] }, { en: 'Chicago', zh: '芝加哥' }, { en: 'Houston', zh: '休斯顿' }, { en: 'Miami', zh: '迈阿密' }, { en: 'Seattle', zh: '西雅图' }, { en: 'Boston', zh: '波士顿' }],
  BR: [{ en: 'São Paulo', zh: '圣保罗', aliases: ['Sao Paulo'] }, { en: 'Rio de Janeiro', zh: '里约热内卢', aliases: ['Rio'] }],
  MX: [{ en: 'Mexico City', zh: '墨西哥城' }, { en: 'Guadalajara', zh: '瓜达拉哈拉' }, { en: 'Monterrey', zh: '蒙特雷' }],
  ID: [{ en: 'Jakarta', zh: '雅加达' }, { en: 'Surabaya', zh: '泗水' }],
  VN: [{ en: 'Hanoi', zh: '河内', aliases: ['Ha Noi'] }, { en: 'Ho Chi Minh City', zh: '胡志明市', aliases: ['Saigon', '西贡', 'HCMC'] }],
  TH: [{ en: 'Bangkok', zh: '曼谷' }],
  MY: [{ en: 'Kuala Lumpur', zh: '吉隆坡', aliases: ['KL'] }],
  PH: [{ en: 'Manila', zh: '马尼拉' }],
  SA: [{ en: 'Riyadh', zh: '利雅得' }, { en: 'Jeddah', zh: '吉达' }],
  TR: [{ en: 'Istanbul', zh: '伊斯坦布尔' }, { en: 'Ankara', zh: '安卡拉' }],
  RU: [{ en: 'Moscow', zh: '莫斯科' }, { en: 'Saint Petersburg', zh: '圣彼得堡', aliases: ['St Petersburg', 'St. Petersburg'] }],
  BD: [{ en: 'Dhaka', zh: '达卡' }],
  PK: [{ en: 'Karachi', zh: '卡拉奇' }, { en: 'Lahore', zh: '拉合尔' }],
  NG: [{ en: 'Lagos', zh: '拉各斯' }],
  KE: [{ en: 'Nairobi', zh: '内罗毕' }],
  ZA: [{ en: 'Johannesburg', zh: '约翰内斯堡' }, { en: 'Cape Town', zh: '开普敦' }],
  EG: [{ en: 'Cairo', zh: '开罗' }],
  IR: [{ en: 'Tehran', zh: '德黑兰' }],
  NL: [{ en: 'Rotterdam', zh: '鹿特丹' }, { en: 'Amsterdam', zh: '阿姆斯特丹' }],
  BE: [{ en: 'Antwerp', zh: '安特卫普', aliases: ['Antwerpen'] }, { en: 'Brussels', zh: '布鲁塞尔' }],
  PL: [{ en: 'Warsaw', zh: '华沙' }],
  CL: [{ en: 'Santiago', zh: '圣地亚哥' }],
  PE: [{ en: 'Lima', zh: '利马' }],
  CO: [{ en: 'Bogotá', zh: '波哥大', aliases: ['Bogota'] }],
  AR: [{ en: 'Buenos Aires', zh: '布宜诺斯艾利斯' }],
  KZ: [{ en: 'Almaty', zh: '阿拉木图' }],
  UZ: [{ en: 'Tashkent', zh: '塔什干' }],
  RW: [{ en: 'Kigali', zh: '基加利' }],
  DZ: [{ en: 'Algiers', zh: '阿尔及尔' }],
  QA: [{ en: 'Doha', zh: '多哈' }],
  CH: [{ en: 'Zurich', zh: '苏黎世', aliases: ['Zürich'] }, { en: 'Geneva', zh: '日内瓦' }],
  IE: [{ en: 'Dublin', zh: '都柏林' }],
};

export interface ChinaRegion {
  zh: string;
  en?: string;
  aliases?: string[];
  /** For a city: the province it belongs to (its foreign affairs office serves the city). */
  province?: string;
}

/** Provinces, autonomous regions and municipalities of mainland China (ISO 3166-2:CN). */
export const CHINA_PROVINCES: ChinaRegion[] = [
  { zh: '北京', en: 'Beijing', aliases: ['北京市', 'Peking'] },
  { zh: '天津', en: 'Tianjin', aliases: ['天津市'] },
  { zh: '上海', en: 'Shanghai', aliases: ['上海市'] },
  { zh: '重庆', en: 'Chongqing', aliases: ['重庆市'] },
  { zh: '河北', en: 'Hebei', aliases: ['河北省'] },
  { zh: '山西', en: 'Shanxi', aliases: ['山西省'] },
  { zh: '内蒙古', en: 'Inner Mongolia', aliases: ['内蒙古自治区', 'Nei Mongol', 'Neimenggu'] },
  { zh: '辽宁', en: 'Liaoning', aliases: ['辽宁省'] },
  { zh: '吉林', en: 'Jilin', aliases: ['吉林省'] },
  { zh: '黑龙江', en: 'Heilongjiang', aliases: ['黑龙江省'] },
  { zh: '江苏', en: 'Jiangsu', aliases: ['江苏省'] },
  { zh: '浙江', en: 'Zhejiang', aliases: ['浙江省'] },
  { zh: '安徽', en: 'Anhui', aliases: ['安徽省'] },
  { zh: '福建', en: 'Fujian', aliases: ['福建省'] },
  { zh: '江西', en: 'Jiangxi', aliases: ['江西省'] },
  { zh: '山东', en: 'Shandong', aliases: ['山东省'] },
  { zh: '河南', en: 'Henan', aliases: ['河南省'] },
  { zh: '湖北', en: 'Hubei', aliases: ['湖北省'] },
  { zh: '湖南', en: 'Hunan', aliases: ['湖南省'] },
  { zh: '广东', en: 'Guangdong', aliases: ['广东省', 'Canton Province'] },
  { zh: '广西', en: 'Guangxi', aliases: ['广西壮族自治区'] },
  { zh: '海南', en: 'Hainan', aliases: ['海南省'] },
  { zh: '四川', en: 'Sichuan', aliases: ['四川省', 'Szechuan'] },
  { zh: '贵州', en: 'Guizhou', aliases: ['贵州省'] },
  { zh: '云南', en: 'Yunnan', aliases: ['云南省'] },
  { zh: '西藏', en: 'Tibet', aliases: ['西藏自治区', 'Xizang'] },
  { zh: '陕西', en: 'Shaanxi', aliases: ['陕西省'] },
  { zh: '甘肃', en: 'Gansu', aliases: ['甘肃省'] },
  { zh: '青海', en: 'Qinghai', aliases: ['青海省'] },
  { zh: '宁夏', en: 'Ningxia', aliases: ['宁夏回族自治区'] },
  { zh: '新疆', en: 'Xinjiang', aliases: ['新疆维吾尔自治区'] },
];

/** Cities exporters name (prefecture level and above); each also matches with 市. */
export const CHINA_CITIES: ChinaRegion[] = [
  { zh: '广州', en: 'Guangzhou', aliases: ['Canton'], province: '广东' },
  { zh: '深圳', en: 'Shenzhen', province: '广东' },
  { zh: '东莞', en: 'Dongguan', province: '广东' },
  { zh: '佛山', en: 'Foshan', province: '广东' },
  { zh: '中山', en: 'Zhongshan', province: '广东' },
  { zh: '珠海', en: 'Zhuhai', province: '广东' },
  { zh: '横琴', en: 'Hengqin', province: '广东' },
  { zh: '前海', en: 'Qianhai', province: '广东' },
  { zh: '南沙', en: 'Nansha', province: '广东' },
  { zh: '浦东', en: 'Pudong', province: '上海' },
  { zh: '临港', en: 'Lingang', province: '上海' },
  { zh: '雄安', en: "Xiong'an", province: '河北', aliases: ['Xiongan'] },
  { zh: '惠州', en: 'Huizhou', province: '广东' },
  { zh: '汕头', en: 'Shantou', province: '广东' },
  { zh: '江门', en: 'Jiangmen', province: '广东' },
  { zh: '杭州', en: 'Hangzhou', province: '浙江' },
  { zh: '宁波', en: 'Ningbo', province: '浙江' },
  { zh: '温州', en: 'Wenzhou', province: '浙江' },
  { zh: '义乌', en: 'Yiwu', province: '浙江' },
  { zh: '金华', en: 'Jinhua', province: '浙江' },
  { zh: '台州', en: 'Taizhou', province: '浙江' },
  { zh: '绍兴', en: 'Shaoxing', province: '浙江' },
  { zh: '嘉兴', en: 'Jiaxing', province: '浙江' },
  { zh: '湖州', en: 'Huzhou', province: '浙江' },
  { zh: '南京', en: 'Nanjing', aliases: ['Nanking'], province: '江苏' },
  { zh: '苏州', en: 'Suzhou', province: '江苏' },
  { zh: '无锡', en: 'Wuxi', province: '江苏' },
  { zh: '常州', en: 'Changzhou', province: '江苏' },
  { zh: '南通', en: 'Nantong', province: '江苏' },
  { zh: '扬州', en: 'Yangzhou', province: '江苏' },
  { zh: '徐州', en: 'Xuzhou', province: '江苏' },
  { zh: '盐城', en: 'Yancheng', province: '江苏' },
  { zh: '连云港', en: 'Lianyungang', province: '江苏' },
  { zh: '昆山', en: 'Kunshan', province: '江苏' },
  { zh: '厦门', en: 'Xiamen', aliases: ['Amoy'], province: '福建' },
  { zh: '福州', en: 'Fuzhou', province: '福建' },
  { zh: '泉州', en: 'Quanzhou', province: '福建' },
  { zh: '漳州', en: 'Zhangzhou', province: '福建' },
  { zh: '青岛', en: 'Qingdao', aliases: ['Tsingtao'], province: '山东' },
  { zh: '济南', en: 'Jinan', province: '山东' },
  { zh: '烟台', en: 'Yantai', province: '山东' },
  { zh: '潍坊', en: 'Weifang', province: '山东' },
  { zh: '临沂', en: 'Linyi', province: '山东' },
  { zh: '威海', en: 'Weihai', province: '山东' },
  { zh: '淄博', en: 'Zibo', province: '山东' },
  { zh: '武汉', en: 'Wuhan', province: '湖北' },
  { zh: '长沙', en: 'Changsha', province: '湖南' },
  { zh: '郑州', en: 'Zhengzhou', province: '河南' },
  { zh: '洛阳', en: 'Luoyang', province: '河南' },
  { zh: '成都', en: 'Chengdu', province: '四川' },
  { zh: '西安', en: "Xi'an", aliases: ['Xian'], province: '陕西' },
  { zh: '合肥', en: 'Hefei', province: '安徽' },
  { zh: '南昌', en: 'Nanchang', province: '江西' },
  { zh: '石家庄', en: 'Shijiazhuang', province: '河北' },
  { zh: '唐山', en: 'Tangshan', province: '河北' },
  { zh: '保定', en: 'Baoding', province: '河北' },
  { zh: '太原', en: 'Taiyuan', province: '山西' },
  { zh: '呼和浩特', en: 'Hohhot', province: '内蒙古' },
  { zh: '包头', en: 'Baotou', province: '内蒙古' },
  { zh: '鄂尔多斯', en: 'Ordos', province: '内蒙古' },
  { zh: '沈阳', en: 'Shenyang', province: '辽宁' },
  { zh: '大连', en: 'Dalian', province: '辽宁' },
  { zh: '长春', en: 'Changchun', province: '吉林' },
  { zh: '哈尔滨', en: 'Harbin', province: '黑龙江' },
  { zh: '昆明', en: 'Kunming', province: '云南' },
  { zh: '贵阳', en: 'Guiyang', province: '贵州' },
  { zh: '南宁', en: 'Nanning', province: '广西' },
  { zh: '桂林', en: 'Guilin', province: '广西' },
  { zh: '海口', en: 'Haikou', province: '海南' },
  { zh: '三亚', en: 'Sanya', province: '海南' },
  { zh: '兰州', en: 'Lanzhou', province: '甘肃' },
  { zh: '西宁', en: 'Xining', province: '青海' },
  { zh: '银川', en: 'Yinchuan', province: '宁夏' },
  { zh: '乌鲁木齐', en: 'Urumqi', province: '新疆' },
  { zh: '喀什', en: 'Kashgar', province: '新疆' },
  { zh: '拉萨', en: 'Lhasa', province: '西藏' },
];

/**
 * Chinese words that contain a place name but are not one: 增加纳税 is not Ghana (加纳), 平台中 is
 * not Taichung (台中), 合法国家 is not France (法国), 中非贸易 is China–Africa trade, not the
 * Central African Republic (中非). In running text they hide the shorter name inside them.
 */
export const NOT_PLACES = ['增加', '追加', '平台', '舞台', '合法', '非法', '中非合作', '中非贸易', '中非经贸', '中非关系', '中非论坛'];

/** Names of mainland China itself. */
export const MAINLAND_CHINA_NAMES = [
  '中国', '中华人民共和国', '中国大陆', '中国内地', '大陆', '内地', '中国（内地）',
  'China', 'PRC', 'P.R.C.', 'P.R. China', "People's Republic of China", 'Mainland China', 'Chinese mainland', 'mainland', 'CHN',
];

/**
 * Names of Taiwan. Mainland official usage (and this bot) calls it 台湾地区 /
 * "Taiwan region", never a country: these names are recognised, not repeated.
 */
export const TAIWAN_NAMES = [
  '台湾', '臺灣', '台灣', '中国台湾', '中國臺灣', '台湾地区', '台湾省', '中国台湾省', '中华民国', '中華民國',
  'Taiwan', 'Taiwan region', 'Taiwan, China', 'Chinese Taipei', 'ROC', 'R.O.C.', 'Republic of China', 'Taiwan ROC', 'Formosa',
  '台北', '臺北', '高雄', '台中', '臺中', '台南', '臺南', '新竹',
  'Taipei', 'Kaohsiung', 'Taichung', 'Tainan', 'Hsinchu', 'Taoyuan',
];

/** Short and common forms ISO 3166 does not list (it has "Syrian Arab Republic" but not "Syria"). */
export const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  // Demonyms people write for the country ("our American parent", "I'm Australian"); not the language names.
  AU: ['Australian', 'Aussie', '澳洲'],
  GB: ['British', 'Britain', 'United Kingdom of Great Britain and Northern Ireland', '联合王国', '大不列颠及北爱尔兰联合王国'],
  US: ['American'],
  RW: ['Rwandan'],
  DK: ['Danish'],
  NO: ['Norwegian'],
  FI: ['Finnish'],
  SE: ['Swedish'],
  NL: ['Dutch', '荷兰'],
  CH: ['Swiss'],
  PL: ['Polish'],
  HU: ['Hungarian'],
  TR: ['Turkish'],
  GR: ['Greek'],
  PT: ['Portuguese'],
  PH: ['Philippine', 'Filipino'],
  TH: ['Thai'],
  VN: ['Vietnamese'],
  MY: ['Malaysian'],
  ID: ['Indonesian'],
  SG: ['Singaporean'],
  PK: ['Pakistani'],
  EG: ['Egyptian'],
  IL: ['Israeli'],
  MA: ['Moroccan'],
  MX: ['Mexican'],
  BR: ['Brasil', 'Brazilian'],
  AR: ['Argentine', 'Argentinian'],
  CL: ['Chilean'],
  PE: ['Peruvian'],
  CO: ['Colombian'],
  CA: ['Canadian'],
  OM: ['Omani'],
  JO: ['Jordanian'],
  QA: ['Qatari'],
  KW: ['Kuwaiti'],
  NP: ['Nepalese', 'Nepali'],
  KH: ['Cambodian'],
  KZ: ['Kazakh', 'Kazakhstani'],
  UZ: ['Uzbek'],
  MN: ['Mongolian'],
  BD: ['Bangladeshi', '孟加拉'],
  AE: ['Emirati'],
  NG: ['Nigerian'],
  KE: ['Kenyan'],
  XK: ['Kosovar', 'Republic of Kosovo'],
  IE: ['Irish'],
  BE: ['Belgian'],
  AT: ['Austrian'],
  ZA: ['South African'],
  NZ: ['New Zealander'],
  SY: ['Syria', '叙利亚阿拉伯共和国'],
  KP: ['DPRK', 'DPR Korea', 'Korea DPR', 'N. Korea', 'N Korea', 'Korea, North', 'North Korean', "Democratic People's Republic of Korea", '朝鲜民主主义人民共和国', '北韩', '北朝鲜'],
  KR: ['ROK', 'S. Korea', 'S Korea', 'Korea, South', 'Korea South'],
  CZ: ['Czech', 'Czech Rep.'],
  SA: ['Saudi'],
  ES: ['España', 'Espana'],
  IT: ['Italia'],
  CG: ['Congo-Brazzaville', 'Congo Brazzaville', 'Congo Republic', '刚果共和国', '刚果布', '刚果'],
  CD: ['DR Congo', 'DRC', 'D.R. Congo', 'Congo-Kinshasa', 'Congo Kinshasa', 'Zaire', '刚果民主共和国', '刚果金', '民主刚果', '刚果'],
  VA: ['Vatican', 'Vatican City', 'Holy See', '梵蒂冈城国', '教廷'],
  LA: ['Laos'],
  CF: ['中非共和国'],
  TL: ['East Timor', '东帝汶'],
  CV: ['Cabo Verde'],
  PS: ['巴勒斯坦国'],
  HK: ['中国香港', '香港特区', 'Hongkong', 'Hong Kong SAR', 'Hong Kong, China'],
  MO: ['中国澳门', '澳门特区', 'Macao SAR', 'Macau SAR', 'Macao, China'],
  BA: ['Bosnia-Herzegovina', 'Bosnia and Herzegovina'],
  CI: ['科特迪瓦共和国'],
  VI: ['US Virgin Islands', 'U.S. Virgin Islands'],
  VG: ['British Virgin Islands', 'BVI'],
  FM: ['Micronesia', 'Federated States of Micronesia'],
  MD: ['Republic of Moldova'],
  RE: ['Réunion', 'La Réunion'],
  GF: ['Guyane'],
  PF: ['French Polynesia'],
  KY: ['Cayman', 'Cayman Islands', '开曼'],
  GL: ['Greenland', 'Kalaallit Nunaat'],
  FO: ['Faroes', 'Faeroe Islands'],
};
