/**
 * npm run faq:validate — checks data/faq.json, data/countries.json and
 * data/documents.json and prints what to fix. Exit 1 on any error (warnings
 * alone exit 0). --lang zh prints the report in Chinese. Warns about entries
 * whose `updated` date is more than a year old, and lists staff's FAQ drafts waiting
 * (npm run faq:drafts).
 */
import { parseArgs } from 'node:util';
import { runCli } from './run.ts';
import { createConfig, loadDotEnv, type Config } from '../infra/config.ts';
import { redactedMessage } from '../infra/logger.ts';
import { formatDrafts, openDrafts } from './faq-drafts.ts';
import { formatIssues } from '../data/report.ts';
import { loadData } from '../data/service.ts';
import { hasErrors } from '../data/validate.ts';
import { I18n } from '../i18n/index.ts';
import { DEFAULT_LANG, isLang } from '../i18n/languages.ts';

async function main(): Promise<number> {
  loadDotEnv();
  const { values, positionals } = parseArgs({ options: { lang: { type: 'string', default: 'en' }, today: { type: 'string' } }, allowPositionals: true });
  const config = createConfig(process.env);
  // A file named on the command line replaces the configured FAQ file (to check a draft).
  const paths = { ...config, faqFile: positionals[0] ?? config.faqFile };
  // Entries not checked for over a year are flagged (--today fixes the date, for tests).
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  const result = await loadData(paths, { today });
  const i18n = await I18n.create();
  // Plain text on the command line: no HTML escapes (&quot;) in the report.
  const t = i18n.plainTranslator(isLang(values.lang) ? values.lang : DEFAULT_LANG);
  const files = [paths.faqFile, paths.countriesFile, paths.documentsFile].map((f) => f.replace(`${process.cwd()}/`, ''));
  const issues = result.issues.map((i) => ({ ...i, file: i.file.replace(`${process.cwd()}/`, '') }));
  process.stdout.write(`${formatIssues(issues, t, files)}\n`);
  await listDrafts(config);
  return hasErrors(result.issues) ? 1 : 0;
}

/** Staff's FAQ drafts waiting to be completed (never part of the FAQ until accepted); an unreachable store is only mentioned. */
async function listDrafts(config: Config): Promise<void> {
  try {
    const store = await openDrafts(config);
    if (!store) return;
    try {
      process.stdout.write(`${formatDrafts(await store.drafts.faqDrafts())}\n`);
    } finally {
      await store.close();
    }
  } catch (error) {
    process.stdout.write(`FAQ drafts not listed: ${redactedMessage(error)}\n`);
  }
}

runCli(main);
