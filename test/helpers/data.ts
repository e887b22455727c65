/** The shipped data files in a temporary folder, and saves made the way editors make them. */
import { copyFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataPaths } from '../../src/data/types.ts';
import { DATA_PATHS, tempDir } from './bot.ts';

export async function copyData(): Promise<DataPaths> {
  const dir = await tempDir('apostille-data-');
  const paths = { faqFile: join(dir, 'faq.json'), countriesFile: join(dir, 'countries.json'), documentsFile: join(dir, 'documents.json') };
  await Promise.all([copyFile(DATA_PATHS.faqFile, paths.faqFile), copyFile(DATA_PATHS.countriesFile, paths.countriesFile), copyFile(DATA_PATHS.documentsFile, paths.documentsFile)]);
  return paths;
}

/** Saves like an editor does: write a temp file, then rename it over the original. */
export async function save(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}
