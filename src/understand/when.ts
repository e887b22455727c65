/**
 * The date or time a message means: a full date ("2023-11-07", "2023年11月7日"), a month
 * ("2023年8月", "Sept 2023", "early 2024"), "before Nov 2023", or a relative time
 * ("last year", "下个月"). A month or year stands for a day inside it, so the rules
 * that depend on a date (China's entry into force, a state's own) can be applied.
 */
import { normalizeText } from '../knowledge/analyze.ts';

export interface When {
  /** The day the rules are applied for (YYYY-MM-DD). */
  iso: string;
  /** How precisely the message said it. */
  precision: 'day' | 'month' | 'year';
  /** Whether the message meant "before" that time (the day is then the last one before it). */
  before: boolean;
  /** An earlier time the message also names ("sent in March 2024 … again next month"): the case is the later one. */
  earlier?: When;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const HAN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

const BEFORE = /(?:before|prior\s+to|until|till|earlier\s+than|之前|以前|前|生效前)\s*$/iu;
const BEFORE_AFTER = /^\s*(?:之前|以前|前)/u;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function valid(y: number, m: number, d: number): boolean {
  return y >= 1961 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/** The day a month or year stands for: the middle, or the last day before it when "before" was said. */
function dayOf(y: number, m: number | undefined, before: boolean): When {
  if (m === undefined) return before ? { iso: iso(y - 1, 12, 31), precision: 'year', before } : { iso: iso(y, 7, 1), precision: 'year', before };
  if (before) return { iso: m === 1 ? iso(y - 1, 12, 31) : iso(y, m - 1, lastDay(y, m - 1)), precision: 'month', before };
  return { iso: iso(y, m, 15), precision: 'month', before };
}

interface Found {
  at: number;
  end: number;
  y: number;
  m?: number;
  d?: number;
  /** A part of a year: early, late. */
  part?: 'early' | 'late';
}

function absolute(text: string): Found | undefined {
  const full = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})/u.exec(text);
  if (full && valid(+full[1]!, +full[2]!, +full[3]!)) return { at: full.index, end: full.index + full[0].length, y: +full[1]!, m: +full[2]!, d: +full[3]! };
  // 07/11/2023 (day first, as most users here write it; 11/7/2023 stays day first too unless the day cannot be a month).
  const slashed = /(?<![\d/])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/])/u.exec(text);
  if (slashed) {
    const [a, b, y] = [+slashed[1]!, +slashed[2]!, +slashed[3]!];
    const [d, m] = b > 12 ? [b, a] : [a, b];
    if (valid(y, m, d)) return { at: slashed.index, end: slashed.index + slashed[0].length, y, m, d };
  }
  // "23年10月": a two-digit year.
  const short = /(?<!\d)(\d{2})\s*年\s*(\d{1,2})\s*月/u.exec(text);
  if (short && +short[2]! >= 1 && +short[2]! <= 12) return { at: short.index, end: short.index + short[0].length, y: 2000 + +short[1]!, m: +short[2]! };
  const hanMonth = /(\d{4})\s*年\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:\s*(\d{1,2})\s*[日号號])?/u.exec(text);
  if (hanMonth) {
    const m = /\d/.test(hanMonth[2]!) ? +hanMonth[2]! : HAN_DIGITS[hanMonth[2]!]!;
    const d = hanMonth[3] ? +hanMonth[3] : undefined;
    if (m >= 1 && m <= 12) return { at: hanMonth.index, end: hanMonth.index + hanMonth[0].length, y: +hanMonth[1]!, m, ...(d && valid(+hanMonth[1]!, m, d) ? { d } : {}) };
  }
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD},?\\s+(\\d{4})\\b`, 'iu').exec(text);
  if (dayMonth) {
    const m = MONTHS[dayMonth[2]!.slice(0, 3).toLowerCase()]!;
    if (valid(+dayMonth[3]!, m, +dayMonth[1]!)) return { at: dayMonth.index, end: dayMonth.index + dayMonth[0].length, y: +dayMonth[3]!, m, d: +dayMonth[1]! };
  }
  const monthDay = new RegExp(`\\b${MONTH_WORD}\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?(?:of\\s+)?'?(\\d{4}|\\d{2})\\b`, 'iu').exec(text);
  if (monthDay) {
    const m = MONTHS[monthDay[1]!.slice(0, 3).toLowerCase()]!;
    const y = monthDay[3]!.length === 2 ? 2000 + +monthDay[3]! : +monthDay[3]!;
    const d = monthDay[2] ? +monthDay[2] : undefined;
    return { at: monthDay.index, end: monthDay.index + monthDay[0].length, y, m, ...(d && valid(y, m, d) ? { d } : {}) };
  }
  const part = /\b(early|late|end\s+of|beginning\s+of|start\s+of|mid)[\s-]+(\d{4})\b|(\d{4})\s*年\s*(初|底|年初|年底|上半年|下半年)/iu.exec(text);
  if (part) {
    const y = +(part[2] ?? part[3])!;
    const late = /late|end|底|下半年/iu.test(part[1] ?? part[4] ?? '');
    const mid = /mid/i.test(part[1] ?? '');
    return { at: part.index, end: part.index + part[0].length, y, m: mid ? 6 : late ? 11 : 2, part: late ? 'late' : 'early' };
  }
  // A bare year only as a time of the case ("in 2022", "2022年"), not "since 1965".
  const year = /\b(?:in|during)\s+(20\d{2})\b|(?<![自从從])(20\d{2})\s*年(?!\s*\d)/iu.exec(text);
  if (year) return { at: year.index, end: year.index + year[0].length, y: +(year[1] ?? year[2])! };
  return undefined;
}

/** A month of a year said relative to today: "去年2月", "May this year", "last March", "明年3月". */
/** "明年一季度", "Q1 next year", "first quarter of 2027": the middle of that quarter. */
function quarter(text: string, today: string): When | undefined {
  const year = Number(today.slice(0, 4));
  const han = /(去年|今年|明年)?\s*(?:第)?([一二三四1-4])\s*季度/u.exec(text);
  const en = /\bq([1-4])(?:\s+(?:of\s+)?(next|this|last)\s+year|\s+(\d{4}))?\b|\b(first|second|third|fourth)\s+quarter(?:\s+of\s+(next|this|last)\s+year|\s+(?:of\s+)?(\d{4}))?/iu.exec(text);
  const words: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, first: 1, second: 2, third: 3, fourth: 4 };
  const offsets: Record<string, number> = { 去年: -1, 今年: 0, 明年: 1, last: -1, this: 0, next: 1 };
  let q: number | undefined;
  let y = year;
  if (han) {
    q = words[han[2]!] ?? +han[2]!;
    y = year + (offsets[han[1] ?? '今年'] ?? 0);
  } else if (en) {
    q = en[1] ? +en[1] : words[en[4]!.toLowerCase()];
    const which = (en[2] ?? en[5])?.toLowerCase();
    const fixed = en[3] ?? en[6];
    y = fixed ? +fixed : year + (which ? offsets[which]! : 0);
  }
  return q ? { iso: iso(y, (q - 1) * 3 + 2, 15), precision: 'month', before: false } : undefined;
}

function relativeMonth(text: string, today: string): When | undefined {
  const byQuarter = quarter(text, today);
  if (byQuarter) return byQuarter;
  const year = Number(today.slice(0, 4));
  const han = /(去年|今年|明年|前年)\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月/u.exec(text);
  if (han) {
    const m = /\d/.test(han[2]!) ? +han[2]! : HAN_DIGITS[han[2]!]!;
    const offset = { 前年: -2, 去年: -1, 今年: 0, 明年: 1 }[han[1] as '前年' | '去年' | '今年' | '明年'];
    if (m >= 1 && m <= 12) return { iso: iso(year + offset, m, 15), precision: 'month', before: false };
  }
  const en = new RegExp(`\\b(?:(last|this|next)\\s+${MONTH_WORD}|${MONTH_WORD}\\s+(?:of\\s+)?(last|this|next)\\s+year)\\b`, 'iu').exec(text);
  if (!en) return bareMonth(text, today);
  const which = (en[1] ?? en[4])!.toLowerCase();
  const m = MONTHS[(en[2] ?? en[3])!.slice(0, 3).toLowerCase()]!;
  const current = Number(today.slice(5, 7));
  // "last March" is the latest March before now; "March last year" is last year's.
  const y = en[1] ? (which === 'last' ? (m < current ? year : year - 1) : which === 'next' ? (m > current ? year : year + 1) : year) : year + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
  return { iso: iso(y, m, 15), precision: 'month', before: false };
}

/** Said of the past: "we legalised…", "did", "was". */
const PAST_TENSE = /\b(?:\w+ed|did|was|were|got|had|sent|paid|went|took)\b|(?:了|过|過|咗)/u;

/**
 * "in August" alone: the latest August before today when the message speaks of the past
 * ("we legalised a set in August"), else the next one ("we ship in August").
 */
function bareMonth(text: string, today: string): When | undefined {
  const bare = new RegExp(`\\bin\\s+${MONTH_WORD}\\b(?!\\s+\\d)`, 'iu').exec(text);
  if (!bare) return undefined;
  const m = MONTHS[bare[1]!.slice(0, 3).toLowerCase()]!;
  const year = Number(today.slice(0, 4));
  const current = Number(today.slice(5, 7));
  const y = PAST_TENSE.test(text) ? (m <= current ? year : year - 1) : m >= current ? year : year + 1;
  return { iso: iso(y, m, 15), precision: 'month', before: false };
}

/** Relative times, counted from today. */
const RELATIVE: { pattern: RegExp; months?: number; years?: number }[] = [
  { pattern: /下个月|下個月|下月|next\s+month/iu, months: 1 },
  { pattern: /上个月|上個月|上月|last\s+month/iu, months: -1 },
  { pattern: /明年|next\s+year/iu, years: 1 },
  { pattern: /去年|舊年|旧年|last\s+year/iu, years: -1 },
  { pattern: /前年|the\s+year\s+before\s+last/iu, years: -2 },
];

/** The relative times named; a year word that is part of a month ("去年2月") is left to that month. */
function relatives(text: string, today: string, monthNamed: boolean): When[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return RELATIVE.filter(({ pattern, years }) => pattern.test(text) && !(years && monthNamed)).map(({ months = 0, years = 0 }) => {
    if (years) return { iso: iso(y + years, 7, 1), precision: 'year', before: false };
    const index = y * 12 + (m - 1) + months;
    return { iso: iso(Math.floor(index / 12), (index % 12) + 1, 15), precision: 'month', before: false };
  });
}

/** The date or time the message means, or undefined (the rules then apply today's law). */
/** "现在再寄", "下次", "this time", "like we did in 2019": the case is now, an earlier time is only compared. */
const NOW_CASE = /(?:下次|今后|以后)(?:再|又|要|还要|仲要)?(?:寄|发|送|办|做|整)|(?:现在|而家|如今|目前)[^，。,.?？!！]{0,6}(?:寄|发|送|办|做|整)|下一单|下一批|下一票|下批货|\bnext\s+order\b|(?:再|又)(?:要)?(?:寄|发|送)|\bthis\s+time\b|\bnext\s+(?:time|shipment|batch|order)\b|\bwhat\s+(?:about\s+)?now\b|\b(?:do|does|did)\s+(?:\S+\s+){0,4}again\b|\bthis\s+(?:month|week|year)'?s?\s+(?:shipment|order|batch)\b|\bthis\s+(?:shipment|batch|order)\b|这批|這批|这单|這單|这次|這次|本月|这个月|這個月|\b(?:do|does|is|are)\s+(?:we|i|it|they|you)\s+still\b|\bnowadays\b|\bthese\s+days\b|\bany\s*more\b|\bnow\s*\?|\b(?:like|as)\s+(?:we|i|they)\s+did\b/u;

export function readWhen(text: string, today: string): When | undefined {
  const normal = normalizeText(text);
  const month = relativeMonth(normal, today);
  const times = [absoluteWhen(normal), month, ...relatives(normal, today, month !== undefined)].filter((w): w is When => w !== undefined);
  if (NOW_CASE.test(normal) && times.length) times.push({ iso: today, precision: 'day', before: false });
  if (times.length < 2) return times[0];
  const sorted = [...times].sort((a, b) => a.iso.localeCompare(b.iso));
  const [earlier, later] = [sorted[0]!, sorted.at(-1)!];
  return earlier.iso === later.iso ? later : { ...later, earlier };
}

function absoluteWhen(normal: string): When | undefined {
  const found = absolute(normal);
  if (!found) return undefined;
  const before = BEFORE.test(normal.slice(Math.max(0, found.at - 14), found.at)) || BEFORE_AFTER.test(normal.slice(found.end, found.end + 3));
  if (found.d !== undefined && found.m !== undefined) {
    if (!before) return { iso: iso(found.y, found.m, found.d), precision: 'day', before };
    const day = new Date(Date.UTC(found.y, found.m - 1, found.d - 1));
    return { iso: day.toISOString().slice(0, 10), precision: 'day', before };
  }
  return dayOf(found.y, found.m, before);
}
