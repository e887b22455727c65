/** Worker thread entry (see load-offthread.ts): read, validate and parse the data files, post the result in small pieces. */
import { parentPort, workerData } from 'node:worker_threads';
import { ENTRIES_PER_MESSAGE, type WorkerMessage } from './load-offthread.ts';
import { readAndValidate } from './service.ts';
import type { DataPaths } from './types.ts';

const post = (message: WorkerMessage) => parentPort!.postMessage(message);
/** The main thread asks for each next piece when it is ready for it. */
const asked = () => new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));

try {
  const { issues, parsed } = await readAndValidate(workerData as DataPaths);
  if (!parsed) post({ kind: 'result', issues });
  else {
    const { entries, ...rest } = parsed;
    post({ kind: 'result', issues, parsed: { ...rest, total: entries.length } });
    for (let i = 0; i < entries.length; i += ENTRIES_PER_MESSAGE) {
      if (i > 0) await asked();
      post({ kind: 'entries', entries: entries.slice(i, i + ENTRIES_PER_MESSAGE) });
    }
  }
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
