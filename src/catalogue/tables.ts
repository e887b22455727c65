/**
 * The tables /check reads (countries, document types), the place index over
 * them (src/places), and document name resolution: exact names and aliases
 * first, in either language and script, then the longest name contained in the
 * text, then Fuse.js for typos and suggestions.
 */
import { readFile } from 'node:fs/promises';
import Fuse from 'fuse.js';
import { buildPlaceIndex, type PlaceIndex } from '../places/index.ts';
import { nameKey } from '../places/names.ts';
import { CountriesFileSchema, DocumentsFileSchema, type CountriesFile, type Country, type DocumentsFile, type DocumentType } from './schema.ts';

export interface Tables {
  countries: Country[];
  documents: DocumentType[];
  groups: string[];
  countriesAsOf: string;
  documentNames: NameIndex<DocumentType>;
  /** Every real place name (see src/places); rebuilt with the tables, so hot reload keeps it in step. */
  places: PlaceIndex;
  /** One country's row by ISO code (Hong Kong and Macao included), the one lookup every layer uses. */
  country(code: string): Country | undefined;
  /** One document type by id. */
  document(id: string): DocumentType | undefined;
}

export interface Resolved<T> {
  item?: T;
  /** Close names when nothing matched well enough. */
  suggestions: T[];
  /** How the match was made (for tests and logs). */
  how: 'exact' | 'contained' | 'fuzzy' | 'none';
}

/** A fuzzy match this close is taken as meant ("Germny"); further away only suggests. */
const ACCEPT_SCORE = 0.2;
/**
 * Name lookups read at most this much of a text (the longest name is 58 characters;
 * the rest is not a name), so a 4,096-character message costs what a name costs.
 */
export const MAX_NAME_TEXT = 100;
/**
 * Fuse's cost grows with the pattern (past 32 characters it runs one pass per 32):
 * typos are looked for in the first 32 characters of a key, and a longer key is
 * never taken as a fuzzy match, only given suggestions.
 */
const MAX_FUZZY_KEY = 32;

export class NameIndex<T> {
  private readonly exact = new Map<string, T>();
  private readonly keys: { key: string; item: T }[] = [];
  private readonly fuse: Fuse<{ key: string; item: T }>;

  constructor(
    items: T[],
    names: (item: T) => string[],
    private readonly idOf: (item: T) => string,
  ) {
    for (const item of items) {
      for (const name of names(item)) {
        const key = nameKey(name);
        if (!key) continue;
        if (!this.exact.has(key)) this.exact.set(key, item);
        this.keys.push({ key, item });
      }
    }
    this.fuse = new Fuse(this.keys, { keys: ['key'], threshold: 0.4, ignoreLocation: true, includeScore: true });
  }

  get(text: string): T | undefined {
    return this.exact.get(nameKey(text.slice(0, MAX_NAME_TEXT)));
  }

  /**
   * The longest known name inside the text. Chinese names match anywhere (no
   * spaces to go by); Latin names only as whole words ("degree certificate"
   * must not find Greece).
   */
  findContained(fullText: string): { item: T; key: string } | undefined {
    const text = fullText.slice(0, MAX_NAME_TEXT);
    const haystack = nameKey(text);
    let best: { item: T; key: string } | undefined;
    const consider = (key: string, item: T) => {
      if (!best || key.length > best.key.length) best = { item, key };
    };
    for (const { key, item } of this.keys) {
      if (/\p{Script=Han}/u.test(key) && key.length >= 2 && haystack.includes(key)) consider(key, item);
    }
    const words = text.normalize('NFKC').toLowerCase().split(/[\s,;/]+/).filter(Boolean);
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= Math.min(words.length, start + 5); end++) {
        const key = nameKey(words.slice(start, end).join(' '));
        const item = this.exact.get(key);
        // Two-letter codes (co, hk, us) only when they are the whole text: inside a sentence they collide with words.
        if (item && (key.length > 2 || words.length === 1)) consider(key, item);
      }
    }
    return best;
  }

  resolve(fullText: string): Resolved<T> {
    const text = fullText.slice(0, MAX_NAME_TEXT);
    const key = nameKey(text);
    if (!key) return { suggestions: [], how: 'none' };
    const exact = this.exact.get(key);
    if (exact) return { item: exact, suggestions: [], how: 'exact' };
    const contained = this.findContained(text);
    if (contained && contained.key.length >= key.length / 2) return { item: contained.item, suggestions: [], how: 'contained' };
    const hits = this.fuse.search(key.slice(0, MAX_FUZZY_KEY), { limit: 12 });
    const suggestions: T[] = [];
    for (const hit of hits) if (!suggestions.some((s) => this.idOf(s) === this.idOf(hit.item.item))) suggestions.push(hit.item.item);
    const best = hits[0];
    if (best && (best.score ?? 1) <= ACCEPT_SCORE && key.length >= 4 && key.length <= MAX_FUZZY_KEY) return { item: best.item.item, suggestions: [], how: 'fuzzy' };
    return { suggestions: suggestions.slice(0, 3), how: 'none' };
  }
}

/** The tables from files already parsed by their schemas (the data checks hand them over). */
export function buildTables(countriesFile: CountriesFile, documentsFile: DocumentsFile): Tables {
  const { countries } = countriesFile;
  const { documents } = documentsFile;
  const byCode = new Map(countries.map((c) => [c.code, c]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  return {
    countries,
    documents,
    country: (code) => byCode.get(code),
    document: (id) => byId.get(id),
    groups: documentsFile.groups,
    countriesAsOf: countriesFile.asOf,
    documentNames: new NameIndex(documents, (d) => [d.id, d.name.en, d.name.zh, ...d.aliases], (d) => d.id),
    places: buildPlaceIndex(countries),
  };
}

export async function loadTables(countriesPath = 'data/countries.json', documentsPath = 'data/documents.json'): Promise<Tables> {
  const [countries, documents] = await Promise.all([readFile(countriesPath, 'utf8'), readFile(documentsPath, 'utf8')]);
  return buildTables(CountriesFileSchema.parse(JSON.parse(countries)), DocumentsFileSchema.parse(JSON.parse(documents)));
}
