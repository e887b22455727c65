/**
 * npm run faq:gaps — what staff should write next: the unanswered log grouped by
 * similarity, largest group first, with counts, dates and the closest entry.
 * The log is read from PostgreSQL when DATABASE_URL is set, else from DATA_DIR/store.json.
 *   --draft FILE   also write FILE: data/faq.json plus one skeleton entry per group
 *                  (faq:validate reports it incomplete until the answers and sources are filled in)
 *   --store FILE   read this store file instead of DATA_DIR/store.json
 *   --lang zh      the report in Chinese
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createConfig, loadDotEnv } from '../infra/config.ts';
import { draftEntries, draftFaqText, formatGaps, groupUnanswered, type UnansweredLog } from '../data/gaps.ts';
import { DataService } from '../data/service.ts';
import { I18n } from '../i18n/index.ts';
import { htmlToPlain } from '../format/html.ts';
import { PostgresStore } from '../storage/postgres.ts';
import type { StoreData } from '../storage/store.ts';
import type { UnansweredQuestion } from '../storage/types.ts';
import { runCli } from './run.ts';

/**
 * The log in the lowdb store file, read without opening the store: the running bot
 * owns that file, and a reader must neither write it nor move a damaged one aside.
 */
export function storeFileLog(path: string): UnansweredLog {
  return {
    async unanswered(): Promise<UnansweredQuestion[]> {
      const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (text === undefined) return [];
      const data = JSON.parse(text) as Partial<StoreData>;
      return Object.values(data.unanswered ?? {});
    },
  };
}

/** The log in PostgreSQL (DATABASE_URL): read only, so no migration; one connection, closed after. */
async function databaseUnanswered(url: string): Promise<UnansweredQuestion[]> {
  const db = await PostgresStore.open(url, { poolSize: 1, migrate: false });
  try {
    return await db.unanswered();
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  loadDotEnv();
  const { values } = parseArgs({
    options: { draft: { type: 'string' }, store: { type: 'string' }, lang: { type: 'string', default: 'en' }, today: { type: 'string' } },
  });
  const config = createConfig(process.env);
  const [data, i18n] = await Promise.all([DataService.load(config), I18n.create()]);
  const lang = values.lang === 'zh' ? 'zh' : 'en';
  const t = i18n.translator(lang);
  const { knowledge } = data.current();
  const items = values.store || !config.databaseUrl ? await storeFileLog(values.store ?? config.storeFile).unanswered() : await databaseUnanswered(config.databaseUrl);
  const groups = groupUnanswered(items, knowledge);
  process.stdout.write(`${htmlToPlain(formatGaps(groups, t, { lang }))}\n`);
  if (values.draft) {
    if (!groups.length) {
      process.stdout.write(`\n${t('gaps.draft_nothing')}\n`);
      return 0;
    }
    const today = values.today ?? new Date().toISOString().slice(0, 10);
    const entries = draftEntries(groups, knowledge.kb.entries, knowledge.kb.categories, today);
    await writeFile(values.draft, draftFaqText(await readFile(config.faqFile, 'utf8'), entries));
    process.stdout.write(`\n${htmlToPlain(t('gaps.draft_written', { file: values.draft, count: entries.length }))}\n`);
  }
  return 0;
}

runCli(main);
