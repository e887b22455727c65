/**
 * Makes the synthetic document fixtures in test/fixtures/documents/: certificates
 * of origin, invoices, business licences, powers of attorney, notarial and CCPIT
 * certificates, foreign apostilles and degree certificates, in Chinese, English
 * and both, as clean or photographed-looking PNG/JPEG and as text or scanned PDF,
 * plus expected.jsonl (what a reader should find in each).
 *
 * Every name, number and address is made up. Only generation needs the fonts
 * (Debian's fonts-dejavu-core and fonts-droid-fallback: `apt-get install -y
 * fonts-droid-fallback fonts-dejavu-core`); the generated files are committed,
 * so tests need no font. Deterministic: a fixed seed drives every effect.
 *
 *   npx tsx scripts/make-fixtures.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { FONTS, registerFonts, seeded } from './render-kit.ts';

const OUT = 'test/fixtures/documents';
registerFonts();

interface Line {
  text: string;
  size?: number;
  bold?: boolean;
  center?: boolean;
  /** Extra space above, px. */
  gap?: number;
  indent?: number;
}

type Look = 'clean' | 'rotated' | 'blurred' | 'photo' | 'blurred-photo';
type Format = 'png' | 'jpg' | 'pdf-text' | 'pdf-scan';

interface Expected {
  document: string | null;
  country: string | null;
  direction: 'from_china' | 'to_china';
  issuer: 'ccpit' | 'notary' | 'court' | 'customs' | 'market_regulation' | 'university' | 'foreign_authority' | 'company' | null;
  apostilleSeen: boolean;
}

interface Spec {
  file: string;
  lang: 'zh' | 'en' | 'bilingual';
  format: Format;
  look: Look;
  /** Degrees; for rotated and photo looks. */
  angle?: number;
  pages: Line[][];
  /** A round red seal drawn near the bottom right of the first page. */
  seal?: string;
  /** A boxed block (the apostille's 12 fields) after the lines of the last page. */
  box?: Line[];
  expected: Expected;
}

const WIDTH = 1100;
const MARGIN = 60;
const fontOf = (line: Line) => `${line.bold ? 'bold ' : ''}${line.size ?? 24}px ${line.bold ? 'latinBold' : 'latin'}, cjk`;

function layoutHeight(lines: Line[], box?: Line[]): number {
  const sum = (ls: Line[]) => ls.reduce((h, l) => h + (l.size ?? 24) * 1.6 + (l.gap ?? 0), 0);
  return Math.ceil(MARGIN * 2 + sum(lines) + (box ? sum(box) + 60 : 0));
}

function drawLines(g: SKRSContext2D, lines: Line[], top: number, left = MARGIN, width = WIDTH - 2 * MARGIN): number {
  let y = top;
  for (const line of lines) {
    const size = line.size ?? 24;
    y += (line.gap ?? 0) + size * 1.6;
    g.font = fontOf(line);
    g.fillStyle = '#151515';
    const x = line.center ? left + (width - g.measureText(line.text).width) / 2 : left + (line.indent ?? 0);
    g.fillText(line.text, x, y - size * 0.45);
  }
  return y;
}

function drawSeal(g: SKRSContext2D, text: string, x: number, y: number): void {
  g.save();
  g.strokeStyle = 'rgba(200, 30, 30, 0.75)';
  g.fillStyle = 'rgba(200, 30, 30, 0.75)';
  g.lineWidth = 5;
  g.beginPath();
  g.arc(x, y, 85, 0, Math.PI * 2);
  g.stroke();
  g.font = '34px latin';
  g.fillText('★', x - 15, y + 12);
  // The seal's name runs round the rim, one character at a time.
  g.font = '20px cjk';
  const chars = [...text];
  chars.forEach((ch, i) => {
    const angle = -Math.PI * 0.9 + (i * Math.PI * 1.8) / Math.max(1, chars.length - 1);
    g.save();
    g.translate(x + Math.cos(angle - Math.PI / 2) * 62, y + Math.sin(angle - Math.PI / 2) * 62);
    g.rotate(angle);
    g.fillText(ch, -10, 8);
    g.restore();
  });
  g.restore();
}

/** The clean page as a white canvas. */
function renderPage(lines: Line[], options: { seal?: string; box?: Line[] } = {}): Canvas {
  // Room under the text for the seal, so it does not cover a line.
  const height = layoutHeight(lines, options.box) + (options.seal ? 150 : 0);
  const canvas = createCanvas(WIDTH, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, WIDTH, height);
  let y = drawLines(g, lines, MARGIN);
  if (options.box) {
    const boxTop = y + 20;
    const boxHeight = layoutHeight(options.box) - 2 * MARGIN + 30;
    g.strokeStyle = '#222';
    g.lineWidth = 3;
    g.strokeRect(MARGIN + 80, boxTop, WIDTH - 2 * MARGIN - 160, boxHeight);
    y = drawLines(g, options.box, boxTop, MARGIN + 110, WIDTH - 2 * MARGIN - 220);
  }
  if (options.seal) drawSeal(g, options.seal, WIDTH - MARGIN - 160, height - 100);
  return canvas;
}

/** Rotation, blur, uneven light and sensor noise, as a phone photo of a page on a desk. */
function applyLook(page: Canvas, look: Look, angleDeg: number, random: () => number): Canvas {
  if (look === 'clean') return page;
  const photo = look === 'photo' || look === 'blurred-photo';
  const pad = photo ? 70 : 30;
  const out = createCanvas(page.width + 2 * pad, page.height + 2 * pad);
  const g = out.getContext('2d');
  g.fillStyle = photo ? '#8a7d6b' : '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.save();
  g.translate(out.width / 2, out.height / 2);
  g.rotate((angleDeg * Math.PI) / 180);
  if (look === 'blurred' || look === 'blurred-photo') g.filter = 'blur(1.6px)';
  g.drawImage(page, -page.width / 2, -page.height / 2);
  g.restore();
  if (photo) {
    // Light falls from one corner: a soft dark gradient over the rest.
    const light = g.createRadialGradient(out.width * 0.25, out.height * 0.2, 50, out.width * 0.5, out.height * 0.5, out.width * 0.9);
    light.addColorStop(0, 'rgba(255, 250, 235, 0.10)');
    light.addColorStop(1, 'rgba(40, 30, 20, 0.38)');
    g.fillStyle = light;
    g.fillRect(0, 0, out.width, out.height);
    const image = g.getImageData(0, 0, out.width, out.height);
    const px = image.data;
    for (let i = 0; i < px.length; i += 4) {
      const n = (random() - 0.5) * 38;
      px[i] = Math.max(0, Math.min(255, px[i]! + n));
      px[i + 1] = Math.max(0, Math.min(255, px[i + 1]! + n));
      px[i + 2] = Math.max(0, Math.min(255, px[i + 2]! + n * 0.9));
    }
    g.putImageData(image, 0, 0);
  }
  return out;
}

/** PDF text: Latin runs in DejaVu, Han runs in Droid Sans Fallback (neither font has both). */
function drawPdfLine(page: PDFPage, fonts: { latin: PDFFont; cjk: PDFFont }, text: string, x: number, y: number, size: number): void {
  let cursor = x;
  for (const run of text.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef《》（）：，。、；“”]+|[^\p{Script=Han}\u3000-\u303f\uff00-\uffef《》（）：，。、；“”]+/gu) ?? []) {
    const font = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef《》（）：，。、；“”]/u.test(run) ? fonts.cjk : fonts.latin;
    page.drawText(run, { x: cursor, y, size, font, color: rgb(0.08, 0.08, 0.08) });
    cursor += font.widthOfTextAtSize(run, size);
  }
}

async function makePdfText(spec: Spec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setProducer('apostille-helper fixtures');
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const fonts = {
    latin: await doc.embedFont(readFileSync(FONTS.latin), { subset: true }),
    cjk: await doc.embedFont(readFileSync(FONTS.cjk), { subset: true }),
  };
  for (const [index, lines] of spec.pages.entries()) {
    const page = doc.addPage([595, 842]);
    let y = 800;
    const all = index === spec.pages.length - 1 && spec.box ? [...lines, { text: '', gap: 10 }, ...spec.box] : lines;
    for (const line of all) {
      const size = Math.round((line.size ?? 24) * 0.45);
      y -= size * 1.7 + (line.gap ?? 0) * 0.45;
      const width = line.text ? fonts.latin.widthOfTextAtSize(line.text.replace(/[^\x00-\x7f]/g, 'MM'), size) : 0;
      drawPdfLine(page, fonts, line.text, line.center ? Math.max(40, (595 - width) / 2) : 40 + (line.indent ?? 0) * 0.45, y, size);
    }
  }
  return doc.save();
}

async function makePdfScan(spec: Spec, random: () => number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer('apostille-helper fixtures');
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  for (const [index, lines] of spec.pages.entries()) {
    const last = index === spec.pages.length - 1;
    const canvas = applyLook(renderPage(lines, { seal: index === 0 ? spec.seal : undefined, box: last ? spec.box : undefined }), spec.look, spec.angle ?? 0, random);
    const jpeg = await canvas.encode('jpeg', 72);
    const image = await doc.embedJpg(jpeg);
    const scale = 595 / canvas.width;
    const page = doc.addPage([595, canvas.height * scale]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: canvas.height * scale });
  }
  return doc.save();
}

// ---------------------------------------------------------------------------
// The documents. Names are invented: "示例" (example) and "Sample"/"Muster" mark them.

const t = (text: string, more: Partial<Line> = {}): Line => ({ text, ...more });
const title = (text: string, size = 34): Line => ({ text, size, bold: true, center: true, gap: 6 });

function certificateOfOrigin(o: { consignee: string[]; port: string; destination: string; destinationZh: string; branch: string; no: string; zhOnly?: boolean }): Line[] {
  const lines = [
    t(`Certificate No. ${o.no}`, { size: 20 }),
    title('中华人民共和国原产地证明书'),
    title('CERTIFICATE OF ORIGIN', 30),
    title("OF THE PEOPLE'S REPUBLIC OF CHINA", 24),
    t('1. Exporter: Zhejiang Shili Textile Co., Ltd. (示例纺织有限公司)', { gap: 12 }),
    t('   No. 8 Example Road, Hangzhou, China'),
    t('2. Consignee:'),
    ...o.consignee.map((c) => t(`   ${c}`)),
    t(`3. Means of transport and route: From Ningbo to ${o.port} by sea`),
    t(`4. Country / region of destination: ${o.destination}`),
    t('5. Description of goods: 1,200 cartons of cotton towels, HS 6302.60'),
    t('6. Declaration by the exporter: the goods were produced in China.'),
    t(`7. Certification: ${o.branch}`, { gap: 8 }),
    t('   中国国际贸易促进委员会  CCPIT', { size: 24 }),
    t(`   目的国：${o.destinationZh}    签发日期：2026-03-18`),
  ];
  return o.zhOnly ? lines.filter((l) => /\p{Script=Han}|No\./u.test(l.text)) : lines;
}

const SPECS: Spec[] = [
  {
    file: 'co-bilingual-germany.png',
    lang: 'bilingual',
    format: 'png',
    look: 'clean',
    seal: '中国国际贸易促进委员会',
    pages: [
      certificateOfOrigin({
        consignee: ['Muster Handels GmbH', 'Beispielstrasse 12, 20095 Hamburg, Germany'],
        port: 'Hamburg',
        destination: 'Germany',
        destinationZh: '德国',
        branch: 'CCPIT Zhejiang Sub-Council',
        no: 'CCPIT 263300 2026 0417',
      }),
    ],
    expected: { document: 'certificate-of-origin', country: 'DE', direction: 'from_china', issuer: 'ccpit', apostilleSeen: false },
  },
  {
    file: 'co-japan-rotated.png',
    lang: 'bilingual',
    format: 'png',
    look: 'rotated',
    angle: 3,
    pages: [
      certificateOfOrigin({
        consignee: ['Sample Shoji K.K.', '1-2-3 Rei-machi, Osaka 530-0001, Japan'],
        port: 'Osaka',
        destination: 'Japan',
        destinationZh: '日本',
        branch: 'CCPIT Jiangsu Sub-Council',
        no: 'CCPIT 263200 2026 0102',
      }),
    ],
    expected: { document: 'certificate-of-origin', country: 'JP', direction: 'from_china', issuer: 'ccpit', apostilleSeen: false },
  },
  {
    file: 'co-france.pdf',
    lang: 'bilingual',
    format: 'pdf-text',
    look: 'clean',
    pages: [
      certificateOfOrigin({
        consignee: ['Exemple Import SARL', '10 rue Modele, 13002 Marseille, France'],
        port: 'Marseille',
        destination: 'France',
        destinationZh: '法国',
        branch: 'CCPIT Guangdong Sub-Council',
        no: 'CCPIT 264400 2026 0833',
      }),
    ],
    expected: { document: 'certificate-of-origin', country: 'FR', direction: 'from_china', issuer: 'ccpit', apostilleSeen: false },
  },
  {
    file: 'co-korea-photo.jpg',
    lang: 'bilingual',
    format: 'jpg',
    look: 'photo',
    angle: -2,
    seal: '中国国际贸易促进委员会',
    pages: [
      certificateOfOrigin({
        consignee: ['Saempeul Trading Co.', '45 Yeoje-ro, Busan 48000, Republic of Korea'],
        port: 'Busan',
        destination: 'Korea',
        destinationZh: '韩国',
        branch: 'CCPIT Shandong Sub-Council',
        no: 'CCPIT 263700 2026 1105',
      }),
    ],
    expected: { document: 'certificate-of-origin', country: 'KR', direction: 'from_china', issuer: 'ccpit', apostilleSeen: false },
  },
  {
    file: 'co-zh-mexico-blurred.png',
    lang: 'zh',
    format: 'png',
    look: 'blurred',
    pages: [
      [
        title('原产地证明书'),
        t('证书编号：CCPIT 263300 2026 0922', { size: 20 }),
        t('出口商：示例纺织有限公司，中国杭州示例路8号', { gap: 12 }),
        t('收货人：Muestra Comercial S.A., 墨西哥城'),
        t('运输方式及路线：自宁波经海运至曼萨尼约'),
        t('目的国（地区）：墨西哥'),
        t('货物名称：棉毛巾 1200 箱'),
        t('出口商声明：上述货物在中国生产。'),
        t('签证机构：中国国际贸易促进委员会浙江省委员会', { gap: 8 }),
        t('签发日期：2026年5月6日'),
      ],
    ],
    expected: { document: 'certificate-of-origin', country: 'MX', direction: 'from_china', issuer: 'ccpit', apostilleSeen: false },
  },
  {
    file: 'invoice-en-usa.png',
    lang: 'en',
    format: 'png',
    look: 'clean',
    pages: [
      [
        t('ZHEJIANG SHILI TEXTILE CO., LTD.', { bold: true, center: true, size: 26 }),
        t('No. 8 Example Road, Hangzhou, China', { center: true, size: 20 }),
        title('COMMERCIAL INVOICE'),
        t('Invoice No.: SL-2026-0311      Date: 2026-03-11', { gap: 10 }),
        t('Buyer / Sold to: Sample Home Goods Inc.'),
        t('                 200 Example Avenue, Newark, NJ 07102, USA'),
        t('Ship to: Port of New York, United States of America'),
        t('Terms: FOB Ningbo    Payment: T/T 30 days'),
        t('Item   Description            Qty      Unit price   Amount', { gap: 10 }),
        t('1      Cotton bath towel      6,000    USD 2.10     USD 12,600.00'),
        t('2      Cotton hand towel      8,000    USD 0.95     USD 7,600.00'),
        t('TOTAL: USD 20,200.00', { bold: true }),
        t('Country of origin: China', { gap: 8 }),
        t('Authorised signature: ______________'),
      ],
    ],
    expected: { document: 'commercial-invoice', country: 'US', direction: 'from_china', issuer: 'company', apostilleSeen: false },
  },
  {
    file: 'invoice-australia-scanned.pdf',
    lang: 'en',
    format: 'pdf-scan',
    look: 'rotated',
    angle: 1.5,
    pages: [
      [
        t('NINGBO EXAMPLE TOOLS CO., LTD.', { bold: true, center: true, size: 26 }),
        title('COMMERCIAL INVOICE'),
        t('Invoice No.: NET-26-0045      Date: 2026-04-02', { gap: 10 }),
        t('Consignee: Sample Hardware Pty Ltd'),
        t('           5 Model Street, Brisbane QLD 4000, Australia'),
        t('Port of discharge: Brisbane     Destination: Australia'),
        t('Item   Description           Qty     Amount', { gap: 10 }),
        t('1      Steel hand tools set  900     AUD 18,900.00'),
        t('TOTAL: AUD 18,900.00', { bold: true }),
        t('We certify this invoice is true and correct.', { gap: 8 }),
      ],
      [t('Packing details (page 2)', { bold: true }), t('900 sets in 90 cartons, gross weight 1,850 kg'), t('Shipping marks: SAMPLE / BRISBANE / 1-90')],
    ],
    expected: { document: 'commercial-invoice', country: 'AU', direction: 'from_china', issuer: 'company', apostilleSeen: false },
  },
  {
    file: 'invoice-zh-russia-photo.jpg',
    lang: 'zh',
    format: 'jpg',
    look: 'photo',
    angle: 2,
    pages: [
      [
        t('示例五金制品有限公司', { bold: true, center: true, size: 28 }),
        title('商业发票'),
        t('发票号：WJ-2026-118    日期：2026年6月1日', { gap: 10 }),
        t('买方：Obrazets Trading LLC'),
        t('地址：俄罗斯 莫斯科 示例街 7号'),
        t('目的国：俄罗斯'),
        t('品名：不锈钢厨具    数量：3000 套'),
        t('总金额：USD 36,000.00'),
        t('原产国：中国'),
      ],
    ],
    expected: { document: 'commercial-invoice', country: 'RU', direction: 'from_china', issuer: 'company', apostilleSeen: false },
  },
  {
    file: 'licence-zh.png',
    lang: 'zh',
    format: 'png',
    look: 'clean',
    seal: '杭州市市场监督管理局',
    pages: [
      [
        title('营 业 执 照', 40),
        t('（副 本）', { center: true }),
        t('统一社会信用代码  91330100MA2EX0001X', { gap: 12 }),
        t('名        称  示例纺织有限公司'),
        t('类        型  有限责任公司（自然人投资或控股）'),
        t('法定代表人  张示例'),
        t('经营范围  纺织品、毛巾的生产与销售；货物进出口。'),
        t('注册资本  伍佰万元整'),
        t('成立日期  2015年03月18日'),
        t('住        所  浙江省杭州市示例路8号'),
        t('登记机关  杭州市市场监督管理局', { gap: 20 }),
        t('2026 年 01 月 05 日'),
      ],
    ],
    expected: { document: 'business-licence', country: null, direction: 'from_china', issuer: 'market_regulation', apostilleSeen: false },
  },
  {
    file: 'licence-zh-photo.jpg',
    lang: 'zh',
    format: 'jpg',
    look: 'photo',
    angle: -3,
    pages: [
      [
        title('营 业 执 照', 40),
        t('统一社会信用代码  91440300MA5EX0002Y', { gap: 12 }),
        t('名        称  深圳示例电子有限公司'),
        t('类        型  有限责任公司'),
        t('法定代表人  李示例'),
        t('经营范围  电子产品的研发与销售；货物及技术进出口。'),
        t('住        所  深圳市南山区示例大道100号'),
        t('登记机关  深圳市市场监督管理局', { gap: 20 }),
      ],
    ],
    expected: { document: 'business-licence', country: null, direction: 'from_china', issuer: 'market_regulation', apostilleSeen: false },
  },
  {
    file: 'licence-bilingual.pdf',
    lang: 'bilingual',
    format: 'pdf-text',
    look: 'clean',
    pages: [
      [
        title('营业执照'),
        title('BUSINESS LICENCE', 28),
        t('统一社会信用代码 Unified Social Credit Code: 91320500MA1EX0003Z', { gap: 10 }),
        t('名称 Name: 苏州示例机械有限公司 Suzhou Shili Machinery Co., Ltd.'),
        t('法定代表人 Legal representative: 王示例'),
        t('住所 Domicile: 江苏省苏州市示例路20号'),
        t('登记机关 Registration authority: 苏州市市场监督管理局'),
        t('(English translation for reference; to be used in the Netherlands)', { size: 20, gap: 10 }),
      ],
    ],
    expected: { document: 'business-licence', country: 'NL', direction: 'from_china', issuer: 'market_regulation', apostilleSeen: false },
  },
  {
    file: 'poa-en-italy.png',
    lang: 'en',
    format: 'png',
    look: 'clean',
    pages: [
      [
        title('POWER OF ATTORNEY'),
        t('I, Zhang Shili, legal representative of Zhejiang Shili Textile Co., Ltd.,', { gap: 12 }),
        t('a company registered in Hangzhou, China, hereby appoint'),
        t('Mr. Marco Esempio, of Via Modello 3, Milano, Italy,'),
        t('as our attorney to register our trademark with the Italian authorities'),
        t('and to sign all documents for this purpose in Italy.'),
        t('This power of attorney is valid until 31 December 2027.'),
        t('Signed at Hangzhou on 2 February 2026.', { gap: 10 }),
        t('Signature: ______________   Company seal'),
      ],
    ],
    expected: { document: 'power-of-attorney', country: 'IT', direction: 'from_china', issuer: 'company', apostilleSeen: false },
  },
  {
    file: 'poa-blurred-photo-spain.jpg',
    lang: 'bilingual',
    format: 'jpg',
    look: 'blurred-photo',
    angle: 2.5,
    pages: [
      [
        title('授权委托书'),
        title('POWER OF ATTORNEY', 28),
        t('委托人：示例纺织有限公司', { gap: 10 }),
        t('受托人：Ana Ejemplo, Calle Modelo 9, Madrid, Spain'),
        t('委托事项：在西班牙办理公司分支机构登记事宜。'),
        t('The principal authorises the agent to register a branch in Spain.'),
        t('委托期限：自2026年3月1日至2027年2月28日'),
        t('委托人（盖章）：            日期：2026年3月1日', { gap: 10 }),
      ],
    ],
    expected: { document: 'power-of-attorney', country: 'ES', direction: 'from_china', issuer: 'company', apostilleSeen: false },
  },
  {
    file: 'poa-zh-vietnam-scanned.pdf',
    lang: 'zh',
    format: 'pdf-scan',
    look: 'clean',
    pages: [
      [
        title('授权委托书'),
        t('委托人：深圳示例电子有限公司', { gap: 10 }),
        t('法定代表人：李示例'),
        t('受托人：阮示例（越南公民）'),
        t('兹委托受托人代表本公司在越南胡志明市办理产品注册手续，'),
        t('并签署相关文件。本委托书仅供在越南使用。'),
        t('委托期限：一年', { gap: 6 }),
        t('委托人（盖章）：            2026年4月8日', { gap: 10 }),
      ],
    ],
    expected: { document: 'power-of-attorney', country: 'VN', direction: 'from_china', issuer: 'company', apostilleSeen: false },
  },
  {
    file: 'notarial-zh-canada.png',
    lang: 'zh',
    format: 'png',
    look: 'clean',
    seal: '浙江省杭州市示例公证处',
    pages: [
      [
        title('公 证 书', 38),
        t('（2026）浙杭示证外字第 1234 号', { center: true, gap: 6 }),
        t('申请人：张示例，男，1980年1月1日出生。', { gap: 12 }),
        t('公证事项：学历'),
        t('兹证明前面的《毕业证书》复印件与原件相符，原件属实。'),
        t('本公证书拟送往加拿大使用。'),
        t('中华人民共和国浙江省杭州市示例公证处', { gap: 20 }),
        t('公证员：王示例'),
        t('二〇二六年二月十日'),
      ],
    ],
    expected: { document: 'notarial-certificate', country: 'CA', direction: 'from_china', issuer: 'notary', apostilleSeen: false },
  },
  {
    file: 'notarial-bilingual-uk-rotated.png',
    lang: 'bilingual',
    format: 'png',
    look: 'rotated',
    angle: -2.5,
    pages: [
      [
        title('公证书'),
        title('NOTARIAL CERTIFICATE', 28),
        t('(2026) Hu Shi Zheng Wai Zi No. 5678', { center: true, size: 20 }),
        t('Applicant: Li Shili, female, born on 5 May 1990.', { gap: 10 }),
        t('Subject: Birth'),
        t('This is to certify that Li Shili was born in Shanghai, China.'),
        t('For use in the United Kingdom.'),
        t('Shanghai Example Notary Public Office', { gap: 16 }),
        t("The People's Republic of China"),
        t('Notary Public: Chen Shili'),
      ],
    ],
    expected: { document: 'notarial-certificate', country: 'GB', direction: 'from_china', issuer: 'notary', apostilleSeen: false },
  },
  {
    file: 'notarial-zh-poa-photo.jpg',
    lang: 'zh',
    format: 'jpg',
    look: 'photo',
    angle: 1,
    pages: [
      [
        title('公 证 书', 38),
        t('（2026）粤深示证外字第 0456 号', { center: true, gap: 6 }),
        t('申请人：深圳示例电子有限公司', { gap: 12 }),
        t('公证事项：委托'),
        t('兹证明深圳示例电子有限公司的法定代表人李示例于二〇二六年'),
        t('四月八日来到我处，在前面的《授权委托书》上签名、盖章。'),
        t('该文书拟送往巴西使用。'),
        t('中华人民共和国广东省深圳市示例公证处', { gap: 20 }),
        t('公证员：赵示例'),
      ],
    ],
    expected: { document: 'notarial-certificate', country: 'BR', direction: 'from_china', issuer: 'notary', apostilleSeen: false },
  },
  {
    file: 'ccpit-commercial-certificate-bilingual.png',
    lang: 'bilingual',
    format: 'png',
    look: 'clean',
    seal: '中国国际贸易促进委员会',
    pages: [
      [
        title('商 事 证 明 书'),
        title('COMMERCIAL CERTIFICATE', 28),
        t('No. 26C3300A0123', { center: true, size: 20 }),
        t('兹证明所附商业发票（编号 SL-2026-0311）上示例纺织有限公司的印章属实。', { gap: 12 }),
        t('This is to certify that the seal of Zhejiang Shili Textile Co., Ltd.'),
        t('on the attached commercial invoice is genuine.'),
        t('该证明书拟送往美国使用。  For use in the United States.'),
        t('中国国际贸易促进委员会浙江省委员会', { gap: 16 }),
        t('China Council for the Promotion of International Trade, Zhejiang'),
        t('2026年3月20日'),
      ],
    ],
    expected: { document: 'ccpit-commercial-certificate', country: 'US', direction: 'from_china', issuer: 'ccpit', apostilleSeen: false },
  },
  {
    file: 'ccpit-commercial-certificate-en.pdf',
    lang: 'en',
    format: 'pdf-text',
    look: 'clean',
    pages: [
      [
        title('COMMERCIAL CERTIFICATE'),
        t('China Council for the Promotion of International Trade (CCPIT)', { center: true, size: 20 }),
        t('Certificate No. 26C4400B0456', { gap: 10 }),
        t('This is to certify that the attached Free Sale Certificate issued by'),
        t('Shenzhen Shili Electronics Co., Ltd. bears the genuine seal of the company.'),
        t('Country of destination: Saudi Arabia'),
        t('CCPIT Shenzhen Sub-Council', { gap: 12 }),
        t('Issued on 12 May 2026'),
      ],
    ],
    expected: { document: 'ccpit-commercial-certificate', country: 'SA', direction: 'from_china', issuer: 'ccpit', apostilleSeen: false },
  },
  {
    file: 'ccpit-commercial-certificate-zh-scanned.pdf',
    lang: 'zh',
    format: 'pdf-scan',
    look: 'photo',
    angle: -1.5,
    seal: '中国国际贸易促进委员会',
    pages: [
      [
        title('商事证明书'),
        t('证书号：26C3200C0789', { center: true, size: 20 }),
        t('兹证明江苏示例机械有限公司出具的《装箱单》上的签字和印章属实。', { gap: 12 }),
        t('本证明书拟送往阿联酋使用。'),
        t('中国国际贸易促进委员会江苏省委员会', { gap: 16 }),
        t('2026年7月3日'),
      ],
    ],
    expected: { document: 'ccpit-commercial-certificate', country: 'AE', direction: 'from_china', issuer: 'ccpit', apostilleSeen: false },
  },
  {
    file: 'apostille-germany-birth.png',
    lang: 'en',
    format: 'png',
    look: 'clean',
    pages: [
      [
        title('GEBURTSURKUNDE / BIRTH CERTIFICATE', 28),
        t('Standesamt Musterstadt, Germany    Nr. G 123/2025', { size: 20, center: true }),
        t('Name: Max Mustermann    Born: 1 April 2025 in Musterstadt', { gap: 10 }),
        t('Parents: Erika Mustermann and Hans Mustermann'),
      ],
    ],
    box: [
      t('APOSTILLE', { bold: true, center: true, size: 28 }),
      t('(Convention de La Haye du 5 octobre 1961)', { center: true, size: 20 }),
      t('1. Country: Federal Republic of Germany', { size: 22 }),
      t('   This public document', { size: 22 }),
      t('2. has been signed by Anna Beispiel', { size: 22 }),
      t('3. acting in the capacity of registrar', { size: 22 }),
      t('4. bears the seal/stamp of Standesamt Musterstadt', { size: 22 }),
      t('   Certified', { size: 22 }),
      t('5. at Musterstadt   6. the 10 May 2025', { size: 22 }),
      t('7. by Bezirksregierung Musterstadt', { size: 22 }),
      t('8. No. 2025-AP-4711', { size: 22 }),
      t('9. Seal/stamp   10. Signature', { size: 22 }),
    ],
    expected: { document: 'birth-certificate', country: 'DE', direction: 'to_china', issuer: 'foreign_authority', apostilleSeen: true },
  },
  {
    file: 'apostille-usa-good-standing-photo.jpg',
    lang: 'en',
    format: 'jpg',
    look: 'photo',
    angle: -2,
    pages: [
      [
        title('CERTIFICATE OF GOOD STANDING', 28),
        t('Sample Widgets LLC is duly formed and in good standing', { gap: 8 }),
        t('under the laws of the State of Delaware.'),
      ],
    ],
    box: [
      t('APOSTILLE', { bold: true, center: true, size: 28 }),
      t('(Convention de La Haye du 5 octobre 1961)', { center: true, size: 20 }),
      t('1. Country: United States of America', { size: 22 }),
      t('2. This public document has been signed by Jane Example', { size: 22 }),
      t('3. acting in the capacity of Secretary of State', { size: 22 }),
      t('4. bears the seal of the State of Delaware', { size: 22 }),
      t('5. at Dover   6. the 3 June 2026', { size: 22 }),
      t('7. by the Secretary of State   8. No. 2026-55501', { size: 22 }),
    ],
    expected: { document: 'good-standing', country: 'US', direction: 'to_china', issuer: 'foreign_authority', apostilleSeen: true },
  },
  {
    file: 'apostille-france-degree.pdf',
    lang: 'en',
    format: 'pdf-text',
    look: 'clean',
    pages: [
      [
        title('DIPLOME DE MASTER / DEGREE CERTIFICATE', 26),
        t("Universite d'Exemple, Lyon, France", { center: true, size: 20 }),
        t('conferred on Claire Exemple, Master in Chemistry, 2025', { gap: 8 }),
      ],
    ],
    box: [
      t('APOSTILLE', { bold: true, center: true, size: 28 }),
      t('(Convention de La Haye du 5 octobre 1961)', { center: true, size: 20 }),
      t('1. Pays / Country: France', { size: 22 }),
      t('2. has been signed by Paul Modele', { size: 22 }),
      t("3. acting in the capacity of Recteur d'academie", { size: 22 }),
      t('5. at Lyon   6. the 2 September 2025', { size: 22 }),
      t("7. by Cour d'appel de Lyon   8. No. 2025/9876", { size: 22 }),
    ],
    expected: { document: 'degree-certificate', country: 'FR', direction: 'to_china', issuer: 'foreign_authority', apostilleSeen: true },
  },
  {
    file: 'degree-zh.png',
    lang: 'zh',
    format: 'png',
    look: 'clean',
    seal: '东海示例大学',
    pages: [
      [
        title('学 士 学 位 证 书', 38),
        t('张示例，男，1998年9月1日生。在东海示例大学', { gap: 16 }),
        t('计算机科学与技术专业完成了本科学习计划，业已毕业，'),
        t('经审核符合《中华人民共和国学位条例》的规定，授予工学学士学位。'),
        t('东海示例大学', { gap: 20 }),
        t('学位评定委员会主席：刘示例'),
        t('二〇二〇年六月三十日'),
      ],
    ],
    expected: { document: 'degree-certificate', country: null, direction: 'from_china', issuer: 'university', apostilleSeen: false },
  },
  {
    file: 'degree-bilingual-rotated.png',
    lang: 'bilingual',
    format: 'png',
    look: 'rotated',
    angle: 2,
    pages: [
      [
        title('硕士学位证书'),
        title('MASTER DEGREE CERTIFICATE', 28),
        t('李示例，女，1996年3月5日生，在南山示例大学', { gap: 12 }),
        t('Li Shili, born on 5 March 1996, has completed the master programme'),
        t('at Nanshan Example University and is awarded the Master degree.'),
        t('南山示例大学学位评定委员会', { gap: 16 }),
        t('Academic Degrees Committee of Nanshan Example University'),
      ],
    ],
    expected: { document: 'degree-certificate', country: null, direction: 'from_china', issuer: 'university', apostilleSeen: false },
  },
  {
    file: 'degree-zh-australia-photo.jpg',
    lang: 'zh',
    format: 'jpg',
    look: 'photo',
    angle: 3,
    pages: [
      [
        title('学 位 证 书', 38),
        t('王示例，男，1999年7月7日生。在西湖示例学院', { gap: 16 }),
        t('国际贸易专业完成了学习计划，授予经济学学士学位。'),
        t('（申请人拟送往澳大利亚使用）'),
        t('西湖示例学院学位评定委员会', { gap: 20 }),
        t('二〇二一年七月一日'),
      ],
    ],
    expected: { document: 'degree-certificate', country: 'AU', direction: 'from_china', issuer: 'university', apostilleSeen: false },
  },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const rows: string[] = [];
  let total = 0;
  for (const [index, spec] of SPECS.entries()) {
    const random = seeded(1000 + index);
    let bytes: Uint8Array;
    if (spec.format === 'pdf-text') bytes = await makePdfText(spec);
    else if (spec.format === 'pdf-scan') bytes = await makePdfScan(spec, random);
    else {
      const page = renderPage(spec.pages[0]!, { seal: spec.seal, box: spec.box });
      const canvas = applyLook(page, spec.look, spec.angle ?? 0, random);
      bytes = spec.format === 'png' ? await canvas.encode('png') : await canvas.encode('jpeg', 70);
    }
    writeFileSync(join(OUT, spec.file), bytes);
    total += bytes.length;
    rows.push(JSON.stringify({ file: spec.file, lang: spec.lang, format: spec.format, look: spec.look, ...spec.expected }));
    console.log(`${spec.file.padEnd(48)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB`);
  }
  writeFileSync(join(OUT, 'expected.jsonl'), `${rows.join('\n')}\n`);
  console.log(`${SPECS.length} documents, ${(total / 1024 / 1024).toFixed(2)} MB, and expected.jsonl`);
}

await main();
