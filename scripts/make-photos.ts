/**
 * Makes the held-out phone-photo set in test/fixtures/photos/: documents of the
 * layouts people photograph (CCPIT certificates of origin in their common forms,
 * CCPIT commercial certificates, Chinese notarial certificates with their English
 * translation, business licences, powers of attorney, invoices, and foreign civil
 * status and company certificates), each rendered as a page and then "photographed":
 * lying on a table, seen in perspective, in uneven light with a shadow across it,
 * slightly out of focus, with sensor noise, saved as a phone's JPEG.
 *
 * expected.jsonl says what a reader should conclude from each photo (the verdict's
 * document, country and direction, or that it must ask), and which half it is in:
 * `tune` (may be looked at while improving the reader) or `heldout` (only measured).
 * The halves were fixed here, by layout group, before any tuning.
 *
 * Every name, number and address is made up. Needs the fonts only to generate
 * (`apt-get install -y fonts-droid-fallback fonts-dejavu-core`); deterministic.
 *
 *   npx tsx scripts/make-photos.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { registerFonts, seeded } from './render-kit.ts';

const OUT = 'test/fixtures/photos';
registerFonts();

const PAGE_W = 1000;
const PAGE_H = 1414;

type Face = 'sans' | 'serif';
interface TextStyle {
  size?: number;
  bold?: boolean;
  face?: Face;
  align?: 'left' | 'center' | 'right';
  color?: string;
}

/** A white A4 page and a few drawing verbs: text, wrapped text, boxes, a seal. */
class Page {
  readonly canvas: Canvas = createCanvas(PAGE_W, PAGE_H);
  readonly g: SKRSContext2D = this.canvas.getContext('2d');

  constructor(paper = '#fdfdfb') {
    this.g.fillStyle = paper;
    this.g.fillRect(0, 0, PAGE_W, PAGE_H);
  }

  text(x: number, y: number, text: string, style: TextStyle = {}): void {
    const size = style.size ?? 20;
    const family = style.face === 'serif' ? (style.bold ? 'serifBold' : 'serif') : style.bold ? 'latinBold' : 'latin';
    this.g.font = `${size}px ${family}, cjk`;
    this.g.fillStyle = style.color ?? '#1a1a1a';
    const width = this.g.measureText(text).width;
    const left = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
    this.g.fillText(text, left, y);
  }

  /** Words wrapped to `width`; returns the baseline below the last line. */
  para(x: number, y: number, width: number, text: string, style: TextStyle = {}): number {
    const size = style.size ?? 20;
    this.g.font = `${size}px ${style.face === 'serif' ? 'serif' : 'latin'}, cjk`;
    const han = /\p{Script=Han}/u.test(text);
    const tokens = han ? [...text] : text.split(' ');
    let line = '';
    for (const token of tokens) {
      const next = line ? (han ? line + token : `${line} ${token}`) : token;
      if (this.g.measureText(next).width > width && line) {
        this.text(x, y, line, style);
        y += size * 1.45;
        line = token;
      } else line = next;
    }
    if (line) this.text(x, y, line, style);
    return y + size * 1.45;
  }

  box(x: number, y: number, w: number, h: number, width = 2): void {
    this.g.strokeStyle = '#222';
    this.g.lineWidth = width;
    this.g.strokeRect(x, y, w, h);
  }

  /** Label–value rows one under another, as on a certificate; `rule`: a line under each value, as on a printed form. */
  fields(rows: string[][], at: { x: number; valueX: number; y: number; step: number; label: TextStyle; value: TextStyle; rule?: boolean }): void {
    rows.forEach(([label, value], i) => {
      const y = at.y + i * at.step;
      this.text(at.x, y, label!, at.label);
      this.text(at.valueX, y, value!, at.value);
      if (at.rule) this.line(at.valueX, y + 10, 900, y + 10, 1);
    });
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 2): void {
    this.g.strokeStyle = '#222';
    this.g.lineWidth = width;
    this.g.beginPath();
    this.g.moveTo(x1, y1);
    this.g.lineTo(x2, y2);
    this.g.stroke();
  }

  /** A round stamp; `rim` runs round its edge (Han characters one by one, Latin as a word). */
  seal(x: number, y: number, rim: string, color = 'rgba(200, 35, 35, 0.72)', radius = 78): void {
    const g = this.g;
    g.save();
    g.strokeStyle = color;
    g.fillStyle = color;
    g.lineWidth = 4;
    g.beginPath();
    g.arc(x, y, radius, 0, Math.PI * 2);
    g.stroke();
    g.font = '30px latin';
    g.fillText('★', x - 14, y + 11);
    g.font = '17px latin, cjk';
    const chars = [...rim];
    chars.forEach((ch, i) => {
      const angle = -Math.PI * 0.85 + (i * Math.PI * 1.7) / Math.max(1, chars.length - 1);
      g.save();
      g.translate(x + Math.cos(angle - Math.PI / 2) * (radius - 18), y + Math.sin(angle - Math.PI / 2) * (radius - 18));
      g.rotate(angle);
      g.fillText(ch, -6, 6);
      g.restore();
    });
    g.restore();
  }
}

// ---------------------------------------------------------------------------
// The photograph: perspective, table, light and shadow, focus, noise, JPEG.

interface Shot {
  /** Degrees the page is turned on the table. */
  turn: number;
  /** How far (px) each corner may move: the phone is not held square above the page. */
  skew: number;
  /** Gaussian blur, px. */
  blur: number;
  /** 0–1: how dark the shadow across the page is. */
  shadow: number;
  table: 'oak' | 'walnut' | 'grey';
  quality: number;
}

const TABLES = { oak: [156, 122, 84], walnut: [92, 64, 48], grey: [141, 143, 145] } as const;
const SHOT_W = 1160;
const SHOT_H = 1560;

type Point = [number, number];

/** The 3×3 homography taking the four `from` corners onto the four `to` corners (Gaussian elimination on 8 unknowns). */
function homography(from: Point[], to: Point[]): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let pivot = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[pivot]![c]!)) pivot = r;
    [rows[c], rows[pivot]] = [rows[pivot]!, rows[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = rows[r]![c]! / rows[c]![c]!;
      for (let k = c; k < 9; k++) rows[r]![k]! -= f * rows[c]![k]!;
    }
  }
  return [...rows.map((row, i) => row[8]! / row[i]!), 1];
}

function photograph(page: Canvas, shot: Shot, random: () => number): Canvas {
  const src = page.getContext('2d').getImageData(0, 0, PAGE_W, PAGE_H).data;
  const scale = 0.9 * Math.min(SHOT_W / PAGE_W, SHOT_H / PAGE_H);
  const turn = (shot.turn * Math.PI) / 180;
  const corners: Point[] = [[0, 0], [PAGE_W, 0], [PAGE_W, PAGE_H], [0, PAGE_H]];
  const placed = corners.map(([x, y]): Point => {
    const cx = (x - PAGE_W / 2) * scale;
    const cy = (y - PAGE_H / 2) * scale;
    return [SHOT_W / 2 + cx * Math.cos(turn) - cy * Math.sin(turn) + (random() - 0.5) * 2 * shot.skew, SHOT_H / 2 + cx * Math.sin(turn) + cy * Math.cos(turn) + (random() - 0.5) * 2 * shot.skew];
  });
  // From the photo back to the page: each photo pixel looks up the page pixel it shows.
  const h = homography(placed, corners);
  const out = createCanvas(SHOT_W, SHOT_H);
  const image = out.getContext('2d').createImageData(SHOT_W, SHOT_H);
  const px = image.data;
  const wood = TABLES[shot.table];
  const grainPhase = random() * 10;
  const light: Point = [SHOT_W * (0.2 + random() * 0.6), SHOT_H * (0.1 + random() * 0.3)];
  // The shadow of the phone and hand: a soft ellipse over one side of the page.
  const shadowAt: Point = [random() < 0.5 ? SHOT_W * 0.1 : SHOT_W * 0.9, SHOT_H * (0.55 + random() * 0.4)];
  const shadowR: Point = [SHOT_W * (0.35 + random() * 0.15), SHOT_H * (0.25 + random() * 0.1)];
  for (let y = 0; y < SHOT_H; y++) {
    for (let x = 0; x < SHOT_W; x++) {
      const w = h[6]! * x + h[7]! * y + 1;
      const u = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const v = (h[3]! * x + h[4]! * y + h[5]!) / w;
      let r: number, gr: number, b: number;
      if (u >= 0 && v >= 0 && u < PAGE_W - 1 && v < PAGE_H - 1) {
        const x0 = Math.floor(u), y0 = Math.floor(v), fx = u - x0, fy = v - y0;
        const at = (dx: number, dy: number, c: number) => src[((y0 + dy) * PAGE_W + x0 + dx) * 4 + c]!;
        const mix = (c: number) => (at(0, 0, c) * (1 - fx) + at(1, 0, c) * fx) * (1 - fy) + (at(0, 1, c) * (1 - fx) + at(1, 1, c) * fx) * fy;
        r = mix(0);
        gr = mix(1);
        b = mix(2);
      } else {
        const grain = 0.85 + 0.15 * Math.sin(y * 0.045 + Math.sin(x * 0.004 + grainPhase) * 3 + grainPhase);
        r = wood[0] * grain;
        gr = wood[1] * grain;
        b = wood[2] * grain;
      }
      const d = Math.hypot(x - light[0], y - light[1]) / SHOT_H;
      let lit = 1.04 - 0.45 * d * d;
      const e = Math.hypot((x - shadowAt[0]) / shadowR[0], (y - shadowAt[1]) / shadowR[1]);
      lit *= 1 - shot.shadow * Math.min(1, Math.max(0, (1.15 - e) / 0.3));
      const noise = (random() - 0.5) * 22;
      const i = (y * SHOT_W + x) * 4;
      px[i] = r * lit * 1.0 + noise;
      px[i + 1] = gr * lit * 0.98 + noise;
      px[i + 2] = b * lit * 0.93 + noise;
      px[i + 3] = 255;
    }
  }
  out.getContext('2d').putImageData(image, 0, 0);
  const focused = createCanvas(SHOT_W, SHOT_H);
  const g = focused.getContext('2d');
  g.filter = `blur(${shot.blur}px)`;
  g.drawImage(out, 0, 0);
  return focused;
}

// ---------------------------------------------------------------------------
// The layouts. Names are invented ("Sample", "Muster", "示例", "Ejemplo", "Exemple").

/** The general certificate of origin: English-only form, 12 boxes, title in the top-right cell. */
function coGeneral(o: { exporter: string[]; consignee: string[]; route: string; destination: string; goods: string; no: string; branch: string; place: string }): Page {
  const p = new Page();
  const L = 50, M = 500, R = 950;
  p.box(L, 40, R - L, 1330);
  p.line(M, 40, M, 560);
  p.text(L + 10, 68, '1. Exporter', { size: 17 });
  o.exporter.forEach((l, i) => p.text(L + 20, 100 + i * 28, l, { size: 19 }));
  p.text(M + 12, 70, `Certificate No. ${o.no}`, { size: 18 });
  p.text((M + R) / 2, 150, 'CERTIFICATE OF ORIGIN', { size: 30, bold: true, align: 'center' });
  p.text((M + R) / 2, 190, 'OF', { size: 22, bold: true, align: 'center' });
  p.text((M + R) / 2, 228, "THE PEOPLE'S REPUBLIC OF CHINA", { size: 22, bold: true, align: 'center' });
  p.line(L, 200, M, 200);
  p.text(L + 10, 228, '2. Consignee', { size: 17 });
  o.consignee.forEach((l, i) => p.text(L + 20, 260 + i * 28, l, { size: 19 }));
  p.line(L, 370, M, 370);
  p.line(M, 290, R, 290);
  p.text(M + 12, 318, '5. For certifying authority use only', { size: 17 });
  p.text(L + 10, 398, '3. Means of transport and route', { size: 17 });
  p.para(L + 20, 430, 420, o.route, { size: 19 });
  p.line(L, 480, M, 480);
  p.text(L + 10, 508, '4. Country / region of destination', { size: 17 });
  p.text(L + 20, 540, o.destination, { size: 20, bold: true });
  p.line(L, 560, R, 560);
  const cols = [L, 190, 560, 700, 820, R];
  ['6. Marks and numbers', '7. Number and kind of packages; description of goods', '8. H.S. Code', '9. Quantity', '10. Number and date of invoices'].forEach((h, i) =>
    p.para(cols[i]! + 8, 588, cols[i + 1]! - cols[i]! - 14, h, { size: 14 }),
  );
  for (const x of cols.slice(1, -1)) p.line(x, 560, x, 900);
  p.line(L, 640, R, 640);
  p.text(cols[0]! + 8, 680, 'N/M', { size: 18 });
  p.para(cols[1]! + 8, 680, 350, o.goods, { size: 18 });
  p.text(cols[2]! + 8, 680, '6302.60', { size: 18 });
  p.text(cols[3]! + 8, 680, '1,200 CTNS', { size: 16 });
  p.text(cols[4]! + 8, 680, 'SL26-0417', { size: 16 });
  p.text(cols[4]! + 8, 704, 'MAR. 12, 2026', { size: 15 });
  p.line(L, 900, R, 900);
  p.line(M, 900, M, 1370);
  p.text(L + 10, 928, '11. Declaration by the exporter', { size: 17 });
  p.para(L + 20, 960, 420, "The undersigned hereby declares that the above details and statements are correct, that all the goods were produced in China and that they comply with the Rules of Origin of the People's Republic of China.", { size: 16 });
  p.text(L + 20, 1300, `${o.place}, MAR. 14, 2026`, { size: 17 });
  p.text(M + 10, 928, '12. Certification', { size: 17 });
  p.para(M + 20, 960, 420, 'It is hereby certified that the declaration by the exporter is correct.', { size: 16 });
  p.para(M + 20, 1060, 420, o.branch, { size: 18, bold: true });
  p.text(M + 20, 1300, `${o.place}, MAR. 15, 2026`, { size: 17 });
  p.seal(M + 300, 1180, 'CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE', 'rgba(40, 60, 170, 0.7)');
  return p;
}

/** A preferential certificate of origin (Form E, RCEP, Form A): a title block, then the numbered boxes. */
function coPreferential(o: { heading: string[]; formName: string; exporter: string[]; consignee: string[]; route: string[]; box12: string[]; issuedIn: string; goods: string; no: string }): Page {
  const p = new Page();
  const L = 50, M = 500, R = 950;
  p.box(L, 40, R - L, 1330);
  p.line(M, 40, M, 620);
  p.text(L + 10, 66, '1. Goods consigned from (Exporter\'s business name, address, country)', { size: 14 });
  o.exporter.forEach((l, i) => p.text(L + 20, 98 + i * 27, l, { size: 18 }));
  p.text(M + 12, 68, `Reference No. ${o.no}`, { size: 18 });
  o.heading.forEach((l, i) => p.text((M + R) / 2, 118 + i * 30, l, { size: i === 0 ? 20 : 17, bold: i === 0, align: 'center' }));
  p.text((M + R) / 2, 130 + o.heading.length * 30, o.formName, { size: 28, bold: true, align: 'center' });
  p.text((M + R) / 2, 175 + o.heading.length * 30, `Issued in ${o.issuedIn}`, { size: 17, align: 'center' });
  p.text((M + R) / 2, 198 + o.heading.length * 30, '(Country)', { size: 14, align: 'center' });
  p.line(L, 230, M, 230);
  p.text(L + 10, 256, "2. Goods consigned to (Consignee's name, address, country)", { size: 14 });
  o.consignee.forEach((l, i) => p.text(L + 20, 288 + i * 27, l, { size: 18 }));
  p.line(L, 420, M, 420);
  p.line(M, 420, R, 420);
  p.text(L + 10, 446, '3. Means of transport and route (as far as known)', { size: 14 });
  o.route.forEach((l, i) => p.text(L + 20, 478 + i * 27, l, { size: 18 }));
  p.text(M + 12, 446, '4. For official use', { size: 14 });
  p.line(L, 620, R, 620);
  const cols = [L, 150, 560, 720, 840, R];
  ['5. Item number', '6. Marks and numbers of packages', '7. Number and type of packages, description of goods', '8. Origin criterion', '9. Gross weight or other quantity'].forEach((h, i) =>
    p.para(cols[i]! + 8, 646, cols[i + 1]! - cols[i]! - 14, h, { size: 13 }),
  );
  for (const x of cols.slice(1, -1)) p.line(x, 620, x, 930);
  p.line(L, 720, R, 720);
  p.text(cols[0]! + 8, 760, '1', { size: 18 });
  p.text(cols[1]! + 8, 760, 'N/M', { size: 18 });
  p.para(cols[2]! - 160, 800, 300, o.goods, { size: 17 });
  p.text(cols[3]! + 8, 760, '"WO"', { size: 18 });
  p.text(cols[4]! + 8, 760, '8,600 KGS', { size: 15 });
  p.line(L, 930, R, 930);
  p.line(M, 930, M, 1370);
  p.text(L + 10, 958, '11. Certification', { size: 15 });
  p.para(L + 20, 990, 420, 'It is hereby certified, on the basis of control carried out, that the declaration by the exporter is correct.', { size: 15 });
  p.text(L + 20, 1300, 'Place and date, signature and stamp of certifying authority', { size: 12 });
  p.text(M + 10, 958, '12. Declaration by the exporter', { size: 15 });
  o.box12.forEach((l, i) => p.text(M + 20, 995 + i * 27, l, { size: 16 }));
  p.seal(L + 300, 1180, 'CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE', 'rgba(40, 60, 170, 0.7)');
  return p;
}

function ccpitCommercialCertificate(): Page {
  const p = new Page();
  p.text(500, 90, '中国国际贸易促进委员会', { size: 30, bold: true, align: 'center' });
  p.text(500, 130, 'CHINA COUNCIL FOR THE PROMOTION OF INTERNATIONAL TRADE', { size: 20, bold: true, align: 'center' });
  p.text(500, 200, '商 事 证 明 书', { size: 34, bold: true, align: 'center' });
  p.text(500, 245, 'COMMERCIAL CERTIFICATE', { size: 26, bold: true, align: 'center' });
  p.text(80, 310, 'No. 2026SH0388/001', { size: 19 });
  let y = p.para(80, 370, 840, '兹证明上海示例机电有限公司于2026年3月2日签署的所附《装箱单》上的公司印章属实。', { size: 22 });
  y = p.para(80, y + 20, 840, 'THIS IS TO CERTIFY that the seal of Shanghai Shili Electromechanical Co., Ltd. affixed to the attached Packing List dated March 2, 2026 is authentic.', { size: 20 });
  y = p.para(80, y + 20, 840, '本证明书供在沙特阿拉伯使用。', { size: 22 });
  p.para(80, y + 10, 840, 'This certificate is issued for use in the Kingdom of Saudi Arabia.', { size: 20 });
  p.text(560, 1150, '中国国际贸易促进委员会上海市分会', { size: 21 });
  p.text(560, 1185, 'CCPIT Shanghai Sub-Council', { size: 20 });
  p.text(560, 1225, '二〇二六年三月六日', { size: 20 });
  p.seal(720, 1140, '中国国际贸易促进委员会上海市分会');
  return p;
}

/** A Chinese notarial certificate, with the notary office's English translation on the same sheet. */
function notarialWithTranslation(): Page {
  const p = new Page();
  p.text(500, 90, '公 证 书', { size: 36, bold: true, align: 'center' });
  p.text(860, 140, '（2026）苏宁示证外字第1127号', { size: 19, align: 'right' });
  let y = p.para(80, 200, 840, '申请人：周示例，男，一九九〇年五月八日出生。', { size: 21 });
  y = p.para(80, y, 840, '公证事项：学历', { size: 21 });
  y = p.para(80, y, 840, '兹证明前面的复印件与东南示例大学颁发给周示例的《学士学位证书》原件相符。该文书拟送往澳大利亚使用。', { size: 21 });
  p.text(560, y + 30, '中华人民共和国江苏省南京市示例公证处', { size: 19 });
  p.text(560, y + 62, '公证员  刘示例', { size: 19 });
  p.text(560, y + 94, '二〇二六年四月三日', { size: 19 });
  p.seal(770, y + 40, '江苏省南京市示例公证处');
  p.line(60, y + 170, 940, y + 170, 1);
  y += 230;
  p.text(500, y, 'NOTARIAL CERTIFICATE', { size: 28, bold: true, align: 'center' });
  p.text(860, y + 45, '(2026) Su Ning Shi Zheng Wai Zi No. 1127', { size: 17, align: 'right' });
  y = p.para(80, y + 100, 840, 'Applicant: Zhou Shili, male, born on May 8, 1990.', { size: 19 });
  y = p.para(80, y, 840, 'Subject: Academic qualification', { size: 19 });
  y = p.para(80, y, 840, 'This is to certify that the foregoing photocopy is in conformity with the original Bachelor\'s Degree Certificate issued to Zhou Shili by Southeast Sample University. This document is to be used in Australia.', { size: 19 });
  p.text(500, y + 30, 'Sample Notary Public Office of Nanjing, Jiangsu Province', { size: 18 });
  p.text(500, y + 60, "The People's Republic of China", { size: 18 });
  p.text(500, y + 90, 'Notary Public: Liu Shili      April 3, 2026', { size: 18 });
  return p;
}

function businessLicence(): Page {
  const p = new Page('#fbf8ef');
  p.g.strokeStyle = '#b8892b';
  p.g.lineWidth = 10;
  p.g.strokeRect(30, 30, 940, 1354);
  p.text(500, 180, '营 业 执 照', { size: 56, bold: true, align: 'center' });
  p.text(500, 230, '（副  本）', { size: 24, align: 'center' });
  p.text(90, 310, '统一社会信用代码  91320583MA1XY2026Q', { size: 21 });
  const rows = [
    ['名    称', '昆山示例精密模具有限公司'],
    ['类    型', '有限责任公司（自然人投资或控股）'],
    ['法定代表人', '陈示例'],
    ['注册资本', '伍佰万元整'],
    ['成立日期', '2019年06月18日'],
    ['住    所', '昆山市示例镇示例路88号'],
  ];
  p.fields(rows, { x: 110, valueX: 300, y: 410, step: 62, label: { size: 23 }, value: { size: 23 } });
  p.text(110, 810, '经营范围', { size: 23 });
  p.para(300, 810, 600, '精密模具、五金制品的研发、生产和销售；货物及技术的进出口业务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）', { size: 21 });
  p.text(600, 1180, '登记机关', { size: 23 });
  p.text(600, 1230, '昆山市市场监督管理局', { size: 22 });
  p.text(600, 1280, '2024年03月11日', { size: 22 });
  p.seal(760, 1190, '昆山市市场监督管理局');
  return p;
}

function powerOfAttorney(): Page {
  const p = new Page();
  p.text(500, 110, 'POWER OF ATTORNEY', { size: 36, bold: true, align: 'center' });
  let y = p.para(80, 200, 840, 'We, Ningbo Shili Household Products Co., Ltd., a company incorporated under the laws of the People\'s Republic of China, with its registered office at No. 18 Sample Road, Yinzhou District, Ningbo, Zhejiang, China,', { size: 20 });
  y = p.para(80, y + 10, 840, 'hereby appoint Dr. Paulo Exemplo, lawyer, OAB/SP 123.456, of Rua Modelo 100, São Paulo, Brazil, as our attorney-in-fact,', { size: 20 });
  y = p.para(80, y + 10, 840, 'to represent us before the National Institute of Industrial Property (INPI) of Brazil in all matters concerning the registration of our trademark SHILI, to sign and file applications, and to receive notices on our behalf.', { size: 20 });
  y = p.para(80, y + 10, 840, 'This power of attorney is to be used in Brazil and is valid until December 31, 2027.', { size: 20 });
  p.text(80, y + 80, 'For and on behalf of', { size: 19 });
  p.text(80, y + 112, 'Ningbo Shili Household Products Co., Ltd.', { size: 19, bold: true });
  p.text(80, y + 200, 'Legal representative: Wang Shili', { size: 19 });
  p.text(80, y + 232, 'Ningbo, April 20, 2026', { size: 19 });
  p.seal(520, y + 150, '宁波示例家居用品有限公司');
  return p;
}

function invoice(): Page {
  const p = new Page();
  p.text(80, 90, 'XIAMEN SHILI STONE INDUSTRY CO., LTD.', { size: 24, bold: true });
  p.text(80, 122, 'No. 66 Sample Avenue, Siming District, Xiamen, Fujian, China   Tel: +86 592 000 0000', { size: 15 });
  p.line(60, 140, 940, 140, 3);
  p.text(500, 200, 'COMMERCIAL INVOICE', { size: 34, bold: true, align: 'center' });
  p.text(80, 260, 'Invoice No.: XSS-2026-0219', { size: 19 });
  p.text(560, 260, 'Date: Feb. 19, 2026', { size: 19 });
  p.text(80, 300, 'Sold to / Consignee:', { size: 19, bold: true });
  p.text(100, 332, 'Comercial Ejemplo Ltda.', { size: 19 });
  p.text(100, 362, 'Avenida Modelo 1234, Santiago, Chile', { size: 19 });
  p.text(560, 300, 'Payment: T/T 30 days', { size: 17 });
  p.text(560, 332, 'Terms: CIF Valparaiso', { size: 17 });
  p.text(80, 420, 'From: Xiamen, China   To: Valparaiso, Chile   By sea', { size: 18 });
  p.text(80, 450, 'Notify party: Agencia Ejemplo, Lima, Peru', { size: 16 });
  const cols = [60, 140, 560, 680, 800, 940];
  p.box(60, 480, 880, 360);
  ['No.', 'Description of goods', 'Qty', 'Unit price', 'Amount'].forEach((h, i) => p.text(cols[i]! + 10, 515, h, { size: 17, bold: true }));
  p.line(60, 530, 940, 530);
  for (const x of cols.slice(1, -1)) p.line(x, 480, x, 840);
  const items = [['1', 'Polished granite slabs G654', '320 m2', 'USD 38.00', 'USD 12,160.00'], ['2', 'Granite kerbstones 100x15x25', '900 pcs', 'USD 6.50', 'USD 5,850.00']];
  items.forEach((row, r) => row.forEach((v, i) => p.text(cols[i]! + 10, 575 + r * 45, v, { size: 16 })));
  p.text(560, 880, 'TOTAL: USD 18,010.00', { size: 21, bold: true });
  p.text(80, 940, 'Country of origin: China', { size: 18 });
  p.text(80, 1200, 'Xiamen Shili Stone Industry Co., Ltd.', { size: 18 });
  p.text(80, 1232, 'Authorised signature', { size: 16 });
  p.seal(330, 1180, '厦门示例石业有限公司');
  return p;
}

function germanBirthCertificate(): Page {
  const p = new Page('#f7f9f5');
  p.text(500, 100, 'Geburtsurkunde', { size: 40, bold: true, face: 'serif', align: 'center' });
  p.text(500, 145, 'Standesamt München', { size: 24, face: 'serif', align: 'center' });
  p.text(500, 180, 'Nr. G 1234/2019', { size: 20, face: 'serif', align: 'center' });
  const rows = [
    ['Familienname', 'Mustermann'],
    ['Vornamen', 'Lena Marie'],
    ['Geschlecht', 'weiblich'],
    ['Geburtstag', '14. März 2019'],
    ['Geburtsort', 'München'],
    ['Mutter', 'Anna Mustermann, geb. Beispiel'],
    ['Vater', 'Jonas Mustermann'],
  ];
  p.fields(rows, { x: 110, valueX: 400, y: 290, step: 70, label: { size: 21, face: 'serif' }, value: { size: 23, face: 'serif', bold: true }, rule: true });
  p.text(110, 900, 'München, den 20.03.2019', { size: 20, face: 'serif' });
  p.text(600, 900, 'Der Standesbeamte', { size: 20, face: 'serif' });
  p.text(600, 940, 'Beispiel', { size: 20, face: 'serif' });
  p.seal(300, 1080, 'STANDESAMT MÜNCHEN', 'rgba(40, 40, 40, 0.6)');
  p.text(500, 1330, 'Landeshauptstadt München, Kreisverwaltungsreferat, Bundesrepublik Deutschland', { size: 15, face: 'serif', align: 'center' });
  return p;
}

function usCertificateOfIncorporation(): Page {
  const p = new Page();
  p.text(500, 110, 'State of Delaware', { size: 38, bold: true, face: 'serif', align: 'center' });
  p.text(500, 160, 'Secretary of State', { size: 26, face: 'serif', align: 'center' });
  p.text(500, 195, 'Division of Corporations', { size: 22, face: 'serif', align: 'center' });
  p.text(500, 290, 'CERTIFICATE OF GOOD STANDING', { size: 30, bold: true, face: 'serif', align: 'center' });
  let y = p.para(90, 380, 820, 'I, JANE EXAMPLE, SECRETARY OF STATE OF THE STATE OF DELAWARE, DO HEREBY CERTIFY "SAMPLE ROBOTICS INC." IS DULY INCORPORATED UNDER THE LAWS OF THE STATE OF DELAWARE AND IS IN GOOD STANDING AND HAS A LEGAL CORPORATE EXISTENCE SO FAR AS THE RECORDS OF THIS OFFICE SHOW, AS OF THE SIXTEENTH DAY OF APRIL, A.D. 2026.', { size: 21, face: 'serif' });
  y = p.para(90, y + 20, 820, 'AND I DO HEREBY FURTHER CERTIFY THAT THE SAID "SAMPLE ROBOTICS INC." WAS INCORPORATED ON THE NINTH DAY OF MAY, A.D. 2017.', { size: 21, face: 'serif' });
  p.text(560, y + 120, 'Jane Example, Secretary of State', { size: 19, face: 'serif' });
  p.text(560, y + 155, 'Authentication: 204311299', { size: 17, face: 'serif' });
  p.text(560, y + 185, 'Date: 04-16-26', { size: 17, face: 'serif' });
  p.seal(300, y + 160, 'GREAT SEAL OF THE STATE OF DELAWARE', 'rgba(150, 120, 30, 0.65)', 90);
  return p;
}

function frenchMarriageCertificate(): Page {
  const p = new Page();
  p.text(500, 90, 'RÉPUBLIQUE FRANÇAISE', { size: 26, bold: true, face: 'serif', align: 'center' });
  p.text(500, 130, 'Mairie de Lyon  -  Service de l\'état civil', { size: 20, face: 'serif', align: 'center' });
  p.text(500, 215, 'EXTRAIT D\'ACTE DE MARIAGE', { size: 30, bold: true, face: 'serif', align: 'center' });
  p.text(500, 255, 'avec filiation  -  N° 0842', { size: 19, face: 'serif', align: 'center' });
  let y = p.para(90, 340, 820, 'Le douze juin deux mille vingt-quatre, à onze heures, a été célébré en notre mairie le mariage de :', { size: 21, face: 'serif' });
  y = p.para(110, y + 10, 800, 'Thomas EXEMPLE, né le 3 février 1991 à Lyon (Rhône), ingénieur, fils de Paul Exemple et de Marie Modèle ;', { size: 21, face: 'serif' });
  y = p.para(110, y + 10, 800, 'et de Wei ZHANG, née le 21 août 1993 à Chengdu (Chine), traductrice, fille de Zhang Ming et de Li Hua.', { size: 21, face: 'serif' });
  y = p.para(90, y + 20, 820, 'Contrat de mariage : néant. Extrait délivré le 2 mars 2026 par l\'officier de l\'état civil.', { size: 20, face: 'serif' });
  p.text(560, y + 90, 'L\'officier de l\'état civil', { size: 19, face: 'serif' });
  p.seal(300, y + 140, 'MAIRIE DE LYON - ÉTAT CIVIL', 'rgba(40, 60, 160, 0.6)');
  return p;
}

function spanishBirthCertificate(): Page {
  const p = new Page();
  p.text(500, 90, 'REINO DE ESPAÑA', { size: 26, bold: true, face: 'serif', align: 'center' });
  p.text(500, 128, 'MINISTERIO DE JUSTICIA', { size: 20, face: 'serif', align: 'center' });
  p.text(500, 160, 'Registro Civil de Valencia', { size: 20, face: 'serif', align: 'center' });
  p.text(500, 240, 'CERTIFICADO DE NACIMIENTO', { size: 30, bold: true, face: 'serif', align: 'center' });
  p.text(500, 280, 'Certificación literal  -  Tomo 00412  Página 118', { size: 18, face: 'serif', align: 'center' });
  const rows = [
    ['Nombre', 'Lucía'],
    ['Apellidos', 'Ejemplo Modelo'],
    ['Fecha de nacimiento', '7 de octubre de 2015'],
    ['Lugar de nacimiento', 'Valencia'],
    ['Padre', 'Javier Ejemplo Ruiz'],
    ['Madre', 'Carmen Modelo Gil'],
  ];
  p.fields(rows, { x: 110, valueX: 420, y: 380, step: 66, label: { size: 20, face: 'serif' }, value: { size: 22, face: 'serif', bold: true } });
  p.para(110, 840, 780, 'El Encargado del Registro Civil certifica que la presente es copia fiel de la inscripción de nacimiento.', { size: 19, face: 'serif' });
  p.text(560, 1000, 'Valencia, 15 de enero de 2026', { size: 19, face: 'serif' });
  p.text(560, 1035, 'El Encargado del Registro Civil', { size: 18, face: 'serif' });
  p.seal(320, 1080, 'REGISTRO CIVIL DE VALENCIA', 'rgba(120, 40, 110, 0.6)');
  return p;
}

function ukCertificateOfIncorporation(): Page {
  const p = new Page();
  p.text(500, 120, 'CERTIFICATE OF INCORPORATION', { size: 32, bold: true, face: 'serif', align: 'center' });
  p.text(500, 165, 'OF A PRIVATE LIMITED COMPANY', { size: 24, face: 'serif', align: 'center' });
  p.text(500, 240, 'Company Number 12345678', { size: 22, face: 'serif', align: 'center' });
  let y = p.para(100, 340, 800, 'The Registrar of Companies for England and Wales, hereby certifies that', { size: 22, face: 'serif' });
  p.text(500, y + 30, 'SAMPLE TEA TRADING LIMITED', { size: 28, bold: true, face: 'serif', align: 'center' });
  y = p.para(100, y + 100, 800, 'is this day incorporated under the Companies Act 2006 as a private company, that the company is limited by shares, and the situation of its registered office is in England and Wales.', { size: 22, face: 'serif' });
  p.text(100, y + 60, 'Given at Companies House, Cardiff, on 9th September 2021', { size: 20, face: 'serif' });
  p.seal(720, y + 220, 'COMPANIES HOUSE', 'rgba(30, 30, 30, 0.55)');
  return p;
}

function italianBirthCertificate(): Page {
  const p = new Page();
  p.text(500, 90, 'REPUBBLICA ITALIANA', { size: 26, bold: true, face: 'serif', align: 'center' });
  p.text(500, 128, 'Comune di Milano  -  Ufficio dello Stato Civile', { size: 20, face: 'serif', align: 'center' });
  p.text(500, 210, 'ESTRATTO DELL\'ATTO DI NASCITA', { size: 30, bold: true, face: 'serif', align: 'center' });
  const rows = [
    ['Cognome', 'Esempio'],
    ['Nome', 'Giulia'],
    ['Data di nascita', '2 aprile 2012'],
    ['Luogo di nascita', 'Milano'],
    ['Padre', 'Marco Esempio'],
    ['Madre', 'Sara Modello'],
  ];
  p.fields(rows, { x: 110, valueX: 420, y: 320, step: 66, label: { size: 20, face: 'serif' }, value: { size: 22, face: 'serif', bold: true } });
  p.text(560, 860, 'Milano, 10 febbraio 2026', { size: 19, face: 'serif' });
  p.text(560, 895, "L'Ufficiale dello Stato Civile", { size: 18, face: 'serif' });
  p.seal(320, 960, 'COMUNE DI MILANO', 'rgba(40, 40, 120, 0.6)');
  return p;
}

/** A company certificate that names no state: "Registrar of Companies" is an office in many places. */
function anonymousCertificateOfIncorporation(): Page {
  const p = new Page();
  p.text(500, 130, 'CERTIFICATE OF INCORPORATION', { size: 32, bold: true, face: 'serif', align: 'center' });
  p.text(500, 220, 'Company No. 0187733', { size: 22, face: 'serif', align: 'center' });
  let y = p.para(100, 320, 800, 'I hereby certify that', { size: 22, face: 'serif' });
  p.text(500, y + 30, 'SAMPLE HARBOUR HOLDINGS LIMITED', { size: 28, bold: true, face: 'serif', align: 'center' });
  y = p.para(100, y + 100, 800, 'is this day incorporated as a company limited by shares under the Companies Ordinance.', { size: 22, face: 'serif' });
  p.text(100, y + 60, 'Issued by the Registrar of Companies on 2 May 2022.', { size: 20, face: 'serif' });
  p.text(600, y + 200, 'Registrar of Companies', { size: 20, face: 'serif' });
  p.seal(300, y + 220, 'REGISTRAR OF COMPANIES', 'rgba(30, 30, 30, 0.55)');
  return p;
}

/** A board resolution in English naming no place: who wrote it, and for where, is not on the page. */
function boardResolution(): Page {
  const p = new Page();
  p.text(500, 120, 'BOARD RESOLUTION', { size: 34, bold: true, align: 'center' });
  p.text(500, 165, 'of Sample Bright Holdings Ltd.', { size: 22, align: 'center' });
  let y = p.para(90, 250, 820, 'At a meeting of the Board of Directors duly convened and held on 8 April 2026, at which a quorum was present, it was RESOLVED:', { size: 20 });
  y = p.para(110, y + 10, 800, '1. THAT the Company open a representative office and appoint Ms. Alice Sample as its chief representative;', { size: 20 });
  y = p.para(110, y + 10, 800, '2. THAT any one director be authorised to sign all documents required for the registration.', { size: 20 });
  p.text(90, y + 100, 'Certified a true copy', { size: 19 });
  p.text(90, y + 140, 'Director: Robert Sample', { size: 19 });
  p.text(90, y + 175, 'Secretary: Emma Example', { size: 19 });
  return p;
}

/** A Chinese declaration that names no destination. */
function declarationZh(): Page {
  const p = new Page();
  p.text(500, 120, '声 明 书', { size: 40, bold: true, align: 'center' });
  let y = p.para(90, 230, 820, '声明人：赵示例，男，一九八五年十月二日出生，公民身份号码320106198510020000。', { size: 22 });
  y = p.para(90, y + 10, 820, '本人郑重声明：本人自二〇一〇年起至今未受过任何刑事处罚，所提交的全部材料真实、有效。', { size: 22 });
  y = p.para(90, y + 10, 820, '如有虚假，本人愿承担一切法律责任。', { size: 22 });
  p.text(560, y + 120, '声明人：赵示例', { size: 22 });
  p.text(560, y + 165, '二〇二六年五月六日', { size: 22 });
  return p;
}

// ---------------------------------------------------------------------------

type Group = 'from_china' | 'to_china' | 'ask';

interface PhotoSpec {
  file: string;
  layout: string;
  lang: 'zh' | 'en' | 'bilingual' | 'de' | 'fr' | 'es' | 'it';
  page: () => Page;
  shot: Shot;
  /** What the user typed with the photo, if anything. */
  caption?: string;
  group: Group;
  /** read: the verdict's case is on the paper (and caption); ask: the bot must ask about `ask`. */
  expect: { outcome: 'read'; document: string; country: string; direction: 'from_china' | 'to_china' } | { outcome: 'ask'; ask: 'document' | 'country' | 'direction'; document?: string; direction?: 'from_china' | 'to_china' };
}

const shot = (turn: number, skew: number, blur: number, shadow: number, table: Shot['table'], quality = 72): Shot => ({ turn, skew, blur, shadow, table, quality });

const SPECS: PhotoSpec[] = [
  {
    file: 'co-general-germany.jpg',
    layout: 'ccpit-co-general',
    lang: 'en',
    group: 'from_china',
    page: () => coGeneral({ exporter: ['JIANGSU SHILI TEXTILE CO., LTD.', 'NO. 8 SAMPLE ROAD, NANTONG,', 'JIANGSU, CHINA'], consignee: ['MUSTER HANDELS GMBH', 'BEISPIELSTRASSE 12, 20095', 'HAMBURG, GERMANY'], route: 'FROM SHANGHAI TO HAMBURG BY SEA VIA SINGAPORE', destination: 'GERMANY', goods: 'COTTON BATH TOWELS', no: 'CCPIT 263200 2026 0417', branch: 'China Council for the Promotion of International Trade, Jiangsu Sub-Council', place: 'NANTONG, CHINA' }),
    shot: shot(-3, 40, 0.9, 0.35, 'oak'),
    expect: { outcome: 'read', document: 'certificate-of-origin', country: 'DE', direction: 'from_china' },
  },
  {
    file: 'co-general-mexico.jpg',
    layout: 'ccpit-co-general',
    lang: 'en',
    group: 'from_china',
    page: () => coGeneral({ exporter: ['GUANGZHOU SHILI LIGHTING CO., LTD.', 'NO. 21 SAMPLE STREET, PANYU,', 'GUANGZHOU, CHINA'], consignee: ['ILUMINACION EJEMPLO S.A. DE C.V.', 'AV. MODELO 45, COL. CENTRO,', 'GUADALAJARA, JALISCO, MEXICO'], route: 'FROM NANSHA, CHINA TO MANZANILLO BY SEA', destination: 'MEXICO', goods: 'LED PANEL LIGHTS', no: 'CCPIT 264400 2026 1093', branch: 'China Council for the Promotion of International Trade, Guangdong Sub-Council', place: 'GUANGZHOU, CHINA' }),
    shot: shot(4, 55, 1.2, 0.45, 'walnut', 68),
    expect: { outcome: 'read', document: 'certificate-of-origin', country: 'MX', direction: 'from_china' },
  },
  {
    file: 'co-form-e-vietnam.jpg',
    layout: 'form-e',
    lang: 'en',
    group: 'from_china',
    page: () => coPreferential({ heading: ['ASEAN-CHINA FREE TRADE AREA', 'PREFERENTIAL TARIFF', 'CERTIFICATE OF ORIGIN', '(Combined Declaration and Certificate)'], formName: 'FORM E', issuedIn: "THE PEOPLE'S REPUBLIC OF CHINA", exporter: ['SHENZHEN SHILI ELECTRONICS CO., LTD.', 'NO. 3 SAMPLE ROAD, BAO AN,', 'SHENZHEN, CHINA'], consignee: ['CONG TY TNHH MAU VIET', '12 DUONG MAU, QUAN 1,', 'HO CHI MINH CITY, VIET NAM'], route: ['DEPARTURE DATE: MAR. 20, 2026', 'VESSEL: SAMPLE STAR V.026', 'PORT OF DISCHARGE: HO CHI MINH'], box12: ['The undersigned hereby declares that the', 'above details are correct; the goods were', "produced in CHINA and comply with the", 'origin requirements for goods exported to', 'VIET NAM', '(Importing country)'], goods: 'POWER ADAPTERS', no: 'E263300260012' }),
    shot: shot(2, 45, 1.0, 0.3, 'grey'),
    expect: { outcome: 'read', document: 'preferential-certificate-of-origin', country: 'VN', direction: 'from_china' },
  },
  {
    file: 'co-rcep-japan.jpg',
    layout: 'rcep',
    lang: 'en',
    group: 'from_china',
    page: () => coPreferential({ heading: ['REGIONAL COMPREHENSIVE ECONOMIC', 'PARTNERSHIP AGREEMENT', 'CERTIFICATE OF ORIGIN'], formName: 'FORM RCEP', issuedIn: 'CHINA', exporter: ['QINGDAO SHILI FOODS CO., LTD.', 'NO. 9 SAMPLE ROAD, HUANGDAO,', 'QINGDAO, CHINA'], consignee: ['SAMPLE SHOKUHIN K.K.', '1-2-3 REI-MACHI, CHUO-KU,', 'OSAKA 540-0001, JAPAN'], route: ['FROM QINGDAO TO OSAKA BY SEA', 'VESSEL: SAMPLE MARU 12'], box12: ['The undersigned hereby declares that the', 'above details are correct and that the goods', 'comply with the requirements of the RCEP', 'Agreement. Importing Party: JAPAN'], goods: 'FROZEN VEGETABLES', no: 'R263700260451' }),
    shot: shot(-5, 50, 1.1, 0.4, 'oak', 70),
    expect: { outcome: 'read', document: 'preferential-certificate-of-origin', country: 'JP', direction: 'from_china' },
  },
  {
    file: 'co-form-a-norway.jpg',
    layout: 'form-a',
    lang: 'en',
    group: 'from_china',
    page: () => coPreferential({ heading: ['GENERALIZED SYSTEM OF PREFERENCES', 'CERTIFICATE OF ORIGIN', '(Combined declaration and certificate)'], formName: 'FORM A', issuedIn: "THE PEOPLE'S REPUBLIC OF CHINA", exporter: ['FUJIAN SHILI FOOTWEAR CO., LTD.', 'NO. 5 SAMPLE ROAD, JINJIANG,', 'FUJIAN, CHINA'], consignee: ['EKSEMPEL SKO AS', 'MODELLVEIEN 7, 0150 OSLO,', 'NORWAY'], route: ['FROM XIAMEN TO OSLO BY SEA'], box12: ['The undersigned hereby declares that the', 'above details are correct; that all the goods', 'were produced in CHINA and that they comply', 'with the origin requirements specified for', 'those goods in the Generalized System of', 'Preferences for goods exported to NORWAY', '(importing country)'], goods: 'SPORTS SHOES', no: 'GSP 26350 0088' }),
    shot: shot(3, 35, 0.8, 0.5, 'walnut'),
    expect: { outcome: 'read', document: 'preferential-certificate-of-origin', country: 'NO', direction: 'from_china' },
  },
  {
    file: 'ccpit-commercial-saudi.jpg',
    layout: 'ccpit-commercial-certificate',
    lang: 'bilingual',
    group: 'from_china',
    page: ccpitCommercialCertificate,
    shot: shot(-2, 40, 1.0, 0.35, 'grey'),
    expect: { outcome: 'read', document: 'ccpit-commercial-certificate', country: 'SA', direction: 'from_china' },
  },
  {
    file: 'notarial-translation-australia.jpg',
    layout: 'notarial-with-translation',
    lang: 'bilingual',
    group: 'from_china',
    page: notarialWithTranslation,
    shot: shot(2, 45, 0.9, 0.3, 'oak'),
    expect: { outcome: 'read', document: 'notarial-certificate', country: 'AU', direction: 'from_china' },
  },
  {
    file: 'poa-brazil.jpg',
    layout: 'power-of-attorney',
    lang: 'en',
    group: 'from_china',
    page: powerOfAttorney,
    shot: shot(-4, 50, 1.2, 0.4, 'walnut'),
    expect: { outcome: 'read', document: 'power-of-attorney', country: 'BR', direction: 'from_china' },
  },
  {
    file: 'invoice-chile.jpg',
    layout: 'invoice',
    lang: 'en',
    group: 'from_china',
    page: invoice,
    shot: shot(3, 40, 1.0, 0.45, 'oak', 70),
    expect: { outcome: 'read', document: 'commercial-invoice', country: 'CL', direction: 'from_china' },
  },
  {
    file: 'licence-caption-mexico.jpg',
    layout: 'business-licence',
    lang: 'zh',
    caption: '寄去墨西哥用',
    group: 'from_china',
    page: businessLicence,
    shot: shot(-3, 45, 1.0, 0.35, 'grey'),
    expect: { outcome: 'read', document: 'business-licence', country: 'MX', direction: 'from_china' },
  },
  {
    file: 'de-birth-standesamt.jpg',
    layout: 'foreign-civil-status',
    lang: 'de',
    group: 'to_china',
    page: germanBirthCertificate,
    shot: shot(-3, 45, 1.0, 0.4, 'oak'),
    expect: { outcome: 'read', document: 'birth-certificate', country: 'DE', direction: 'to_china' },
  },
  {
    file: 'us-good-standing-delaware.jpg',
    layout: 'foreign-company',
    lang: 'en',
    group: 'to_china',
    page: usCertificateOfIncorporation,
    shot: shot(4, 50, 1.1, 0.35, 'walnut'),
    expect: { outcome: 'read', document: 'good-standing', country: 'US', direction: 'to_china' },
  },
  {
    file: 'fr-marriage-lyon.jpg',
    layout: 'foreign-civil-status',
    lang: 'fr',
    group: 'to_china',
    page: frenchMarriageCertificate,
    shot: shot(2, 40, 0.9, 0.45, 'grey'),
    expect: { outcome: 'read', document: 'marriage-certificate', country: 'FR', direction: 'to_china' },
  },
  {
    file: 'es-birth-registro-civil.jpg',
    layout: 'foreign-civil-status',
    lang: 'es',
    group: 'to_china',
    page: spanishBirthCertificate,
    shot: shot(-4, 55, 1.2, 0.35, 'oak', 70),
    expect: { outcome: 'read', document: 'birth-certificate', country: 'ES', direction: 'to_china' },
  },
  {
    file: 'uk-incorporation-caption.jpg',
    layout: 'foreign-company',
    lang: 'en',
    caption: 'for our WFOE registration in Shanghai',
    group: 'to_china',
    page: ukCertificateOfIncorporation,
    shot: shot(3, 45, 1.0, 0.3, 'walnut'),
    expect: { outcome: 'read', document: 'business-licence', country: 'GB', direction: 'to_china' },
  },
  {
    file: 'it-birth-milano.jpg',
    layout: 'foreign-civil-status',
    lang: 'it',
    group: 'to_china',
    page: italianBirthCertificate,
    shot: shot(-2, 40, 1.0, 0.4, 'grey'),
    expect: { outcome: 'read', document: 'birth-certificate', country: 'IT', direction: 'to_china' },
  },
  {
    file: 'licence-no-country.jpg',
    layout: 'business-licence',
    lang: 'zh',
    group: 'ask',
    page: businessLicence,
    shot: shot(4, 50, 1.1, 0.45, 'oak'),
    expect: { outcome: 'ask', ask: 'country', document: 'business-licence', direction: 'from_china' },
  },
  {
    file: 'incorporation-no-state.jpg',
    layout: 'foreign-company',
    lang: 'en',
    group: 'ask',
    page: anonymousCertificateOfIncorporation,
    shot: shot(-3, 45, 1.0, 0.35, 'grey'),
    expect: { outcome: 'ask', ask: 'country', document: 'business-licence', direction: 'to_china' },
  },
  {
    file: 'resolution-no-place.jpg',
    layout: 'board-resolution',
    lang: 'en',
    group: 'ask',
    page: boardResolution,
    shot: shot(2, 40, 0.9, 0.4, 'walnut'),
    expect: { outcome: 'ask', ask: 'direction', document: 'board-resolution' },
  },
  {
    file: 'declaration-zh-no-country.jpg',
    layout: 'declaration',
    lang: 'zh',
    group: 'ask',
    page: declarationZh,
    shot: shot(-4, 50, 1.0, 0.3, 'oak'),
    expect: { outcome: 'ask', ask: 'country', document: 'declaration', direction: 'from_china' },
  },
];

/** Tune or held-out, fixed before tuning: alternating within each group, so both halves hold every group. */
function halves(specs: PhotoSpec[]): Map<string, 'tune' | 'heldout'> {
  const seen = new Map<Group, number>();
  const half = new Map<string, 'tune' | 'heldout'>();
  for (const spec of specs) {
    const n = seen.get(spec.group) ?? 0;
    seen.set(spec.group, n + 1);
    half.set(spec.file, n % 2 === 0 ? 'tune' : 'heldout');
  }
  return half;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const half = halves(SPECS);
  const rows: string[] = [];
  for (const [index, spec] of SPECS.entries()) {
    const photo = photograph(spec.page().canvas, spec.shot, seeded(2000 + index));
    const bytes = await photo.encode('jpeg', spec.shot.quality);
    writeFileSync(join(OUT, spec.file), bytes);
    rows.push(JSON.stringify({ file: spec.file, half: half.get(spec.file), layout: spec.layout, lang: spec.lang, group: spec.group, ...(spec.caption ? { caption: spec.caption } : {}), ...spec.expect }));
    console.log(`${spec.file.padEnd(36)} ${half.get(spec.file)!.padEnd(8)} ${(bytes.length / 1024).toFixed(0).padStart(4)} KB`);
  }
  writeFileSync(join(OUT, 'expected.jsonl'), `${rows.join('\n')}\n`);
  console.log(`${SPECS.length} photos and expected.jsonl in ${OUT}`);
}

await main();
