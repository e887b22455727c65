/**
 * Ask the knowledge base from a shell, with the bot's own understanding and wording.
 *   npm run --silent ask -- "question"      → the reply as plain text
 *   npm run --silent ask -- --json < file   → one JSON object per input line:
 *     {"question","lang","matched","id","score","answer","related","kind"[,"country","document"],"frame"}
 *     where "frame" is how the message was read: documents, places (with their role), direction, date, facets.
 *   --session NAME: lines are one conversation, so follow-ups ("那印度呢？") read
 *     against the previous line (one conversation per name, within this run).
 * Tooling relies on this contract: keep field names and meanings stable.
 */
import { createInterface } from 'node:readline';
import { runCli } from './run.ts';
import { today } from '../check/rules.ts';
import { createConfig, loadDotEnv } from '../infra/config.ts';
import { I18n } from '../i18n/index.ts';
import { detectLocale, langOf, replyLocale, type Locale } from '../i18n/locale.ts';
import { DataService } from '../data/service.ts';
import { answerQuestion, entryTitle, type AnswerKind } from '../reply/answer.ts';
import { htmlToPlain } from '../format/html.ts';
import type { FollowUpContext, PlaceMention, Understanding } from '../understand/index.ts';
import type { Lang } from '../i18n/languages.ts';

export interface AskRecord {
  question: string;
  lang: Lang;
  /** True for an FAQ answer or a case verdict; false for small talk and the fallback. */
  matched: boolean;
  /** The FAQ entry shown (a verdict may come with one), else null. */
  id: string | null;
  score: number;
  answer: string;
  related: { id: string; question: string }[];
  kind: AnswerKind;
  /** For a verdict: the country's ISO code and the document id (null when the message named none). */
  country?: string;
  document?: string | null;
  /** How the message was read: the case the answer is for. */
  frame: Frame;
}

/** The reading of one message, as `ask --json` shows it. */
export interface Frame {
  documents: string[];
  places: { name: string; kind: string; code?: string; role?: 'issuing' | 'use' }[];
  direction: 'from_china' | 'to_china' | null;
  /** The Hong Kong or Macao document going to a third state, when that is the case. */
  sarAbroad: 'HK' | 'MO' | null;
  date: { iso: string; precision: string; before: boolean; earlier?: string } | null;
  facets: string[];
  followUp: boolean;
  offTopic: boolean;
}

function frameOf(u: Understanding): Frame {
  const role = (p: PlaceMention) => (p === u.travel.issuing ? 'issuing' : p === u.travel.use ? 'use' : undefined);
  return {
    documents: u.documents.map((d) => d.id),
    places: u.places.map((p) => ({ name: p.matched, kind: p.kind, ...(p.kind === 'country' ? { code: p.code } : {}), ...(role(p) ? { role: role(p) } : {}) })),
    direction: u.direction ?? null,
    sarAbroad: u.sar ?? null,
    date: u.when ? { iso: u.when.iso, precision: u.when.precision, before: u.when.before, ...(u.when.earlier ? { earlier: u.when.earlier.iso } : {}) } : null,
    facets: [...u.facets],
    followUp: u.followUp,
    offTopic: u.offTopic,
  };
}

/** Follow-up context per conversation name, as the bot keeps it per user. */
export type Sessions = Map<string, FollowUpContext>;

export function ask(data: DataService, i18n: I18n, question: string, fallback: Locale = 'en', session?: { name: string; sessions: Sessions }): AskRecord {
  const locale = replyLocale(question, fallback);
  const { knowledge, tables } = data.current();
  const deps = { index: knowledge.index, byId: knowledge.kb.byId, tables, today: today() };
  const previous = session ? session.sessions.get(session.name) : undefined;
  const answer = answerQuestion(deps, question, locale, i18n.translator(locale), previous);
  if (session && answer.kind !== 'smalltalk' && answer.kind !== 'fallback') session.sessions.set(session.name, answer.understanding.context);
  const verdict = answer.verdicts[0];
  return {
    question,
    lang: langOf(locale),
    matched: answer.kind === 'answer' || answer.kind === 'verdict',
    id: answer.entry?.id ?? null,
    score: Number(answer.result.score.toFixed(4)),
    answer: htmlToPlain(answer.reply.html),
    related: answer.related.map((entry) => ({ id: entry.id, question: entryTitle(entry, locale) })),
    kind: answer.kind,
    ...(verdict ? { country: verdict.country?.code ?? undefined, document: answer.understanding.documents[0]?.id ?? null } : {}),
    frame: frameOf(answer.understanding),
  };
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<number | void> {
  loadDotEnv();
  const config = createConfig(process.env);
  const [data, i18n] = await Promise.all([DataService.load(config), I18n.create()]);
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const sessionName = option(args, '--session');
  const words = args.filter((a, i) => a !== '--json' && a !== '--session' && args[i - 1] !== '--session');
  const sessions: Sessions = new Map();
  const session = sessionName ? { name: sessionName, sessions } : undefined;

  if (json) {
    const questions = words.length ? [words.join(' ')] : createInterface({ input: process.stdin, terminal: false });
    for await (const line of questions) {
      if (line.trim()) process.stdout.write(`${JSON.stringify(ask(data, i18n, line.trim(), 'en', session))}\n`);
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
