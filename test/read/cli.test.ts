import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/bot.ts';
import { run, TSX } from '../helpers/process.ts';

describe('documents without Telegram', () => {
  it('console chat: /file PATH reads a local file as if uploaded, and the chat goes on', async () => {
    const input = ['/file test/fixtures/documents/co-bilingual-germany.png', '/file no/such/file.png', '/file', ''].join('\n');
    const { code, stdout, stderr } = await run(TSX, ['src/main.ts'], input, { DATA_DIR: await tempDir() }, 100_000);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Reading your document');
    expect(stdout).toContain('Certificate of origin (CCPIT) → Germany: apostille');
    expect(stdout).toContain('1. Apply for the certificate of origin at CCPIT');
    expect(stdout).toContain('There is no file at no/such/file.png.');
    expect(stdout).toContain('Usage: /file PATH');
    // Tesseract's own notes stay out of the chat.
    expect(stdout + stderr).not.toMatch(/Estimating resolution|traineddata/);
  }, 120_000);

  it('check CLI: --json --file prints the verdict plus what was read; a missing country is a question, filled by --country', async () => {
    const dataDir = await tempDir();
    const pdf = await run(TSX, ['src/cli/check.ts', '--json', '--file', 'test/fixtures/documents/co-france.pdf', '--date', '2026-11-29'], '', { DATA_DIR: dataDir }, 100_000);
    expect(pdf.code, pdf.stderr).toBe(0);
    const verdict = JSON.parse(pdf.stdout) as Record<string, unknown>;
    expect(verdict).toMatchObject({ outcome: 'apostille', direction: 'from_china', document: { id: 'certificate-of-origin' }, country: { code: 'FR' } });
    expect(verdict.read).toMatchObject({ document: 'certificate-of-origin', country: 'FR', apostilleSeen: false, issuer: { kind: 'ccpit' }, method: 'pdf-text', confidence: 1 });
    expect((verdict.read as { lines: string[] }).lines).toContain('4. Country / region of destination: France');
    expect(String(verdict.text)).toContain('Certificate of origin (CCPIT) → France: apostille');

    const licence = await run(TSX, ['src/cli/check.ts', '--json', '--file', 'test/fixtures/documents/licence-zh.png', '--lang', 'zh'], '', { DATA_DIR: dataDir }, 100_000);
    const question = JSON.parse(licence.stdout) as Record<string, unknown>;
    expect(question).toMatchObject({ outcome: null, ask: { what: 'country' }, read: { document: 'business-licence', country: null } });
    expect(String(question.text)).toContain('营业执照：要送往哪个国家？');

    const filled = await run(TSX, ['src/cli/check.ts', '--json', '--file', 'test/fixtures/documents/licence-bilingual.pdf', '--country', '印度'], '', { DATA_DIR: dataDir }, 100_000);
    expect(JSON.parse(filled.stdout)).toMatchObject({ outcome: 'legalization', country: { code: 'IN' }, read: { country: 'NL' } });
  }, 120_000);
});
