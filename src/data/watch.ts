/**
 * Hot reload: watch the data files' folders (editors save by writing a temp
 * file and renaming it, which replaces the inode, so watching the file itself
 * loses track) and, as a fallback for file systems without events, poll their
 * size and mtime. Changes are debounced and reloads never overlap.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { DataService, LoadResult } from './service.ts';

export interface WatchOptions {
  debounceMs?: number;
  pollMs?: number;
}

export function watchData(service: DataService, onResult: (result: LoadResult) => void, options: WatchOptions = {}): () => void {
  const paths = service.paths;
  if (!paths) return () => undefined;
  const files = [paths.faqFile, paths.countriesFile, paths.documentsFile];
  const names = new Set(files.map((f) => basename(f)));
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  const reload = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        onResult(await service.reload());
      } while (again && !stopped);
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    try {
      const watcher = watch(dir, (_event, filename) => {
        if (!filename || names.has(basename(filename.toString()))) schedule();
      });
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    } catch {
      // No events on this file system: polling below still notices changes.
    }
  }

  const signature = async () =>
    (await Promise.all(files.map((f) => stat(f).then((s) => `${s.size}:${s.mtimeMs}`, () => 'missing')))).join('|');
  let last: string | undefined;
  void signature().then((s) => (last ??= s));
  const poll = setInterval(async () => {
    const now = await signature();
    if (last !== undefined && now !== last) schedule();
    last = now;
  }, options.pollMs ?? 1000);
  poll.unref();

  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(poll);
    for (const w of watchers) w.close();
  };
}
