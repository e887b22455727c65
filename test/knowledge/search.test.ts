import { beforeAll, describe, expect, it } from 'vitest';
import { FaqIndex } from '../../src/knowledge/search.ts';
import { shippedData } from '../helpers/bot.ts';
import { evaluate, loadDevSet, readJsonl } from './eval.ts';

let index: FaqIndex;
beforeAll(async () => {
  // The index the bot uses: the FAQ with the countries' names as concepts.
  index = (await shippedData()).current().knowledge.index;
});

describe('accuracy floors on the development set', () => {
  it('answers ≥ 90% of in-scope questions with the expected facts, in each language, and rejects ≥ 90% off-topic', () => {
    const report = evaluate(index, loadDevSet());
    console.info('dev set', JSON.stringify({ zh: report.inScope.zh, en: report.inScope.en, offTopic: report.offTopic }));
    expect(report.inScope.zh.rate, JSON.stringify(report.failures)).toBeGreaterThanOrEqual(0.9);
    expect(report.inScope.en.rate, JSON.stringify(report.failures)).toBeGreaterThanOrEqual(0.9);
    expect(report.offTopic.rate, JSON.stringify(report.failures)).toBeGreaterThanOrEqual(0.9);
  });

  it('holds up on our own held-out questions (typos, Traditional, mixed language, near-domain small talk)', () => {
    const report = evaluate(index, readJsonl('test/fixtures/ask-extra.jsonl'));
    console.info('held-out set', JSON.stringify({ zh: report.inScope.zh, en: report.inScope.en, offTopic: report.offTopic }));
    expect(report.inScope.zh.rate, JSON.stringify(report.failures)).toBeGreaterThanOrEqual(0.85);
    expect(report.inScope.en.rate, JSON.stringify(report.failures)).toBeGreaterThanOrEqual(0.85);
    expect(report.offTopic.rate, JSON.stringify(report.failures)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('what users type', () => {
  it.each([
    ['apostile', 'what-is-apostille'],
    ['附家证明书是什么', 'what-is-apostille'],
    ['海牙認證要在哪裡申請', 'where-to-apply'],
    ['ＣＯ要做apostille吗', 'certificate-of-origin'],
    ['legalisation for india', 'india-objection'],
    ['DOES AN APOSTILLE EXPIRE', 'validity'],
  ])('%s → %s', (question, id) => {
    const result = index.search(question);
    expect(result.matched).toBe(true);
    expect(result.entry?.id).toBe(id);
  });

  it.each([[''], ['   '], ['🙂🙂'], ['12345'], ['?'], ['a × 5000', 'a'.repeat(5000)], ['附 × 5000', '附'.repeat(5000)]])('gives no forced answer to %j', (label, text = label) => {
    const started = performance.now();
    const result = index.search(text);
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.matched).toBe(false);
  });

  it('offers close topics even when it does not answer', () => {
    const result = index.search('海牙认证的事情');
    expect(result.candidates.length).toBeGreaterThan(0);
  });

  it('repairs a one-character slip in a Chinese term but not an exact term followed by another word', () => {
    const terms = (q: string) => index.readQuery(q).map((t) => t.term);
    expect(terms('附家证明书')).toContain('#apostille');
    expect(terms('领事认证跟海牙认证不一样')).toEqual(expect.arrayContaining(['#legalization', '#apostille', '#difference']));
  });
});
