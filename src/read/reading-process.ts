/**
 * One reading process (child.ts) as reader.ts drives it: forked with a capped
 * JavaScript heap and an environment without secrets, ready when it says so, given
 * one job at a time. However a job ends (an answer, the timeout, or the process
 * dying under it) run() resolves and says which; it never rejects.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildArgs, Job, JobResult } from './child.ts';

/**
 * The reading process's JavaScript heap cap. pdf.js and the OCR glue use a few tens of
 * MB; a file that needs more ends the reading process (out of memory), not the bot.
 */
export const CHILD_HEAP_MB = 256;
/** Variables the reading process may see: none of the bot's secrets (token, database URL, webhook secret). */
const CHILD_ENV_KEYS = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'NODE_ENV'];

export type JobOutcome = { kind: 'done'; result: JobResult } | { kind: 'timeout' } | { kind: 'ended'; crashed: boolean };

/** How a process ended: `crashed` unless stop() or kill() ended it. */
export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  crashed: boolean;
  duringJob: boolean;
}

function forkChild(args: ChildArgs): ChildProcess {
  // TypeScript through tsx's loader, found from here so the bot may be started from any directory.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const env = Object.fromEntries(CHILD_ENV_KEYS.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]!]])));
  return fork(fileURLToPath(new URL('./child.ts', import.meta.url)), [JSON.stringify(args)], {
    execArgv: ['--import', tsx, `--max-old-space-size=${CHILD_HEAP_MB}`],
    env,
    // Structured clone: a file's bytes go over as a Uint8Array, not as JSON.
    serialization: 'advanced',
    // Tesseract prints notes of its own ("Estimating resolution…"): kept off the bot's stdout and stderr.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
}

export class ReadingProcess {
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
  private stopping = false;
  private job?: { id: number; finish: (outcome: JobOutcome) => void };

  constructor(args: ChildArgs, onEnd: (end: ProcessEnd) => void) {
    this.child = forkChild(args);
    this.ready = new Promise<void>((resolve, reject) => {
      this.child.once('message', () => resolve());
      this.child.once('exit', () => reject(new Error('the reading process ended before it was ready')));
      this.child.once('error', reject);
    });
    // Referenced while it starts (a job may be waiting for it), idle once ready; a failed start is handled where `ready` is awaited.
    this.ready.then(() => this.job || this.idle(), () => undefined);
    this.child.on('message', (message: JobResult | 'ready') => {
      if (message !== 'ready' && message.id === this.job?.id) this.job.finish({ kind: 'done', result: message });
    });
    // A failed send or kill: the job's timeout or the exit below settles what was waiting.
    this.child.on('error', () => undefined);
    this.child.once('exit', (code, signal) => {
      const crashed = !this.stopping;
      const duringJob = Boolean(this.job);
      this.job?.finish({ kind: 'ended', crashed });
      onEnd({ code, signal, crashed, duringJob });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** One job; past `timeoutMs` the process is killed (the only way to stop tesseract mid-page). */
  run(job: Job, timeoutMs: number): Promise<JobOutcome> {
    if (!this.child.connected) return Promise.resolve({ kind: 'ended', crashed: !this.stopping });
    this.child.ref();
    this.child.channel?.ref();
    return new Promise<JobOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.job?.finish({ kind: 'timeout' });
        this.kill();
      }, timeoutMs);
      this.job = {
        id: job.id,
        finish: (outcome) => {
          clearTimeout(timer);
          this.job = undefined;
          this.idle();
          resolve(outcome);
        },
      };
      this.child.send(job);
    });
  }

  /** Ends the process now (SIGKILL: it may be stuck in native code). */
  kill(): void {
    this.stopping = true;
    this.child.kill('SIGKILL');
  }

  /** Ends the process and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    // Held until it has exited: the caller awaits that, and an unreferenced child would let the event loop end first.
    this.child.ref();
    this.kill();
    await exited;
  }

  /** An idle reading process must not keep the bot alive (the console exits at the end of its input). */
  private idle(): void {
    this.child.unref();
    this.child.channel?.unref();
  }
}
