/**
 * Reading, validating and parsing the data files in a worker thread: for a large
 * FAQ that is hundreds of milliseconds of CPU the event loop would otherwise spend
 * while users wait. The worker posts the result back in small messages (the issues,
 * the tables, then the FAQ entries a few hundred at a time, each only when asked for),
 * because turning one big message (or a queue of them, which Node delivers in one go)
 * back into objects would block the loop just the same.
 */
import { Worker } from 'node:worker_threads';
import type { DataPaths, ValidatedData } from './types.ts';

export type WorkerMessage =
  | { kind: 'result'; issues: ValidatedData['issues']; parsed?: Omit<NonNullable<ValidatedData['parsed']>, 'entries'> & { total: number } }
  | { kind: 'entries'; entries: NonNullable<ValidatedData['parsed']>['entries'] }
  | { kind: 'failed'; message: string };

/** Entries per message: small enough that receiving one costs a few milliseconds. */
export const ENTRIES_PER_MESSAGE = 200;

const WORKER_URL = new URL(`./load-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * The worker as a module URL, or (running from TypeScript sources, as `npm start` and the
 * tests do) a small script that first registers tsx in the worker: loader hooks given to
 * the main thread do not reach worker threads on Node 20.
 */
function workerScript(): { script: string | URL; eval: boolean } {
  if (!WORKER_URL.pathname.endsWith('.ts')) return { script: WORKER_URL, eval: false };
  const url = JSON.stringify(WORKER_URL.href);
  return { script: `import('tsx/esm/api').then(({ register }) => { register(); return import(${url}); });`, eval: true };
}

export function validateOffThread(paths: DataPaths): Promise<ValidatedData> {
  return new Promise((resolve, reject) => {
    const { script, eval: isScript } = workerScript();
    const worker = new Worker(script, { workerData: paths, eval: isScript });
    let result: ValidatedData | undefined;
    let expected = 0;
    const finish = () => {
      void worker.terminate();
      resolve(result!);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'failed') {
        void worker.terminate();
        reject(new Error(message.message));
      } else if (message.kind === 'result') {
        const { issues, parsed } = message;
        const { total, ...rest } = parsed ?? { total: 0 };
        result = { issues, parsed: parsed && { ...(rest as Omit<NonNullable<ValidatedData['parsed']>, 'entries'>), entries: [] } };
        expected = total;
        if (!result.parsed || result.parsed.entries.length === expected) finish();
      } else {
        result!.parsed!.entries.push(...message.entries);
        if (result!.parsed!.entries.length === expected) finish();
        // The next piece after the loop has had its turn.
        else setImmediate(() => worker.postMessage('next'));
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!result) reject(new Error(`the data worker stopped (exit code ${code}) before it answered`));
    });
  });
}
