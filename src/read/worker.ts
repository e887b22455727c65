/**
 * The reading worker thread: one OCR engine, started on the first job and kept
 * warm; jobs arrive one at a time from reader.ts. Nothing is written to disk and
 * nothing is logged: the file's bytes and text live only in this job's memory.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { extractLines, UnreadableFileError } from './extract.ts';
import { OcrEngine } from './ocr.ts';

export interface Job {
  id: number;
  bytes: Uint8Array;
}

export type JobResult =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof extractLines>> }
  | { id: number; ok: false; reason: 'unsupported' | 'damaged' | 'failed' };

// Reading is offline by design: if anything in here (tesseract.js above all) ever tried to download, it fails loudly.
globalThis.fetch = () => Promise.reject(new Error('the document reader never uses the network'));

/**
 * On a busy machine OCR competes with the bot for the cores: this thread (and the
 * tesseract thread it starts, which inherits it) runs at a lower priority, so the
 * thread answering messages gets the CPU first. Linux keeps a nice value per thread,
 * found through /proc/thread-self; elsewhere the thread keeps the normal priority.
 */
export const READING_NICE = 10;
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), READING_NICE);
} catch {
  // Not Linux, or not allowed: read at normal priority.
}

const { dataDir } = workerData as { dataDir: string };
let engine: Promise<OcrEngine> | undefined;
const ocr = () => (engine ??= OcrEngine.start(dataDir));

parentPort!.on('message', (job: Job) => {
  extractLines(job.bytes, ocr).then(
    (result) => parentPort!.postMessage({ id: job.id, ok: true, result } satisfies JobResult),
    (error: unknown) => parentPort!.postMessage({ id: job.id, ok: false, reason: error instanceof UnreadableFileError ? error.reason : 'failed' } satisfies JobResult),
  );
});
parentPort!.postMessage('ready');
