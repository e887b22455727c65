/** npm run faq:drafts: list the pending FAQ drafts, show one as an entry to complete, accept a completed one (see faq-drafts.ts). */
import { readFile } from 'node:fs/promises';
import { runCli } from './run.ts';
import { acceptEntry, entrySkeleton, formatDrafts, openDrafts } from './faq-drafts.ts';
import { createConfig, loadDotEnv } from '../infra/config.ts';

const USAGE = 'usage: faq:drafts [show <id> | accept <id> <entry.json>]';

async function main(): Promise<number> {
  loadDotEnv();
  const config = createConfig(process.env);
  const [command, id, entryFile] = process.argv.slice(2);
  const store = await openDrafts(config);
  try {
    const drafts = (await store?.drafts.faqDrafts()) ?? [];
    if (!command) {
      process.stdout.write(`${formatDrafts(drafts)}\n`);
      return 0;
    }
    const draft = drafts.find((d) => d.id === id && d.status === 'pending');
    if (!['show', 'accept'].includes(command) || !id || (command === 'accept' && !entryFile)) return (process.stderr.write(`${USAGE}\n`), 2);
    if (!draft) return (process.stderr.write(`no pending draft ${id}\n`), 1);
    const today = new Date().toISOString().slice(0, 10);
    if (command === 'show') {
      const faq = JSON.parse(await readFile(config.faqFile, 'utf8')) as { categories: string[] };
      process.stdout.write(`${JSON.stringify(entrySkeleton(draft, faq.categories[0] ?? '', today), null, 2)}\n`);
      return 0;
    }
    const { ok, report } = await acceptEntry(config, entryFile!, today);
    process.stdout.write(`${report}\n`);
    if (!ok) return (process.stderr.write(`not accepted: ${config.faqFile} is unchanged; fix the entry in ${entryFile} and run again\n`), 1);
    await store!.drafts.markDraftAccepted(draft.id);
    process.stdout.write(`draft ${draft.id} accepted into ${config.faqFile}\n`);
    return 0;
  } finally {
    await store?.close();
  }
}

runCli(main);
