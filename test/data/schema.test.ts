import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_SCHEMAS, jsonSchemaText, schemaPath, schemaReference } from '../../src/data/json-schema.ts';
import { validateFaq } from '../../src/data/validate.ts';
import { DataService } from '../../src/data/service.ts';
import { DATA_PATHS } from '../helpers/bot.ts';
import { schemaProblems } from '../helpers/json-schema.ts';
import { run, TSX } from '../helpers/process.ts';
import { LANGS } from '../../src/i18n/languages.ts';

describe('JSON Schema files for the data files', () => {
  it.each(DATA_SCHEMAS.map((s) => [s.name, s] as const))('data/schema/%s.schema.json matches the zod schema (run npm run schema when this fails)', (_name, entry) => {
    expect(readFileSync(schemaPath(entry.name), 'utf8')).toBe(jsonSchemaText(entry));
  });

  it.each(DATA_SCHEMAS.map((s) => s.name))('data/%s.json names its schema in $schema, and the bot loads it with that key', async (name) => {
    const data = JSON.parse(readFileSync(`data/${name}.json`, 'utf8')) as Record<string, unknown>;
    expect(data.$schema).toBe(schemaReference(name));
    const schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as { properties: Record<string, unknown>; required: string[] };
    // Every top-level key of the data file is described, and every required one is there.
    for (const key of Object.keys(data)) expect(schema.properties).toHaveProperty([key]);
    for (const key of schema.required) expect(data).toHaveProperty([key]);
  });

  it('describes what staff get wrong most: a missing answer, too few variants, a missing source', () => {
    const faq = JSON.parse(readFileSync(schemaPath('faq'), 'utf8'));
    const entry = faq.properties.entries.items;
    expect(entry.required).toEqual(expect.arrayContaining(['id', 'category', 'questions', 'answer', 'source', 'updated']));
    expect(entry.properties.answer.required).toEqual([...LANGS]);
    expect(entry.properties.questions.properties.en.minItems).toBe(3);
    expect(entry.properties.updated.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
  });

  it.each(DATA_SCHEMAS.map((s) => s.name))('the editor finds nothing to underline in the shipped data/%s.json', (name) => {
    const schema = JSON.parse(readFileSync(schemaPath(name), 'utf8'));
    expect(schemaProblems(schema, JSON.parse(readFileSync(`data/${name}.json`, 'utf8')))).toEqual([]);
  });

  it('the editor underlines a missing answer, a misspelt field, too few variants and a bad date', () => {
    const schema = JSON.parse(readFileSync(schemaPath('faq'), 'utf8'));
    const data = JSON.parse(readFileSync('data/faq.json', 'utf8'));
    const entry = data.entries[0];
    delete entry.answer.zh;
    entry.keyword = entry.keywords;
    entry.questions.en = entry.questions.en.slice(0, 2);
    entry.updated = '29.11.2026';
    expect(schemaProblems(schema, data)).toEqual([
      '$.entries[0].questions.en: fewer than 3 items',
      '$.entries[0].answer: missing zh',
      '$.entries[0].updated: does not match ^\\d{4}-\\d{2}-\\d{2}$',
      '$.entries[0]: unknown field keyword',
    ]);
  });

  it('the shipped data loads with the $schema keys', async () => {
    const data = await DataService.load(DATA_PATHS);
    expect(data.current().knowledge.kb.entries.length).toBeGreaterThan(0);
  });

  it('npm run schema -- --check passes on the committed files', async () => {
    const result = await run(TSX, ['src/cli/schema.ts', '--check']);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('faq:validate: entries not checked for over a year', () => {
  const shipped = JSON.parse(readFileSync('data/faq.json', 'utf8')) as { entries: Record<string, unknown>[] };

  it('warns (not fails) about an entry whose updated date is more than a year before today', () => {
    const data = structuredClone(shipped);
    data.entries[0]!.updated = '2025-01-15';
    const issues = validateFaq(JSON.stringify(data), 'faq.json', { today: '2026-11-29' });
    expect(issues).toEqual([{ severity: 'warning', file: 'faq.json', entry: 'what-is-apostille', field: 'updated', code: 'stale_entry', params: { updated: '2025-01-15', days: 683 } }]);
  });

  it('a year to the day is not stale yet; without today no age check runs', () => {
    const data = structuredClone(shipped);
    data.entries[0]!.updated = '2025-11-29';
    expect(validateFaq(JSON.stringify(data), 'faq.json', { today: '2026-11-29' })).toEqual([]);
    data.entries[0]!.updated = '2020-01-01';
    expect(validateFaq(JSON.stringify(data), 'faq.json')).toEqual([]);
  });

  it('the CLI prints the warning and still exits 0', async () => {
    const result = await run(TSX, ['src/cli/validate.ts', '--today', '2028-01-10']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning: data\/faq\.json, entry what-is-apostille, field updated: Last checked on \d{4}-\d{2}-\d{2}, \d{3,} days ago/);
  });
});
