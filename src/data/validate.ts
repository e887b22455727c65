/**
 * Checks the staff-edited data files and says exactly what is wrong: file,
 * entry id (or position), field, and the fix. Issues are codes with parameters;
 * report.ts words them (locales/*.json, validate.*), so staff read them in
 * their language on the command line and in Telegram.
 */
import { z } from 'zod';
import { TELEGRAM_MESSAGE_LIMIT } from '../format/html.ts';
import { CountriesFileSchema, CountrySchema, DocumentSchema, DocumentsFileSchema, type CountriesFile, type DocumentsFile } from '../catalogue/schema.ts';
import { FaqEntrySchema, FaqFileSchema, type FaqFile } from '../knowledge/schema.ts';
import { LANGS } from '../i18n/languages.ts';

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  file: string;
  /** The entry's id, or "#n" (1-based) when it has none. */
  entry?: string;
  field?: string;
  code: string;
  params?: Record<string, string | number>;
}


/** JSON.parse with the line and column of a syntax error. */
export function parseJson(text: string, file: string): { value?: unknown; issues: Issue[] } {
  try {
    return { value: JSON.parse(text), issues: [] };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    let line: number;
    let column: number;
    if (position) {
      const before = text.slice(0, Number(position[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    } else if (lineColumn) {
      line = Number(lineColumn[1]);
      column = Number(lineColumn[2]);
    } else {
      // "Unexpected end of JSON input": the problem is at the very end.
      const lines = text.split('\n');
      line = lines.length;
      column = (lines.at(-1)?.length ?? 0) + 1;
    }
    return { issues: [{ severity: 'error', file, code: 'invalid_json', params: { line, column, detail: message.replace(/ in JSON at position \d+.*$/, '').slice(0, 120) } }] };
  }
}

type Raw = Record<string, unknown>;

/**
 * What a check of one file found, and the file as the loader will use it: present only when
 * there is no error, and parsed by the same file schema the loader trusts, so whatever the
 * check accepts can be loaded (one parse serves both).
 */
export interface Checked<T> {
  issues: Issue[];
  value?: T;
}

/** The JSON text as an object (not null, a number, true/false or a list), or the issue that says what it is instead. */
function parseObject(text: string, file: string): { root?: Raw; issues: Issue[] } {
  const parsed = parseJson(text, file);
  if (parsed.issues.length) return { issues: parsed.issues };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { issues: [{ severity: 'error', file, code: 'not_an_object', params: { found: Array.isArray(value) ? '[…]' : JSON.stringify(value).slice(0, 40) } }] };
  }
  return { root: value as Raw, issues: [] };
}

/** The last word: the whole file against the loader's schema, once the detailed checks found no error. */
function finalCheck<T>(schema: z.ZodType<T>, root: Raw, file: string, issues: Issue[]): Checked<T> {
  if (hasErrors(issues)) return { issues };
  const result = schema.safeParse(root);
  if (result.success) return { issues, value: result.data };
  return { issues: [...issues, ...result.error.issues.slice(0, 20).map((issue) => fromZod(issue, file, undefined, root))] };
}

function entryLabel(raw: unknown, index: number): string {
  const id = (raw as Raw | null)?.id;
  return typeof id === 'string' && id.trim() ? id : `#${index + 1}`;
}

/** A zod issue as one of our codes. */
function fromZod(issue: z.core.$ZodIssue, file: string, entry: string | undefined, raw: unknown): Issue {
  const path = issue.path.map(String);
  const field = path.join('.') || undefined;
  const base = { severity: 'error' as const, file, entry, field };
  const last = path.at(-1) ?? '';
  // Missing, whatever zod calls it (a union reports "invalid_union", not "required").
  const value = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Raw)[key] : undefined), raw);
  if (value === undefined) return { ...base, code: last === 'source' ? 'missing_source' : 'missing_field' };
  if (issue.code === 'too_small') {
    const minimum = Number((issue as { minimum?: number | bigint }).minimum ?? 1);
    if (path[0] === 'questions') return { ...base, code: 'too_few_variants', params: { lang: path[1] ?? '', min: minimum } };
    if (last === 'source' || path[0] === 'source') return { ...base, code: 'missing_source' };
    return { ...base, code: 'empty_field' };
  }
  if (last === 'updated' || last === 'entryIntoForce' || last === 'inForceWithChinaFrom' || last === 'asOf') return { ...base, code: 'bad_date' };
  if (last === 'id') return { ...base, code: 'bad_id' };
  return { ...base, code: 'invalid_value', params: { detail: issue.message } };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad = (n: string | number) => String(n).padStart(2, '0');

/**
 * The facts-bearing numbers of a text, written the same way in both languages:
 * dates as YYYY-MM-DD (or --MM-DD without a year), 3亿 and 300 million as
 * 300000000, and other numbers of two or more digits. Single digits are list
 * markers and article numbers more often than facts.
 */
export function factNumbers(text: string): string[] {
  const found: string[] = [];
  const monthNames = MONTHS.join('|');
  let rest = text
    .replace(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (_m, y, mo, d) => (found.push(`${y}-${pad(mo)}-${pad(d)}`), ' '))
    .replace(new RegExp(`(\\d{1,2})\\s+(${monthNames})\\s+(\\d{4})`, 'gi'), (_m, d, mo: string, y) => (found.push(`${y}-${pad(MONTHS.indexOf(mo.toLowerCase()) + 1)}-${pad(d)}`), ' '))
    .replace(/(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (_m, mo, d) => (found.push(`--${pad(mo)}-${pad(d)}`), ' '))
    .replace(new RegExp(`(\\d{1,2})\\s+(${monthNames})\\b`, 'gi'), (_m, d, mo: string) => (found.push(`--${pad(MONTHS.indexOf(mo.toLowerCase()) + 1)}-${pad(d)}`), ' '))
    .replace(/(\d{4})\s*年\s*(\d{1,2})\s*月/g, (_m, y, mo) => (found.push(`${y}-${pad(mo)}`), ' '))
    .replace(new RegExp(`(${monthNames})\\s+(\\d{4})`, 'gi'), (_m, mo: string, y) => (found.push(`${y}-${pad(MONTHS.indexOf(mo.toLowerCase()) + 1)}`), ' '))
    .replace(/(\d+(?:\.\d+)?)\s*亿/g, (_m, n) => (found.push(String(Number(n) * 1e8)), ' '))
    .replace(/(\d+(?:\.\d+)?)\s*万/g, (_m, n) => (found.push(String(Number(n) * 1e4)), ' '))
    .replace(/(\d+(?:\.\d+)?)\s*million/gi, (_m, n) => (found.push(String(Number(n) * 1e6)), ' '))
    .replace(/\b(?:article|art\.)\s*\d+/gi, ' ');
  rest = rest.replace(/\d{2,}(?:[.,]\d+)?/g, (n) => (found.push(n.replace(',', '')), ' '));
  return [...new Set(found)].sort();
}

const digits = factNumbers;

/** An entry not checked for longer than this gets a warning: facts (dates, parties, fees) change. */
export const STALE_AFTER_DAYS = 365;
/** A source staff still have to write (faq:gaps drafts put it there). */
const PLACEHOLDER_SOURCE = /\bTODO\b/i;

export interface FaqCheckOptions {
  /** Today (YYYY-MM-DD): entries whose `updated` is more than a year before it get a warning. Omitted: no age check. */
  today?: string;
}

function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What the checks of one FAQ entry share: the file, its categories, and the ids and questions seen so far. */
interface FaqScan {
  file: string;
  options: FaqCheckOptions;
  categories: string[];
  ids: Map<string, number>;
  questions: Map<string, string>;
  issues: Issue[];
}

export const validateFaq = (text: string, file = 'data/faq.json', options: FaqCheckOptions = {}): Issue[] => checkFaqFile(text, file, options).issues;

export function checkFaqFile(text: string, file = 'data/faq.json', options: FaqCheckOptions = {}): Checked<FaqFile> {
  const { root, issues: rootIssues } = parseObject(text, file);
  if (!root) return { issues: rootIssues };
  return finalCheck(FaqFileSchema, root, file, checkFaqEntries(root, file, options));
}

function checkFaqEntries(root: Raw, file: string, options: FaqCheckOptions): Issue[] {
  const issues: Issue[] = [];
  const categories = Array.isArray(root.categories) ? root.categories.filter((c): c is string => typeof c === 'string') : [];
  if (root.version !== 1) issues.push({ severity: 'error', file, field: 'version', code: 'bad_version' });
  if (!categories.length) issues.push({ severity: 'error', file, field: 'categories', code: 'missing_field' });
  if (!Array.isArray(root.entries)) return [...issues, { severity: 'error', file, field: 'entries', code: 'missing_field' }];

  const scan: FaqScan = { file, options, categories, ids: new Map(), questions: new Map(), issues };
  const entries = root.entries as unknown[];
  entries.forEach((raw, index) => {
    const entry = entryLabel(raw, index);
    checkFaqSchema(scan, raw, entry);
    const value = raw as Raw;
    checkFaqFields(scan, value, entry, index);
    checkFaqAnswer(scan, (value?.answer ?? {}) as Raw, entry);
    checkFaqQuestions(scan, (value?.questions ?? {}) as Raw, entry);
  });
  // Related ids must exist (checked after all ids are known).
  entries.forEach((raw, index) => {
    const related = (raw as Raw)?.related;
    if (!Array.isArray(related)) return;
    for (const id of related) {
      if (typeof id === 'string' && !scan.ids.has(id)) issues.push({ severity: 'error', file, entry: entryLabel(raw, index), field: 'related', code: 'unknown_related', params: { related: id } });
    }
  });
  return issues;
}

/** Schema issues, one per code and field (zod can report the same one several times). */
function checkFaqSchema({ file, issues }: FaqScan, raw: unknown, entry: string): void {
  const result = FaqEntrySchema.safeParse(raw);
  if (result.success) return;
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const mapped = fromZod(issue, file, entry, raw);
    const key = `${mapped.code}:${mapped.field}`;
    if (!seen.has(key)) issues.push(mapped);
    seen.add(key);
  }
}

/** Id, category, source and age: the checks the schema cannot make alone. */
function checkFaqFields({ file, options, categories, ids, issues }: FaqScan, value: Raw, entry: string, index: number): void {
  if (typeof value?.id === 'string') {
    if (ids.has(value.id)) issues.push({ severity: 'error', file, entry, field: 'id', code: 'duplicate_id', params: { first: `#${ids.get(value.id)! + 1}` } });
    else ids.set(value.id, index);
  }
  if (typeof value?.category === 'string' && categories.length && !categories.includes(value.category)) {
    issues.push({ severity: 'error', file, entry, field: 'category', code: 'unknown_category', params: { category: value.category, allowed: categories.join(', ') } });
  }
  const sources = Array.isArray(value?.source) ? value.source : [value?.source];
  if (sources.some((source) => typeof source === 'string' && PLACEHOLDER_SOURCE.test(source))) {
    issues.push({ severity: 'error', file, entry, field: 'source', code: 'placeholder_source' });
  }
  if (options.today && typeof value?.updated === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.updated)) {
    const age = daysBetween(value.updated, options.today);
    if (age > STALE_AFTER_DAYS) issues.push({ severity: 'warning', file, entry, field: 'updated', code: 'stale_entry', params: { updated: value.updated, days: age } });
  }
}

/** Each answer fits one Telegram message, and both languages give the same numbers. */
function checkFaqAnswer({ file, issues }: FaqScan, answer: Raw, entry: string): void {
  for (const lang of LANGS) {
    const text = answer[lang];
    if (typeof text === 'string' && text.length > TELEGRAM_MESSAGE_LIMIT) {
      issues.push({ severity: 'error', file, entry, field: `answer.${lang}`, code: 'answer_too_long', params: { length: text.length, limit: TELEGRAM_MESSAGE_LIMIT } });
    }
  }
  if (typeof answer.zh === 'string' && typeof answer.en === 'string') {
    const zh = digits(answer.zh);
    const en = digits(answer.en);
    const onlyZh = zh.filter((d) => !en.includes(d));
    const onlyEn = en.filter((d) => !zh.includes(d));
    if (onlyZh.length || onlyEn.length) {
      issues.push({ severity: 'warning', file, entry, field: 'answer', code: 'numbers_differ', params: { zh: onlyZh.join(' ') || '-', en: onlyEn.join(' ') || '-' } });
    }
  }
}

/** A question (ignoring case, spaces and punctuation) belongs to one entry only. */
function checkFaqQuestions({ file, questions, issues }: FaqScan, variants: Raw, entry: string): void {
  for (const lang of LANGS) {
    const list = variants[lang];
    if (!Array.isArray(list)) continue;
    for (const question of list) {
      if (typeof question !== 'string') continue;
      const key = question.toLowerCase().replace(/[\s\p{P}]+/gu, '');
      const other = questions.get(key);
      if (other && other !== entry) issues.push({ severity: 'error', file, entry, field: `questions.${lang}`, code: 'duplicate_question', params: { question, other } });
      else questions.set(key, entry);
    }
  }
}

function checkTableFile<T>(text: string, file: string, listField: 'countries' | 'documents', fileSchema: z.ZodType<T>, entrySchema: z.ZodTypeAny, key: 'code' | 'id'): Checked<T> {
  const { root, issues } = parseObject(text, file);
  if (!root) return { issues };
  return finalCheck(fileSchema, root, file, checkTableEntries(root[listField], file, listField, entrySchema, key));
}

function checkTableEntries(list: unknown, file: string, listField: 'countries' | 'documents', schema: z.ZodTypeAny, key: 'code' | 'id'): Issue[] {
  if (!Array.isArray(list)) return [{ severity: 'error', file, field: listField, code: 'missing_field' }];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const label = typeof (raw as Raw)?.[key] === 'string' ? String((raw as Raw)[key]) : `#${index + 1}`;
    const result = schema.safeParse(raw);
    if (!result.success) for (const issue of result.error.issues) issues.push(fromZod(issue, file, label, raw));
    if (seen.has(label)) issues.push({ severity: 'error', file, entry: label, field: key, code: 'duplicate_id', params: { first: label } });
    seen.add(label);
  });
  return issues;
}

export const checkCountriesFile = (text: string, file = 'data/countries.json'): Checked<CountriesFile> => checkTableFile(text, file, 'countries', CountriesFileSchema, CountrySchema, 'code');
export const checkDocumentsFile = (text: string, file = 'data/documents.json'): Checked<DocumentsFile> => checkTableFile(text, file, 'documents', DocumentsFileSchema, DocumentSchema, 'id');
export const validateCountries = (text: string, file?: string) => checkCountriesFile(text, file).issues;
export const validateDocuments = (text: string, file?: string) => checkDocumentsFile(text, file).issues;

export const hasErrors = (issues: Issue[]) => issues.some((i) => i.severity === 'error');
