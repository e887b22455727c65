/**
 * The reading process: a child of the bot that decodes and OCRs the files reader.ts
 * sends it, one at a time, with one OCR engine kept warm between them. A process and
 * not a thread because the native image decoder can crash on a malformed file (an
 * 8-byte PNG ends in SIGSEGV): the crash ends this process only, the user gets a
 * reply and reader.ts starts a new one. It holds no secrets (its environment is
 * emptied by reader.ts), writes nothing to disk and logs nothing: the file's bytes
 * and text live only in this job's memory.
 */
import { setPriority } from 'node:os';
import { extractLines, type Extracted } from './extract.ts';
import { OcrEngine } from './ocr.ts';
import { UnreadableFileError, type FileHeader, type UnreadableReason } from './probe.ts';

export interface Job {
  id: number;
  bytes: Uint8Array;
  header: FileHeader;
}

type Outcome = { ok: true; result: Extracted } | { ok: false; reason: UnreadableReason | 'failed' };
/** One job's outcome, and this process's resident memory after it (reader.ts replaces a process grown too big). */
export type JobResult = { id: number; rss: number } & Outcome;

/** What reader.ts passes on the command line. */
export interface ChildArgs {
  dataDir: string;
  /** Start the OCR engine now rather than with the first scan (a replacement for a process that had it running). */
  warm: boolean;
  /** The nice value to read at (READING_NICE unless the reader is told otherwise). */
  nice: number;
}

// Reading is offline by design: if anything in here (tesseract.js above all) ever tried to download, it fails loudly.
globalThis.fetch = () => Promise.reject(new Error('the document reader never uses the network'));

const { dataDir, warm, nice } = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;

/**
 * On a busy machine OCR competes with the bot for the cores: the thread that reads runs at
 * a lower priority (reader.ts: READING_NICE), so the bot's thread answering messages gets
 * the CPU first. Linux keeps a nice value per thread: this process's main thread is lowered
 * (its id is the process id), and tesseract's thread, started from it later, inherits it;
 * Node's own helper threads (garbage collection, file and zlib work) keep the normal
 * priority, as they did when reading ran in a thread of the bot. Elsewhere nothing changes.
 */
if (nice) {
  try {
    setPriority(process.pid, nice);
  } catch {
    // Not allowed: read at normal priority.
  }
}

let engine: Promise<OcrEngine> | undefined;
/** The engine, started once; a start that failed is tried again with the next scan. */
const ocr = () =>
  (engine ??= OcrEngine.start(dataDir).catch((error: unknown) => {
    engine = undefined;
    throw error;
  }));
if (warm) void ocr().catch(() => undefined);

const reply = (id: number, outcome: Outcome) => process.send!({ id, ...outcome, rss: process.memoryUsage.rss() } satisfies JobResult);

process.on('message', (job: Job) => {
  extractLines(job.bytes, job.header, ocr).then(
    (result) => reply(job.id, { ok: true, result }),
    (error: unknown) => reply(job.id, { ok: false, reason: error instanceof UnreadableFileError ? error.reason : 'failed' }),
  );
});
// The bot is gone (stopped, or killed without a chance to stop this process): so is the reason to run.
process.on('disconnect', () => process.exit(0));
process.send!('ready');
