import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftEntries, draftFaqText, groupUnanswered, TODO_SOURCE } from '../../src/data/gaps.ts';
import { validateFaq } from '../../src/data/validate.ts';
import type { UnansweredQuestion } from '../../src/storage/types.ts';
import { shippedData, tempDir } from '../helpers/bot.ts';
import { run, TSX } from '../helpers/process.ts';

/** A log as the bot writes it: themes asked in several ways and languages, plus small talk. */
function generatedLog(): UnansweredQuestion[] {
  const themes: [lang: 'zh' | 'en', text: string, count: number][] = [
    ['zh', '附加证明书可以加急吗', 6],
    ['zh', '海牙认证能不能加急办理', 3],
    ['en', 'can I get an urgent apostille', 2],
    ['en', 'express apostille service', 1],
    ['zh', '附加证明书丢了怎么办', 2],
    ['en', 'I lost my apostille what now', 1],
    ['en', 'apostille for pet import papers', 1],
    ['en', 'hello there', 1],
    ['zh', '今天天气怎么样', 1],
  ];
  return themes.map(([lang, text, count], i) => ({
    text,
    lang,
    count,
    firstSeen: `2026-11-${String(1 + i).padStart(2, '0')}T08:00:00.000Z`,
    lastSeen: `2026-11-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
    lowConfidence: i === 3,
  }));
}

/** A fixed-seed shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const summary = (groups: ReturnType<typeof groupUnanswered>) => groups.map((g) => ({ count: g.count, questions: g.questions.map((q) => q.text), closest: g.closest?.entry.id }));

describe('faq:gaps: the unanswered log grouped by similarity', () => {
  it('groups the same question asked in other words and languages, largest group first, with counts and dates', async () => {
    const { knowledge } = (await shippedData()).current();
    const groups = groupUnanswered(generatedLog(), knowledge);
    const [urgent] = groups;
    expect(urgent?.questions.map((q) => q.text)).toEqual(['附加证明书可以加急吗', '海牙认证能不能加急办理', 'can I get an urgent apostille', 'express apostille service']);
    expect(urgent).toMatchObject({ count: 12, firstSeen: '2026-11-01T08:00:00.000Z', lastSeen: '2026-11-13T08:00:00.000Z', closest: { entry: { id: 'processing-time' } } });
    expect(groups.map((g) => g.count)).toEqual([...groups.map((g) => g.count)].sort((a, b) => b - a));
    expect(groups.reduce((n, g) => n + g.questions.length, 0)).toBe(generatedLog().length);
    // Small talk stays apart, with no closest entry.
    expect(groups.find((g) => g.lead === 'hello there')).toMatchObject({ questions: [expect.objectContaining({ text: 'hello there' })], closest: undefined });
  });

  it('is stable: the same log in any order gives the same groups', async () => {
    const { knowledge } = (await shippedData()).current();
    const expected = summary(groupUnanswered(generatedLog(), knowledge));
    for (let seed = 1; seed <= 20; seed++) expect(summary(groupUnanswered(shuffled(generatedLog(), seed), knowledge))).toEqual(expected);
  });

  it('a draft entry per group fails validation until staff fill it in', async () => {
    const { knowledge } = (await shippedData()).current();
    const groups = groupUnanswered(generatedLog(), knowledge);
    const entries = draftEntries(groups, knowledge.kb.entries, knowledge.kb.categories, '2026-11-29');
    expect(entries).toHaveLength(groups.length);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries[0]).toMatchObject({
      questions: { zh: ['附加证明书可以加急吗', '海牙认证能不能加急办理'], en: ['can I get an urgent apostille', 'express apostille service'] },
      answer: { zh: '', en: '' },
      source: TODO_SOURCE,
      related: ['processing-time'],
      category: 'apply',
    });
    const faqText = await readFile('data/faq.json', 'utf8');
    const draft = draftFaqText(faqText, entries);
    const errors = validateFaq(draft).filter((i) => i.severity === 'error');
    for (const entry of entries) {
      expect(errors).toContainEqual(expect.objectContaining({ entry: entry.id, code: 'placeholder_source' }));
      expect(errors).toContainEqual(expect.objectContaining({ entry: entry.id, code: 'empty_field', field: 'answer.zh' }));
    }
    expect(errors.every((e) => entries.some((entry) => entry.id === e.entry))).toBe(true);

    // Filled in: answers, three variants a language, a real source.
    const filled = JSON.parse(draft) as { entries: Record<string, unknown>[] };
    for (const entry of filled.entries.slice(-entries.length)) {
      entry.questions = { zh: [`问题一${entry.id}`, `问题二${entry.id}`, `问题三${entry.id}`], en: [`First ${entry.id}?`, `Second ${entry.id}?`, `Third ${entry.id}?`] };
      entry.answer = { zh: '请咨询外交部领事司。', en: 'Please ask the MFA Department of Consular Affairs.' };
      entry.source = 'https://cs.mfa.gov.cn/';
    }
    expect(validateFaq(JSON.stringify(filled)).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('npm run faq:gaps prints the groups from the store file; --draft writes a file faq:validate rejects', async () => {
    const dir = await tempDir();
    const unanswered = Object.fromEntries(generatedLog().map((q) => [q.text, q]));
    await writeFile(join(dir, 'store.json'), JSON.stringify({ version: 1, users: {}, wizards: {}, unanswered, entries: {}, days: {}, votes: {} }));
    const draft = join(dir, 'draft.json');
    const gaps = await run(TSX, ['src/cli/gaps.ts', '--draft', draft, '--today', '2026-11-29'], '', { DATA_DIR: dir });
    expect(gaps.code).toBe(0);
    expect(gaps.stdout).toContain('9 unanswered questions in 5 groups, asked 18 times; largest group first:');
    expect(gaps.stdout).toContain('1. 12× asked, 4 question(s), 2026-11-01 to 2026-11-13\n   closest entry: processing-time “How long does it take to get an apostille?”');
    expect(gaps.stdout).toContain('   - express apostille service (1×) (answered with low confidence)');
    expect(gaps.stdout).toContain(`Draft written to ${draft}`);
    const validate = await run(TSX, ['src/cli/validate.ts', draft]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/ERROR: .*draft\.json, entry new-[a-z0-9-]+, field source: The source is still a placeholder/);
  });

  it('an empty or missing log says so', async () => {
    const dir = await tempDir();
    const gaps = await run(TSX, ['src/cli/gaps.ts', '--lang', 'zh'], '', { DATA_DIR: dir });
    expect(gaps).toMatchObject({ code: 0, stdout: '没有记录到未能回答的问题。\n' });
  });
});
