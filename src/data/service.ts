/**
 * The data the bot answers from (FAQ + search index, countries and documents),
 * loaded together, validated, and swapped in one step: a reader always sees one
 * consistent set, and a bad edit never replaces a good one.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { buildTables, type Tables } from '../catalogue/tables.ts';
import type { Country } from '../catalogue/schema.ts';
import { analyze, buildLexicon, type LexiconTables } from '../knowledge/analyze.ts';
import { CONCEPTS, type ConceptGroup } from '../knowledge/lexicon.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { DEFAULT_SEARCH_OPTIONS, PLACE_TOKEN_PREFIX } from '../knowledge/search.ts';
import { buildKnowledge, buildKnowledgeInSlices, type Knowledge } from '../knowledge/knowledge.ts';
import { validateOffThread } from './load-offthread.ts';
import type { DataPaths, ValidatedData } from './types.ts';
import { checkCountriesFile, checkDocumentsFile, checkFaqFile, hasErrors, type FaqCheckOptions, type Issue } from './validate.ts';

export interface DataSnapshot {
  knowledge: Knowledge;
  tables: Tables;
  loadedAt: Date;
  /** Fingerprint of the countries and documents files the tables were built from (a reload reuses them when unchanged). */
  tablesKey?: string;
}

export type LoadResult = { ok: true; snapshot: DataSnapshot; issues: Issue[] } | { ok: false; issues: Issue[] };

export class DataLoadError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`data files are not valid (${issues.filter((i) => i.severity === 'error').length} errors)`);
  }
}

async function readText(path: string, issues: Issue[]): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    issues.push({ severity: 'error', file: path, code: 'invalid_value', params: { detail: (error as Error).message } });
    return undefined;
  }
}

/**
 * Country names from the /check table as search concepts, so "加拿大" is one term (not 加, 大)
 * and "germany" is a known place rather than an unknown word. Names the built-in lexicon
 * already maps (印度, 香港…) and short Latin aliases (us, uk: everyday words) are left out.
 */
export function placeConcepts(countries: Country[]): ConceptGroup[] {
  return countries.map((country) => ({
    concept: `${PLACE_TOKEN_PREFIX.slice(1)}${country.code}`,
    domain: false,
    terms: [country.name.en, country.name.zh, country.officialName, ...country.aliases].filter(
      (name) => (/\p{Script=Han}/u.test(name) ? [...name].length >= 2 : name.length >= 3) && !analyze(name).some((t) => t.term.startsWith('#')),
    ),
  }));
}

/**
 * Reads and validates all three files; the checks hand back the files as parsed by the
 * loader's own schemas, so a file the checks accept always loads (also run in a worker,
 * see load-offthread.ts). Never throws: anything unexpected is an issue too.
 */
export async function readAndValidate(paths: DataPaths, faqChecks: FaqCheckOptions = {}): Promise<ValidatedData> {
  try {
    const issues: Issue[] = [];
    const [faq, countries, documents] = await Promise.all([readText(paths.faqFile, issues), readText(paths.countriesFile, issues), readText(paths.documentsFile, issues)]);
    const faqFile = faq === undefined ? undefined : collect(checkFaqFile(faq, paths.faqFile, faqChecks), issues);
    const countriesFile = countries === undefined ? undefined : collect(checkCountriesFile(countries, paths.countriesFile), issues);
    const documentsFile = documents === undefined ? undefined : collect(checkDocumentsFile(documents, paths.documentsFile), issues);
    if (hasErrors(issues) || !faqFile || !countriesFile || !documentsFile) return { issues };
    const tablesKey = createHash('sha256').update(countries!).update('\0').update(documents!).digest('hex');
    return { issues, parsed: { entries: faqFile.entries, categories: faqFile.categories, countries: countriesFile, documents: documentsFile, tablesKey } };
  } catch (error) {
    return { issues: [unexpected(paths.faqFile, error)] };
  }
}

/** Adds a check's issues to `issues` and hands back its value. */
function collect<T>(checked: { issues: Issue[]; value?: T }, issues: Issue[]): T | undefined {
  issues.push(...checked.issues);
  return checked.value;
}

/** A failure no check foresaw, as an issue (its class name only: messages can quote data). */
function unexpected(file: string, error: unknown): Issue {
  return { severity: 'error', file, code: 'load_failed', params: { detail: error instanceof Error ? error.name : typeof error } };
}

type Parsed = NonNullable<ValidatedData['parsed']>;

/** The /check tables and the search lexicon (with their place names), and the files they came from. */
interface TablesAndLexicon {
  key: string;
  tables: Tables;
  lexicon: LexiconTables;
}

function tablesAndLexicon(parsed: Parsed): TablesAndLexicon {
  const tables = buildTables(parsed.countries, parsed.documents);
  return { key: parsed.tablesKey, tables, lexicon: buildLexicon([...CONCEPTS, ...placeConcepts(tables.countries)]) };
}

function knowledgeBase(parsed: Parsed): KnowledgeBase {
  return { entries: parsed.entries, byId: new Map(parsed.entries.map((e) => [e.id, e])), categories: parsed.categories };
}

/** Reads and validates all three files; builds the snapshot only when there is no error. */
export async function loadData(paths: DataPaths, faqChecks: FaqCheckOptions = {}): Promise<LoadResult> {
  const { issues, parsed } = await readAndValidate(paths, faqChecks);
  if (!parsed) return { ok: false, issues };
  const { tables, lexicon } = tablesAndLexicon(parsed);
  const knowledge = buildKnowledge(knowledgeBase(parsed), { ...DEFAULT_SEARCH_OPTIONS, lexicon });
  return { ok: true, snapshot: { knowledge, tables, loadedAt: new Date(), tablesKey: parsed.tablesKey }, issues };
}

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Reading, validating and parsing cost about 60 ms of CPU per megabyte of data on the
 * main thread; above this size a worker thread does it. Below, starting a worker
 * (~0.5 s, it loads the validators anew) would cost more than it saves, and the loop
 * is held for 30 ms at most (the shipped data, 330 KB, about 20 ms).
 */
export const OFF_THREAD_ABOVE_BYTES = 512 * 1024;

async function totalSize(paths: DataPaths): Promise<number> {
  const sizes = await Promise.all([paths.faqFile, paths.countriesFile, paths.documentsFile].map((f) => stat(f).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * The same for a running bot: reading, validating and parsing a large FAQ happen in
 * a worker thread, and the search index is built in slices that yield to the event
 * loop, so a reload of even a 5,000-entry FAQ never holds up the answers being sent
 * meanwhile (the old snapshot serves until the new one is complete).
 */
export async function loadDataInBackground(paths: DataPaths, current?: DataSnapshot, offThreadAboveBytes = OFF_THREAD_ABOVE_BYTES): Promise<LoadResult> {
  const large = (await totalSize(paths)) > offThreadAboveBytes;
  const { issues, parsed } = large ? await validateOffThread(paths) : await readAndValidate(paths);
  if (!parsed) return { ok: false, issues };
  // Most edits are to the FAQ: unchanged countries and documents keep their tables and lexicon.
  const reused: TablesAndLexicon =
    current && current.tablesKey === parsed.tablesKey ? { key: parsed.tablesKey, tables: current.tables, lexicon: current.knowledge.index.lexicon } : tablesAndLexicon(parsed);
  await yieldToLoop();
  const kb = knowledgeBase(parsed);
  await yieldToLoop();
  const knowledge = await buildKnowledgeInSlices(kb, { ...DEFAULT_SEARCH_OPTIONS, lexicon: reused.lexicon });
  return { ok: true, snapshot: { knowledge, tables: reused.tables, loadedAt: new Date(), tablesKey: reused.key }, issues };
}

/** Told after a reload swapped the data in: the snapshot before and after (e.g. to tell subscribers what changed). */
export type SwapListener = (before: DataSnapshot, after: DataSnapshot) => void;

export class DataService {
  private snapshot: DataSnapshot;
  private readonly listeners = new Set<SwapListener>();

  constructor(
    initial: DataSnapshot,
    readonly paths?: DataPaths,
    /** Data files larger than this are validated in a worker thread on reload (tests lower it). */
    readonly offThreadAboveBytes = OFF_THREAD_ABOVE_BYTES,
  ) {
    this.snapshot = initial;
  }

  /** Loads the files; throws DataLoadError (with every issue) when they are not valid. */
  static async load(paths: DataPaths, offThreadAboveBytes?: number): Promise<DataService> {
    const result = await loadData(paths);
    if (!result.ok) throw new DataLoadError(result.issues);
    return new DataService(result.snapshot, paths, offThreadAboveBytes);
  }

  current(): DataSnapshot {
    return this.snapshot;
  }

  /**
   * Reloads from disk without blocking the event loop (see loadDataInBackground); until it
   * is done, current() is the old snapshot. On errors the current snapshot stays and the
   * issues are returned.
   */
  async reload(): Promise<LoadResult> {
    if (!this.paths) return { ok: true, snapshot: this.snapshot, issues: [] };
    let result: LoadResult;
    try {
      result = await loadDataInBackground(this.paths, this.snapshot, this.offThreadAboveBytes);
    } catch (error) {
      // The worker died, an index could not be built…: the last good data go on serving.
      return { ok: false, issues: [unexpected(this.paths.faqFile, error)] };
    }
    if (result.ok) {
      const before = this.snapshot;
      this.snapshot = result.snapshot;
      for (const listener of this.listeners) listener(before, result.snapshot);
    }
    return result;
  }

  /** Calls `listener` after every successful reload; returns the function that stops it. */
  onSwap(listener: SwapListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
