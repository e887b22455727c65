/** The data files and what reading them gives, shared by service.ts and the worker (load-offthread.ts) without a loop between them. */
import type { CountriesFile, DocumentsFile } from '../catalogue/schema.ts';
import type { FaqEntry } from '../knowledge/schema.ts';
import type { Issue } from './validate.ts';

export interface DataPaths {
  faqFile: string;
  countriesFile: string;
  documentsFile: string;
}

/** The three files read, validated and parsed: what a snapshot is built from. */
export interface ValidatedData {
  issues: Issue[];
  /** Present only when there is no error. */
  parsed?: { entries: FaqEntry[]; categories: string[]; countries: CountriesFile; documents: DocumentsFile; tablesKey: string };
}
