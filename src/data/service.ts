/**
 * The data the bot answers from (FAQ + search index, countries and documents),
 * loaded together, validated, and swapped in one step: a reader always sees one
 * consistent set, and a bad edit never replaces a good one.
 */
import { readFile } from 'node:fs/promises';
import { buildTables, type Tables } from '../check/catalogue.ts';
import type { Country } from '../check/schema.ts';
import { analyze, buildLexicon } from '../knowledge/analyze.ts';
import { CONCEPTS, type ConceptGroup } from '../knowledge/lexicon.ts';
import { parseFaq } from '../knowledge/load.ts';
import { DEFAULT_SEARCH_OPTIONS, PLACE_TOKEN_PREFIX } from '../knowledge/search.ts';
import { buildKnowledge, type Knowledge } from '../knowledge/service.ts';
import { hasErrors, validateCountries, validateDocuments, validateFaq, type FaqCheckOptions, type Issue } from './validate.ts';

export interface DataPaths {
  faqFile: string;
  countriesFile: string;
  documentsFile: string;
}

export interface DataSnapshot {
  knowledge: Knowledge;
  tables: Tables;
  loadedAt: Date;
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

/** Reads and validates all three files; builds the snapshot only when there is no error. */
export async function loadData(paths: DataPaths, faqChecks: FaqCheckOptions = {}): Promise<LoadResult> {
  const issues: Issue[] = [];
  const [faq, countries, documents] = await Promise.all([readText(paths.faqFile, issues), readText(paths.countriesFile, issues), readText(paths.documentsFile, issues)]);
  if (faq !== undefined) issues.push(...validateFaq(faq, paths.faqFile, faqChecks));
  if (countries !== undefined) issues.push(...validateCountries(countries, paths.countriesFile));
  if (documents !== undefined) issues.push(...validateDocuments(documents, paths.documentsFile));
  if (hasErrors(issues) || faq === undefined || countries === undefined || documents === undefined) return { ok: false, issues };
  const tables = buildTables(JSON.parse(countries), JSON.parse(documents));
  const lexicon = buildLexicon([...CONCEPTS, ...placeConcepts(tables.countries)]);
  const snapshot = { knowledge: buildKnowledge(parseFaq(JSON.parse(faq)), { ...DEFAULT_SEARCH_OPTIONS, lexicon }), tables, loadedAt: new Date() };
  return { ok: true, snapshot, issues };
}

export class DataService {
  private snapshot: DataSnapshot;

  constructor(
    initial: DataSnapshot,
    readonly paths?: DataPaths,
  ) {
    this.snapshot = initial;
  }

  /** Loads the files; throws DataLoadError (with every issue) when they are not valid. */
  static async load(paths: DataPaths): Promise<DataService> {
    const result = await loadData(paths);
    if (!result.ok) throw new DataLoadError(result.issues);
    return new DataService(result.snapshot, paths);
  }

  current(): DataSnapshot {
    return this.snapshot;
  }

  /** Reloads from disk; on errors the current snapshot stays and the issues are returned. */
  async reload(): Promise<LoadResult> {
    if (!this.paths) return { ok: true, snapshot: this.snapshot, issues: [] };
    const result = await loadData(this.paths);
    if (result.ok) this.snapshot = result.snapshot;
    return result;
  }
}
