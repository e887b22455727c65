import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareLanguageDir } from '../../src/read/ocr.ts';
import { MAX_FILE_BYTES, probeFile } from '../../src/read/probe.ts';
import { DocumentReader, ReadError, type ReaderOptions } from '../../src/read/reader.ts';
import { tempDir } from '../helpers/bot.ts';
import { encryptedPdf } from '../helpers/encrypted-pdf.ts';
import { PNG_SIGNATURE_ONLY, pngDeclaring } from '../helpers/hostile-files.ts';

const pdf = readFileSync('test/fixtures/documents/co-france.pdf');
const reason = (promise: Promise<unknown>) => promise.then(() => 'read', (error: unknown) => (error instanceof ReadError ? error.reason : String(error)));

describe('the document reader (reading process and queue)', () => {
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

describe('files that must not reach the decoder, and a decoder that dies', () => {
  const readers: DocumentReader[] = [];
  const reader = async (options: Partial<ReaderOptions> = {}) => {
    const created = new DocumentReader({ dataDir: await tempDir('apostille-ocr-'), timeoutMs: 60_000, ...options });
    readers.push(created);
    return created;
  };
  afterAll(() => Promise.all(readers.map((r) => r.close())));

  it('refuses by the header alone, before any reading process starts', async () => {
    const r = await reader();
    expect(await reason(r.read(PNG_SIGNATURE_ONLY, 1))).toBe('damaged');
    expect(await reason(r.read(pngDeclaring(20_000, 20_000), 1))).toBe('too_many_pixels');
    expect(await reason(r.read(pngDeclaring(8000, 5001), 1))).toBe('too_many_pixels');
    expect(await reason(r.read(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x25), 1))).toBe('too_big');
    expect(await reason(r.read(readFileSync('test/fixtures/documents/co-korea-photo.jpg').subarray(0, 600), 1))).toBe('damaged');
    expect(r.processId).toBeUndefined();
    // 40 MP is still read; the header says so without decoding.
    expect(probeFile(pngDeclaring(8000, 5000))).toEqual({ kind: 'png', width: 8000, height: 5000 });
  });

  it('reads the size from every WebP flavour\'s header: lossy, lossless, extended', async () => {
    const webp = (chunk: string, body: number[]) => Uint8Array.from([...Buffer.from('RIFF\0\0\0\0WEBP'), ...Buffer.from(chunk), 0, 0, 0, 0, ...body, ...new Array(16).fill(0)]);
    const lossy = (await createCanvas(320, 200).encode('webp', 80)) as Uint8Array;
    expect(probeFile(lossy)).toEqual({ kind: 'webp', width: 320, height: 200 });
    // VP8L: 0x2f, then width-1 and height-1 in 14 bits each (little-endian).
    const bits = (640 - 1) | ((480 - 1) << 14);
    expect(probeFile(webp('VP8L', [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, bits >>> 24]))).toEqual({ kind: 'webp', width: 640, height: 480 });
    // VP8X: flags and reserved bytes, then canvas width-1 and height-1 in 24 bits: 10,000 × 5,000 is over the cap.
    expect(() => probeFile(webp('VP8X', [0, 0, 0, 0, 0x0f, 0x27, 0, 0x87, 0x13, 0]))).toThrow('too_many_pixels');
  });

  it('a password-protected PDF is "encrypted"; with the password it would read (a real encrypted file)', async () => {
    const r = await reader();
    const locked = encryptedPdf('CERTIFICATE OF ORIGIN Country of destination: France', 'secret');
    expect(await reason(r.read(locked, 1))).toBe('encrypted');
    const opened = await getDocumentProxy(new Uint8Array(locked), { password: 'secret' });
    expect((await extractText(opened, { mergePages: true })).text).toContain('CERTIFICATE OF ORIGIN');
  }, 60_000);

  it('a reading process that dies under a file: that file is "damaged", a new process starts at once and reads the next', async () => {
    const r = await reader();
    expect(await reason(r.read(pdf, 1))).toBe('read');
    const first = r.processId!;
    const scan = r.read(readFileSync('test/fixtures/documents/co-japan-rotated.png'), 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(first, 'SIGSEGV');
    expect(await reason(scan)).toBe('damaged');
    expect(r.processId).toBeDefined();
    expect(r.processId).not.toBe(first);
    expect(await reason(r.read(pdf, 1))).toBe('read');
  }, 60_000);

  it('a reading process grown past its memory limit is replaced after the job', async () => {
    const r = await reader({ recycleRssBytes: 1 });
    expect(await reason(r.read(pdf, 1))).toBe('read');
    const first = r.processId;
    expect(await reason(r.read(pdf, 1))).toBe('read');
    expect(r.processId).not.toBe(first);
  }, 60_000);
});
