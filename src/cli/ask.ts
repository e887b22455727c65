/**
 * Ask the knowledge base from a shell, with the bot's own search and wording.
 *   npm run --silent ask -- "question"      → the reply as plain text
 *   npm run --silent ask -- --json < file   → one JSON object per input line:
 *     {"question","lang","matched","id","score","answer","related"}
 * Tooling relies on this contract: keep field names and meanings stable.
 */
import { createInterface } from 'node:readline';
import { runCli } from './run.ts';
import { createConfig, loadDotEnv } from '../config.ts';
import { I18n } from '../i18n/index.ts';
import { detectLocale, langOf, type Locale } from '../knowledge/language.ts';
import { DataService } from '../data/service.ts';
import { answerQuestion, entryTitle } from '../reply/answer.ts';
import { htmlToPlain } from '../reply/html.ts';

export interface AskRecord {
  question: string;
  lang: 'zh' | 'en';
  matched: boolean;
  id: string | null;
  score: number;
  answer: string;
  related: { id: string; question: string }[];
}

export function ask(data: DataService, i18n: I18n, question: string, fallback: Locale = 'en'): AskRecord {
  const locale = detectLocale(question) ?? fallback;
  const { kb, index } = data.current().knowledge;
  const answer = answerQuestion(index, kb.byId, question, locale, i18n.translator(locale));
  return {
    question,
    lang: langOf(locale),
    matched: answer.result.matched,
    id: answer.result.entry?.id ?? null,
    score: Number(answer.result.score.toFixed(4)),
    answer: htmlToPlain(answer.reply.html),
    related: answer.related.map((entry) => ({ id: entry.id, question: entryTitle(entry, locale) })),
  };
}

async function main(): Promise<number | void> {
  loadDotEnv();
  const config = createConfig(process.env);
  const [data, i18n] = await Promise.all([DataService.load(config), I18n.create()]);
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const words = args.filter((a) => a !== '--json');

  if (json) {
    const questions = words.length ? [words.join(' ')] : createInterface({ input: process.stdin, terminal: false });
    for await (const line of questions) {
      if (line.trim()) process.stdout.write(`${JSON.stringify(ask(data, i18n, line.trim()))}\n`);
    }
    return;
  }
  if (!words.length) {
    process.stderr.write(`${i18n.translator('en')('ask.usage')}\n`);
    return 2;
  }
  const record = ask(data, i18n, words.join(' '));
  const lines = [record.answer];
  if (record.related.length) {
    const t = i18n.translator(detectLocale(record.question) ?? 'en');
    lines.push('', `${htmlToPlain(t('answer.related'))}:`, ...record.related.map((r) => `• ${r.question}`));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

// Run only as a program, not when a test imports ask().
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) runCli(main);
