import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareLanguageDir } from '../../src/read/ocr.ts';
import { DocumentReader, ReadError } from '../../src/read/reader.ts';
import { tempDir } from '../helpers/bot.ts';

const pdf = readFileSync('test/fixtures/documents/co-france.pdf');
const reason = (promise: Promise<unknown>) => promise.then(() => 'read', (error: unknown) => (error instanceof ReadError ? error.reason : String(error)));

describe('the document reader (worker thread and queue)', () => {
  const readers: DocumentReader[] = [];
  const reader = async (options: { maxQueue?: number } = {}) => {
    const created = new DocumentReader({ dataDir: await tempDir('apostille-ocr-'), timeoutMs: 60_000, ...options });
    readers.push(created);
    return created;
  };
  afterAll(() => Promise.all(readers.map((r) => r.close())));

  it('puts both languages\' trained data into one directory under DATA_DIR, from the npm packages', async () => {
    const dataDir = await tempDir('apostille-ocr-');
    const dir = await prepareLanguageDir(dataDir);
    expect(dir).toBe(join(dataDir, 'ocr', 'lang'));
    expect(readdirSync(dir).sort()).toEqual(['chi_sim.traineddata.gz', 'eng.traineddata.gz']);
    expect(statSync(join(dir, 'chi_sim.traineddata.gz')).size).toBeGreaterThan(1_000_000);
  });

  it('reads a PDF text layer without starting OCR', async () => {
    const r = await reader();
    const result = await r.read(pdf, 1);
    expect(result).toMatchObject({ kind: 'pdf', method: 'pdf-text', pages: 1, confidence: 100, pageMs: [] });
    expect(result.lines.map((l) => l.text)).toContain('CERTIFICATE OF ORIGIN');
  }, 60_000);

  it('one document per user at a time; a full queue says so; a broken PDF is "damaged", not a crash', async () => {
    const r = await reader({ maxQueue: 1 });
    const first = r.read(pdf, 1);
    expect(r.isReadingFor(1)).toBe(true);
    expect(await reason(r.read(pdf, 1))).toBe('busy');
    const second = r.read(pdf, 2);
    expect(await reason(r.read(pdf, 3))).toBe('queue_full');
    expect(await reason(first)).toBe('read');
    expect(await reason(second)).toBe('read');
    expect(r.isReadingFor(1)).toBe(false);
    expect(await reason(r.read(new TextEncoder().encode('%PDF-1.7 this is not really a PDF'), 4))).toBe('damaged');
    expect(await reason(r.read(new TextEncoder().encode('plain text'), 4))).toBe('unsupported');
  }, 60_000);
});
