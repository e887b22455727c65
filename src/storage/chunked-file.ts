/**
 * The store file's lowdb adapter. lowdb's JSONFile turns the whole data into one string
 * in one go: with thousands of sessions that holds the event loop for tens of
 * milliseconds on every write. This one writes one map entry per line, a slice at a
 * time, yielding to the event loop between slices, streamed into a temporary file that
 * replaces the store in one rename. Because each entry is on its own line, a file cut
 * short (a full disk, a crash of the machine) can be read back up to its last whole entry.
 */
import { open, readFile, rename } from 'node:fs/promises';
import type { Adapter } from 'lowdb';

/** Work done between two yields to the event loop. */
const SLICE_MS = 5;
/** Bytes gathered before they are handed to the file. */
const WRITE_CHUNK = 256 * 1024;
/** Written last: the large, short-lived maps; a cut-short file loses these first. */
const LAST_FIELDS = ['users', 'conversations'];

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class ChunkedJsonFile<T extends object> implements Adapter<T> {
  private running?: Promise<void>;
  private queued?: Promise<void>;

  constructor(
    readonly path: string,
    private readonly sliceMs = SLICE_MS,
  ) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * Writes never overlap, and writes asked for while one runs are merged into one that
   * starts after it: `data` is the live object, so the later write has every change.
   */
  write(data: T): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) {
      this.running = this.writeNow(data).finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.write(data);
      });
    return this.queued;
  }

  private async writeNow(data: T): Promise<void> {
    const temp = `${this.path}.tmp`;
    const file = await open(temp, 'w');
    try {
      let buffered: string[] = [];
      let size = 0;
      for await (const piece of serialize(data, this.sliceMs)) {
        buffered.push(piece);
        size += piece.length;
        if (size >= WRITE_CHUNK) {
          await file.write(buffered.join(''));
          buffered = [];
          size = 0;
        }
      }
      await file.write(buffered.join(''));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, this.path);
  }
}

/** The data as JSON text in pieces: small fields first, then one line per map entry, yielding every `sliceMs`. */
async function* serialize(data: object, sliceMs: number): AsyncGenerator<string> {
  const record = data as Record<string, unknown>;
  const names = Object.keys(record).filter((name) => record[name] !== undefined);
  names.sort((a, b) => Number(LAST_FIELDS.includes(a)) - Number(LAST_FIELDS.includes(b)));
  let sliceStart = performance.now();
  yield '{';
  for (const [i, name] of names.entries()) {
    const value = record[name];
    yield `${i ? ',' : ''}\n${JSON.stringify(name)}: `;
    if (!isMap(value)) {
      yield JSON.stringify(value);
      continue;
    }
    yield '{';
    let first = true;
    // Keys as they are now; an entry removed meanwhile is skipped (the next write has the rest).
    for (const key of Object.keys(value)) {
      const entry = value[key];
      if (entry === undefined) continue;
      yield `${first ? '' : ','}\n${JSON.stringify(key)}: ${JSON.stringify(entry)}`;
      first = false;
      if (performance.now() - sliceStart > sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    yield '\n}';
  }
  yield '\n}\n';
}

/**
 * The longest readable beginning of a JSON text cut short: cut after the last whole value
 * inside an object or array, then close what is open. Undefined when nothing is left.
 */
export function salvageJson(text: string): unknown {
  const stack: string[] = [];
  /** Places where the text can be cut (after a whole member), with what is open there. */
  let lastCut: { at: number; closers: string } | undefined;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      stack.push(c === '{' ? '}' : ']');
      lastCut = { at: i + 1, closers: [...stack].reverse().join('') };
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (!stack.length) return tryParse(text.slice(0, i + 1));
    } else if (c === ',') lastCut = { at: i, closers: [...stack].reverse().join('') };
  }
  return lastCut ? tryParse(text.slice(0, lastCut.at) + lastCut.closers) : undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
