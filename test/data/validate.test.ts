import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/data/report.ts';
import { factNumbers, validateCountries, validateDocuments, validateFaq, type Issue } from '../../src/data/validate.ts';
import { I18n } from '../../src/i18n/index.ts';
import { run, TSX } from '../helpers/process.ts';
import { tempDir } from '../helpers/bot.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const shipped = JSON.parse(readFileSync('data/faq.json', 'utf8')) as { entries: Record<string, unknown>[] } & Record<string, unknown>;
const clone = () => structuredClone(shipped);
const withEntry = (index: number, change: (entry: Record<string, unknown>) => void) => {
  const data = clone();
  change(data.entries[index]!);
  return JSON.stringify(data, null, 2);
};
const summary = (issues: Issue[]) => issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.entry, i.field]);

describe('FAQ validation: one fixture per kind of mistake', () => {
  it('the shipped data files have no errors', () => {
    expect(summary(validateFaq(readFileSync('data/faq.json', 'utf8')))).toEqual([]);
    expect(summary(validateCountries(readFileSync('data/countries.json', 'utf8')))).toEqual([]);
    expect(summary(validateDocuments(readFileSync('data/documents.json', 'utf8')))).toEqual([]);
  });

  it.each<[string, string, [string, string | undefined, string | undefined]]>([
    ['missing zh answer', withEntry(0, (e) => delete (e.answer as Record<string, unknown>).zh), ['missing_field', 'what-is-apostille', 'answer.zh']],
    ['empty en answer', withEntry(0, (e) => ((e.answer as Record<string, unknown>).en = '  ')), ['empty_field', 'what-is-apostille', 'answer.en']],
    ['too few question variants', withEntry(1, (e) => ((e.questions as Record<string, unknown>).en = ['Only one?'])), ['too_few_variants', 'convention-basics', 'questions.en']],
    ['duplicate id', withEntry(1, (e) => (e.id = 'what-is-apostille')), ['duplicate_id', 'what-is-apostille', 'id']],
    ['answer over 4096 characters', withEntry(2, (e) => ((e.answer as Record<string, unknown>).en = 'x'.repeat(5000))), ['answer_too_long', 'china-effective-date', 'answer.en']],
    ['unknown category', withEntry(3, (e) => (e.category = 'misc')), ['unknown_category', 'china-accession', 'category']],
    ['missing source', withEntry(4, (e) => delete e.source), ['missing_source', 'no-more-legalization', 'source']],
    ['empty source list', withEntry(4, (e) => (e.source = [])), ['missing_source', 'no-more-legalization', 'source']],
    ['malformed date', withEntry(5, (e) => (e.updated = '29/11/2026')), ['bad_date', 'apostille-vs-legalization', 'updated']],
    ['unknown related id', withEntry(6, (e) => (e.related = ['nope'])), ['unknown_related', 'time-savings', 'related']],
    ['entry without an id', withEntry(7, (e) => delete e.id), ['missing_field', '#8', 'id']],
  ])('%s', (_label, text, expected) => {
    expect(summary(validateFaq(text))).toContainEqual(expected);
  });

  it('the same question variant in two entries', () => {
    const text = withEntry(1, (e) => ((e.questions as Record<string, string[]>).zh![0] = '什么是附加证明书？'));
    expect(validateFaq(text)).toContainEqual(expect.objectContaining({ code: 'duplicate_question', entry: 'convention-basics', params: expect.objectContaining({ other: 'what-is-apostille' }) }));
  });

  it('invalid JSON, with line and column', () => {
    const text = readFileSync('data/faq.json', 'utf8').replace('"category": "basics",', '"category": "basics"');
    const [issue] = validateFaq(text);
    // The error is at the start of the line after the cut comma.
    const line = text.slice(0, text.indexOf('"category": "basics"')).split('\n').length + 1;
    expect(issue).toMatchObject({ code: 'invalid_json', params: { line, column: 7 } });
    expect(validateFaq('{"version": 1, "entries": [')[0]).toMatchObject({ code: 'invalid_json', params: { line: 1, column: 28 } });
  });

  it('warns, without failing, when zh and en answers give different numbers or dates', () => {
    const text = withEntry(2, (e) => ((e.answer as Record<string, string>).en = 'It entered into force on 8 November 2023.'));
    const issues = validateFaq(text);
    expect(summary(issues)).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'numbers_differ', entry: 'china-effective-date' }));
    expect(factNumbers('自2023年11月7日起，节省3亿元')).toEqual(factNumbers('from 7 November 2023, saving 300 million yuan'));
  });

  it('reads as a report naming file, entry, field and the fix, in English and Chinese', async () => {
    const i18n = await I18n.create();
    const issues = validateFaq(withEntry(4, (e) => delete e.source));
    const en = formatIssues(issues, i18n.translator('en'), []);
    expect(en).toContain('ERROR: data/faq.json, entry no-more-legalization, field source: No source. Fix: add "source"');
    expect(formatIssues(issues, i18n.translator('zh'), [])).toContain('没有来源');
  });

  it('checks countries.json and documents.json too', () => {
    const countries = JSON.parse(readFileSync('data/countries.json', 'utf8')) as { countries: Record<string, unknown>[] };
    countries.countries[0]!.entryIntoForce = '9 May 2004';
    delete countries.countries[1]!.source;
    expect(summary(validateCountries(JSON.stringify(countries)))).toEqual([
      ['bad_date', 'AL', 'entryIntoForce'],
      ['missing_source', 'AD', 'source'],
    ]);
    const documents = JSON.parse(readFileSync('data/documents.json', 'utf8')) as { documents: Record<string, unknown>[] };
    documents.documents[0]!.article1 = 'commercial';
    expect(summary(validateDocuments(JSON.stringify(documents)))[0]).toEqual(['invalid_value', 'commercial-invoice', 'article1']);
  });
});

describe('npm run faq:validate', () => {
  it('prints a readable report and exits non-zero on errors, zero on the shipped data', async () => {
    const good = await run(TSX, ['src/cli/validate.ts']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('no errors');
    const draft = join(await tempDir(), 'faq.json');
    await writeFile(draft, withEntry(0, (e) => ((e.answer as Record<string, unknown>).zh = '')));
    const bad = await run(TSX, ['src/cli/validate.ts', draft, '--lang', 'zh']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('条目 what-is-apostille，字段 answer.zh'.replace('，', ', '));
  });
});

describe('a file of the wrong shape is an error the editor can read, never a crash later', () => {
  const t = I18n.create().then((i18n) => i18n.plainTranslator('en'));
  it.each(['null', '0', 'false', '[]', '"text"'])('%s as a whole file says it must be one JSON object', async (text) => {
    for (const check of [validateFaq, validateCountries, validateDocuments]) {
      const issues = check(text);
      expect(issues.map((i) => i.code)).toEqual(['not_an_object']);
      expect(formatIssues(issues, await t, [])).toContain('must be one JSON object');
    }
  });

  it('what the checks accept, the loader loads: the final schema check catches what the detailed checks let through', () => {
    const data = clone();
    data.entries = [];
    expect(summary(validateFaq(JSON.stringify(data)))).toEqual([['empty_field', undefined, 'entries']]);
  });
});
