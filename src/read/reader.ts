/**
 * Reads uploaded documents in a child process (child.ts), one at a time per bot,
 * so OCR (seconds of CPU) never blocks the bot and a decoder that crashes on a
 * malformed file takes only that process with it: the user is told, and a new
 * process starts. Before a file is queued its header is checked (probe.ts): too big,
 * not an image or PDF, damaged, or too many pixels is answered at once, undecoded.
 * Each user may have one document waiting or being read; a job that runs past the
 * timeout is stopped (the process is killed and replaced).
 */
import type { Logger } from '../infra/logger.ts';
import type { Extracted } from './extract.ts';
import type { JobResult } from './child.ts';
import { probeFile, UnreadableFileError, type FileHeader, type UnreadableReason } from './probe.ts';
import { ReadingProcess, type ProcessEnd } from './reading-process.ts';

export type ReadFailure = 'busy' | 'queue_full' | 'timeout' | UnreadableReason | 'failed';

export class ReadError extends Error {
  constructor(readonly reason: ReadFailure) {
    super(reason);
  }
}

export interface ReaderOptions {
  dataDir: string;
  /** Per document, waiting in the queue excluded. */
  timeoutMs?: number;
  /** Documents waiting behind the one being read, all users together. */
  maxQueue?: number;
  /**
   * The reading process's nice value (default READING_NICE, so the bot answers first on a busy
   * machine); 0 reads at normal priority, for a run with no bot to give way to.
   */
  nice?: number;
  /** A reading process resident above this after a job is replaced (default RECYCLE_RSS_BYTES). */
  recycleRssBytes?: number;
  /** Where a reading process that died or grew too big is reported (never a file's content). */
  logger?: Logger;
}

interface Pending {
  userId: number;
  bytes: Uint8Array;
  header: FileHeader;
  resolve: (value: Extracted) => void;
  reject: (error: ReadError) => void;
}

/** A blank 64×32 PNG: reading it starts the OCR engine (both languages loaded) without a user's document. */
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAYAAACinX6EAAAABHNCSVQICAgIfAhkiAAAAAFzUkdCAK7OHOkAAABaSURBVGiB7dBBEcAwAMOwdfw5pzD0qIXA57Nt38N+HaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gHYBIWYEPHAeAc0AAAAASUVORK5CYII=',
  'base64',
);
const WARM_UP_USER = -1;
export const READING_NICE = 10;
/**
 * A reading process resident above this after a job is replaced by a fresh one (warm):
 * tesseract's WebAssembly memory grows with the largest page it has seen and never shrinks.
 */
export const RECYCLE_RSS_BYTES = 400 * 1024 * 1024;

export class DocumentReader {
  private process?: ReadingProcess;
  private readonly queue: Pending[] = [];
  private readonly users = new Set<number>();
  private running = false;
  private nextId = 1;
  /** Whether the OCR engine has been started: a replacement process then starts its own at once. */
  private warm = false;
  private readonly timeoutMs: number;
  private readonly maxQueue: number;

  constructor(private readonly options: ReaderOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxQueue = options.maxQueue ?? 10;
  }

  /** Whether this user already has a document waiting or being read (one at a time each). */
  isReadingFor(userId: number): boolean {
    return this.users.has(userId);
  }

  /** Documents waiting or being read. */
  get load(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** The reading process's id while one runs (for tests and operators measuring its memory). */
  get processId(): number | undefined {
    return this.process?.pid;
  }

  read(bytes: Uint8Array, userId: number): Promise<Extracted> {
    if (this.users.has(userId)) return Promise.reject(new ReadError('busy'));
    let header: FileHeader;
    try {
      header = probeFile(bytes);
    } catch (error) {
      return Promise.reject(new ReadError(error instanceof UnreadableFileError ? error.reason : 'failed'));
    }
    if (this.queue.length >= this.maxQueue) return Promise.reject(new ReadError('queue_full'));
    this.users.add(userId);
    return new Promise<Extracted>((resolve, reject) => {
      this.queue.push({ userId, bytes, header, resolve, reject });
      void this.pump();
    }).finally(() => this.users.delete(userId));
  }

  /**
   * Starts the reading process and its OCR engine ahead of the first document (optional):
   * the engine's start (seconds, both languages loaded) then happens before anyone waits for it.
   */
  async warmUp(): Promise<void> {
    this.warm = true;
    await this.read(new Uint8Array(BLANK_PNG), WARM_UP_USER);
  }

  async close(): Promise<void> {
    for (const pending of this.queue.splice(0)) pending.reject(new ReadError('failed'));
    const running = this.process;
    this.process = undefined;
    await running?.stop();
  }

  private start(): ReadingProcess {
    if (this.process) return this.process;
    const started: ReadingProcess = new ReadingProcess({ dataDir: this.options.dataDir, warm: this.warm, nice: this.options.nice ?? READING_NICE }, (end) => this.ended(started, end));
    this.process = started;
    return started;
  }

  /**
   * A process that died on its own is forgotten; one that died under a job (a file that
   * crashed the decoder) is replaced at once, so the next document finds the engine warm.
   * One that died idle is replaced with the next job: no restart loop without documents.
   */
  private ended(process: ReadingProcess, end: ProcessEnd): void {
    if (this.process !== process) return;
    this.process = undefined;
    this.options.logger?.warn({ code: end.code, signal: end.signal, duringJob: end.duringJob }, 'the reading process ended');
    if (end.duringJob) this.start();
  }

  /** Kills this process and starts another in its place (warm when the engine was). */
  private replace(process: ReadingProcess): void {
    if (this.process === process) this.process = undefined;
    process.kill();
    this.start();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const pending = this.queue.shift();
    if (!pending) return;
    this.running = true;
    try {
      pending.resolve(await this.runOne(pending));
    } catch (error) {
      pending.reject(error instanceof ReadError ? error : new ReadError('failed'));
    } finally {
      this.running = false;
      void this.pump();
    }
  }

  private async runOne({ bytes, header }: Pending): Promise<Extracted> {
    const process = this.start();
    await process.ready.catch(() => {
      throw new ReadError('failed');
    });
    const outcome = await process.run({ id: this.nextId++, bytes, header }, this.timeoutMs);
    if (outcome.kind === 'timeout') {
      this.replace(process);
      throw new ReadError('timeout');
    }
    // Killed under the file: the decoder crashed or ran out of memory on it.
    if (outcome.kind === 'ended') throw new ReadError(outcome.crashed ? 'damaged' : 'failed');
    return this.resultOf(process, outcome.result);
  }

  private resultOf(process: ReadingProcess, result: JobResult): Extracted {
    if (result.ok && result.result.method === 'ocr') this.warm = true;
    if (result.rss > (this.options.recycleRssBytes ?? RECYCLE_RSS_BYTES)) {
      this.options.logger?.info({ rssMb: Math.round(result.rss / 1048576) }, 'the reading process grew past its limit; replaced');
      this.replace(process);
    }
    if (!result.ok) throw new ReadError(result.reason);
    return result.result;
  }
}
