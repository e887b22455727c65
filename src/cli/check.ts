/**
 * The /check verdict from a shell:
 *   npm run --silent check -- --json --document "原产地证书" --country "德国"
 *     [--direction from_china|to_china] [--date YYYY-MM-DD] [--lang zh|en]
 * With --json: one JSON object, the verdict plus `text` (the card the bot would
 * send, as plain text). Without: the card. Tooling relies on this: keep it stable.
 *   npm run --silent check -- --json --file scan.pdf   reads the document (src/read/file.ts)
 * and adds `read` (what was read); --document/--country then only fill what the paper leaves open.
 */
import { parseArgs } from 'node:util';
import { runCli } from './run.ts';
import { DataService } from '../data/service.ts';
import { renderVerdict } from '../reply/verdict-html.ts';
import { checkDocument, today, type Direction } from '../check/rules.ts';
import { createConfig, loadDotEnv } from '../infra/config.ts';
import { I18n } from '../i18n/index.ts';
import { detectLocale, type Locale } from '../i18n/locale.ts';
import { checkFile } from '../read/file.ts';
import { htmlToPlain } from '../format/html.ts';
import { isLang } from '../i18n/languages.ts';

async function main(): Promise<number> {
  loadDotEnv();
  const config = createConfig(process.env);
  const i18n = await I18n.create();
  const usage = i18n.translator('en')('check.cli_usage');
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        document: { type: 'string' },
        country: { type: 'string' },
        direction: { type: 'string' },
        file: { type: 'string' },
        date: { type: 'string' },
        lang: { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const en = i18n.translator('en');
  const problems: string[] = [];
  if (!values.document && !values.file) problems.push(en('check.cli_error.document_required'));
  if (!values.country && !values.file) problems.push(en('check.cli_error.country_required'));
  if (values.direction !== undefined && values.direction !== 'from_china' && values.direction !== 'to_china') problems.push(en('check.cli_error.bad_direction'));
  if (values.date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || Number.isNaN(Date.parse(values.date)))) problems.push(en('check.cli_error.bad_date'));
  if (values.lang !== undefined && !isLang(values.lang)) problems.push(en('check.cli_error.bad_lang'));
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n${usage}\n`);
    return 2;
  }
  const { tables } = (await DataService.load(config)).current();
  if (values.file) {
    const locale: Locale = (values.lang as Locale | undefined) ?? 'en';
    const { verdict, ask, read, text } = await checkFile(values.file, { dataDir: config.dataDir, tables, today: values.date ?? today(), locale, t: i18n.translator(locale), document: values.document, country: values.country, direction: values.direction as Direction | undefined });
    process.stdout.write(values.json ? `${JSON.stringify({ ...(verdict ?? { outcome: null }), ...(ask ? { ask } : {}), read, text })}\n` : `${text}\n`);
    return 0;
  }
  const verdict = checkDocument(
    { document: values.document!, country: values.country!, direction: (values.direction ?? 'from_china') as Direction, date: values.date },
    tables,
    today(),
  );
  const locale: Locale = (values.lang as Locale | undefined) ?? detectLocale(`${values.document} ${values.country}`) ?? 'en';
  const text = htmlToPlain(renderVerdict(verdict, locale, i18n.translator(locale)));
  process.stdout.write(values.json ? `${JSON.stringify({ ...verdict, text })}\n` : `${text}\n`);
  return 0;
}

runCli(main);
