/**
 * Reads uploaded documents in a worker thread, one at a time per process, so
 * OCR (seconds of CPU) never blocks the bot: text messages go on being answered
 * while a document is read. Each user may have one document waiting or being
 * read; a job that runs past the timeout is stopped (the worker is replaced).
 */
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extract.ts';
import type { Job, JobResult } from './worker.ts';

export type ReadFailure = 'busy' | 'queue_full' | 'timeout' | 'unsupported' | 'damaged' | 'failed';

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
}

interface Pending {
  userId: number;
  bytes: Uint8Array;
  resolve: (value: Extracted) => void;
  reject: (error: ReadError) => void;
}

/** A blank 64×32 PNG: reading it starts the OCR engine (both languages loaded) without a user's document. */
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAYAAACinX6EAAAABHNCSVQICAgIfAhkiAAAAAFzUkdCAK7OHOkAAABaSURBVGiB7dBBEcAwAMOwdfw5pzD0qIXA57Nt38N+HaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gHYBIWYEPHAeAc0AAAAASUVORK5CYII=',
  'base64',
);
const WARM_UP_USER = -1;

/** Loads the worker's TypeScript through tsx's API: Node 20 does not pass --import loaders on to worker threads. */
function spawnWorker(dataDir: string): Worker {
  const target = new URL('./worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(target)}); })`;
  // Tesseract prints notes of its own ("Estimating resolution…"): kept off the bot's stdout and stderr.
  const worker = new Worker(boot, { eval: true, workerData: { dataDir }, stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

export class DocumentReader {
  private worker?: Worker;
  private ready?: Promise<void>;
  private readonly queue: Pending[] = [];
  private readonly users = new Set<number>();
  private running = false;
  private nextId = 1;
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

  read(bytes: Uint8Array, userId: number): Promise<Extracted> {
    if (this.users.has(userId)) return Promise.reject(new ReadError('busy'));
    if (this.queue.length >= this.maxQueue) return Promise.reject(new ReadError('queue_full'));
    this.users.add(userId);
    return new Promise<Extracted>((resolve, reject) => {
      this.queue.push({ userId, bytes, resolve, reject });
      void this.pump();
    }).finally(() => this.users.delete(userId));
  }

  /**
   * Starts the worker and its OCR engine ahead of the first document (optional): the
   * engine's start (seconds, both languages loaded) then happens before anyone waits for it.
   */
  async warmUp(): Promise<void> {
    await this.read(new Uint8Array(BLANK_PNG), WARM_UP_USER);
  }

  async close(): Promise<void> {
    for (const pending of this.queue.splice(0)) pending.reject(new ReadError('failed'));
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await worker?.terminate();
  }

  private startWorker(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = spawnWorker(this.options.dataDir);
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    // A worker that dies on its own is replaced with the next job.
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.ready = undefined;
      }
    });
    return this.ready;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const pending = this.queue.shift();
    if (!pending) return;
    this.running = true;
    try {
      pending.resolve(await this.runOne(pending.bytes));
    } catch (error) {
      pending.reject(error instanceof ReadError ? error : new ReadError('failed'));
    } finally {
      this.running = false;
      // An idle worker must not keep the process alive (the console exits at the end of its input).
      if (!this.queue.length) this.worker?.unref();
      void this.pump();
    }
  }

  private async runOne(bytes: Uint8Array): Promise<Extracted> {
    await this.startWorker();
    const worker = this.worker!;
    worker.ref();
    const id = this.nextId++;
    return new Promise<Extracted>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        // The only way to stop tesseract mid-page: end the thread; the next job starts a fresh one.
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
        }
        void worker.terminate();
        reject(new ReadError('timeout'));
      }, this.timeoutMs);
      const onMessage = (message: JobResult | 'ready') => {
        if (message === 'ready' || message.id !== id) return;
        cleanup();
        if (message.ok) resolve(message.result);
        else reject(new ReadError(message.reason));
      };
      const onExit = () => {
        cleanup();
        reject(new ReadError('failed'));
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      // A copy goes to the worker; the caller's buffer is left as it was.
      const copy = new Uint8Array(bytes);
      worker.postMessage({ id, bytes: copy } satisfies Job, [copy.buffer]);
    });
  }
}
