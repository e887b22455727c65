/** FAQ drafts from the staff chat: listed by faq:validate and faq:drafts; accepted into the FAQ file only once it validates. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSupportStore } from '../../src/storage/support-file.ts';
import { tempDir } from '../helpers/bot.ts';
import { copyData } from '../helpers/data.ts';
import { run, TSX } from '../helpers/process.ts';

describe('faq:drafts', () => {
  it('lists, shows as an entry to complete, refuses an incomplete one, accepts a valid one', async () => {
    const dataDir = await tempDir();
    const paths = await copyData();
    const support = await FileSupportStore.open(join(dataDir, 'support.json'));
    const draft = await support.addFaqDraft({ question: 'Can the apostille be stapled to a copy?', answer: 'Only the authority that issues it attaches it.', lang: 'en', author: 'Li' });
    const env = { DATA_DIR: dataDir, FAQ_FILE: paths.faqFile, COUNTRIES_FILE: paths.countriesFile, DOCUMENTS_FILE: paths.documentsFile, DATABASE_URL: '' };

    const validate = await run(TSX, ['src/cli/validate.ts'], '', env);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain(`1 FAQ draft(s) waiting`);
    expect(validate.stdout).toContain(`- ${draft.id} (`);
    expect(validate.stdout).toContain('Q: Can the apostille be stapled to a copy? | A: Only the authority');

    const shown = await run(TSX, ['src/cli/drafts.ts', 'show', draft.id], '', env);
    const entry = JSON.parse(shown.stdout) as Record<string, unknown>;
    expect(entry).toMatchObject({ id: `draft-${draft.id}`, questions: { en: ['Can the apostille be stapled to a copy?'], zh: [] }, answer: { en: 'Only the authority that issues it attaches it.', zh: '' } });
    const entryFile = join(dataDir, 'entry.json');
    await writeFile(entryFile, shown.stdout);
    const faqBefore = await readFile(paths.faqFile, 'utf8');

    const refused = await run(TSX, ['src/cli/drafts.ts', 'accept', draft.id, entryFile], '', env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not accepted');
    expect(await readFile(paths.faqFile, 'utf8')).toBe(faqBefore);

    // Completed by an admin (test wording; a real entry cites the source it comes from).
    Object.assign(entry, {
      id: 'apostille-on-copy-test',
      questions: { en: [...(entry.questions as { en: string[] }).en, 'Is an apostille stapled to a copy?', 'Who attaches the apostille?'], zh: ['附加证明书能钉在复印件上吗？', '谁来附上附加证明书？', '附加证明书由谁粘贴？'] },
      answer: { en: 'Only the authority that issues it attaches it.', zh: '只有签发机关才能附上附加证明书。' },
      source: ['https://www.hcch.net/en/instruments/conventions/full-text/?cid=41'],
    });
    await writeFile(entryFile, JSON.stringify(entry));
    const accepted = await run(TSX, ['src/cli/drafts.ts', 'accept', draft.id, entryFile], '', env);
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`draft ${draft.id} accepted`);
    const faq = JSON.parse(await readFile(paths.faqFile, 'utf8')) as { entries: { id: string }[] };
    expect(faq.entries.at(-1)?.id).toBe('apostille-on-copy-test');
    expect((await (await FileSupportStore.open(join(dataDir, 'support.json'))).faqDrafts())[0]?.status).toBe('accepted');
  }, 60_000);
});
