import { describe, expect, it } from 'vitest';
import { run, TSX } from '../helpers/process.ts';

describe('ask CLI', () => {
  it('prints the answer the bot would send, as plain text', async () => {
    const { code, stdout } = await run(TSX, ['src/cli/ask.ts', '公约什么时候对中国生效']);
    expect(code).toBe(0);
    expect(stdout).toContain('2023年11月7日');
    expect(stdout).toContain('来源：');
    expect(stdout).toContain('相关问题:');
    expect(stdout).not.toMatch(/<\/?[ab]|&amp;/);
  });

  it('--json reads one question per line and writes one JSON object per line', async () => {
    const { code, stdout } = await run(TSX, ['src/cli/ask.ts', '--json'], 'What is an apostille?\n\n明天会下雨吗\n海牙認證要在哪裡申請\n');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row).slice(0, 8)).toEqual(['question', 'lang', 'matched', 'id', 'score', 'answer', 'related', 'kind']);
    expect(rows[0]).toMatchObject({ question: 'What is an apostille?', lang: 'en', matched: true, id: 'what-is-apostille' });
    expect(rows[1]).toMatchObject({ lang: 'zh', matched: false, id: null });
    expect(String(rows[1]?.answer)).toContain('没有找到可靠的答案');
    expect(rows[2]).toMatchObject({ lang: 'zh', matched: true, id: 'where-to-apply' });
    expect(String(rows[2]?.answer)).toContain('簽發');
    expect((rows[0]?.related as unknown[]).length).toBe(3);
  });

  it('--json adds kind (answer, verdict with country and document, smalltalk, fallback); --session reads follow-ups against the line before', async () => {
    const input = '你好\nindia customer need our certificate of origin legalised, apostille ok?\nand for Germany?\nhs code for lithium battery pls\n';
    const { code, stdout } = await run(TSX, ['src/cli/ask.ts', '--json', '--session', 'exporter'], input);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows[0]).toMatchObject({ kind: 'smalltalk', matched: false });
    expect(rows[1]).toMatchObject({ kind: 'verdict', matched: true, country: 'IN', document: 'certificate-of-origin' });
    expect(String(rows[1]?.answer)).toContain('Consular legalisation still needed');
    expect(rows[2]).toMatchObject({ kind: 'verdict', country: 'DE', document: 'certificate-of-origin' });
    expect(String(rows[2]?.answer)).toContain('no consular legalisation needed');
    expect(rows[3]).toMatchObject({ kind: 'fallback', matched: false, id: null });
    // Without --session every line stands alone.
    const alone = await run(TSX, ['src/cli/ask.ts', '--json'], 'and for Germany?\n');
    expect(JSON.parse(alone.stdout.trim())).toMatchObject({ kind: 'verdict', country: 'DE', document: null });
  });

  it('without a question prints the usage and exits 2', async () => {
    const { code, stderr } = await run(TSX, ['src/cli/ask.ts']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage');
  });
});
