/**
 * The FAQ drafts staff saved with /faq in the staff chat, for `npm run faq:drafts` (drafts.ts)
 * and `npm run faq:validate`. The CLI:
 *   npm run faq:drafts                          list the pending drafts
 *   npm run faq:drafts -- show <id>             print the draft as an FAQ entry to complete (JSON)
 *   npm run faq:drafts -- accept <id> <file>    add the completed entry in <file> to the FAQ file,
 *                                               only when the whole FAQ then validates; marks the draft accepted
 * A draft has one question and one answer in one language; an FAQ entry needs both languages,
 * three question variants each and a source: so nothing of a draft reaches data/faq.json unvalidated.
 * The drafts live in the bot's storage (DATA_DIR/support.json, or PostgreSQL with DATABASE_URL).
 */
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatIssues } from '../data/report.ts';
import { loadData } from '../data/service.ts';
import { hasErrors } from '../data/validate.ts';
import { I18n } from '../i18n/index.ts';
import { createConfig, loadDotEnv, type Config } from '../infra/config.ts';
import { PostgresStore } from '../storage/postgres.ts';
import { FileSupportStore } from '../storage/support-file.ts';
import type { FaqDraft, SupportRepository } from '../storage/support-types.ts';

/** The drafts' store, without creating anything: undefined when the bot never saved one here. */
export async function openDrafts(config: Config): Promise<{ drafts: SupportRepository; close: () => Promise<void> } | undefined> {
  if (config.databaseUrl) {
    const db = await PostgresStore.open(config.databaseUrl, { poolSize: 1 });
    return { drafts: db.support, close: () => db.close() };
  }
  const path = join(config.dataDir, 'support.json');
  const exists = await access(path).then(() => true, () => false);
  return exists ? { drafts: await FileSupportStore.open(path), close: async () => undefined } : undefined;
}

/** One line per pending draft, for this CLI and for `npm run faq:validate`. */
export function formatDrafts(drafts: FaqDraft[]): string {
  const pending = drafts.filter((d) => d.status === 'pending');
  if (!pending.length) return 'No FAQ drafts waiting.';
  const cut = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text).replace(/\s+/g, ' ');
  return [
    `${pending.length} FAQ draft(s) waiting (npm run faq:drafts -- show <id>):`,
    ...pending.map((d) => `- ${d.id} (${d.createdAt.slice(0, 10)}, ${d.author}, ${d.lang}): Q: ${cut(d.question)} | A: ${cut(d.answer)}`),
  ].join('\n');
}

/** The draft as an entry to complete: its own language filled in, the other left empty on purpose. */
export function entrySkeleton(draft: FaqDraft, category: string, today: string): Record<string, unknown> {
  const other = draft.lang === 'en' ? 'zh' : 'en';
  return {
    id: `draft-${draft.id}`,
    category,
    questions: { [draft.lang]: [draft.question], [other]: [] },
    keywords: [],
    answer: { [draft.lang]: draft.answer, [other]: '' },
    source: [],
    related: [],
    updated: today,
  };
}

/** Adds the entry to the FAQ file when the result validates (written by rename: all or nothing). */
export async function acceptEntry(config: Config, entryFile: string, today: string): Promise<{ ok: boolean; report: string }> {
  const faq = JSON.parse(await readFile(config.faqFile, 'utf8')) as { entries: unknown[] };
  faq.entries.push(JSON.parse(await readFile(entryFile, 'utf8')));
  const candidate = `${config.faqFile}.draft-${process.pid}.json`;
  await writeFile(candidate, `${JSON.stringify(faq, null, 2)}\n`);
  try {
    const result = await loadData({ ...config, faqFile: candidate }, { today });
    const t = (await I18n.create()).plainTranslator('en');
    const report = formatIssues(result.issues, t, [config.faqFile]);
    if (!result.ok || hasErrors(result.issues)) return { ok: false, report };
    await rename(candidate, config.faqFile);
    return { ok: true, report };
  } finally {
    await rm(candidate, { force: true });
  }
}

