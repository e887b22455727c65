/**
 * Hot reload: watch the data files' folders (editors save by writing a temp
 * file and renaming it, which replaces the inode, so watching the file itself
 * loses track) and, as a fallback for file systems without events, poll their
 * size and mtime. Both triggers feed one debounce, reloads never overlap, and a
 * reload remembers the files' signature it loaded: the poll then sees nothing new,
 * so one save is one reload (and one report to the admins), not one per trigger.
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

  const signature = async () =>
    (await Promise.all(files.map((f) => stat(f).then((s) => `${s.size}:${s.mtimeMs}`, () => 'missing')))).join('|');
  /** The files as last loaded (or as first seen), and as the poll last saw them. */
  let loaded: string | undefined;
  let polled: string | undefined;

  const reload = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        // Taken before reading, so a save during the reload still differs and is picked up.
        const now = await signature();
        // A late event of a save already loaded: nothing to reload, nothing to report.
        if (now === loaded) continue;
        loaded = polled = now;
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

  void signature().then((s) => {
    loaded ??= s;
    polled ??= s;
  });
  const poll = setInterval(async () => {
    const now = await signature();
    if (polled === undefined || now === polled) return;
    polled = now;
    // Only a change the watcher has not already had loaded.
    if (now !== loaded) schedule();
  }, options.pollMs ?? 1000);
  poll.unref();

  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(poll);
    for (const w of watchers) w.close();
  };
}
