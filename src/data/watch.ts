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
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** The files as last loaded (or as first seen), and as the poll last saw them. */
  let loaded: string | undefined;
  let polled: string | undefined;

  const reload = oneAtATime(async () => {
    // Taken before reading, so a save during the reload still differs and is picked up.
    const now = await signature(files);
    // A late event of a save already loaded: nothing to reload, nothing to report.
    if (now === loaded) return;
    loaded = polled = now;
    const result = await service.reload();
    try {
      onResult(result);
    } catch {
      // Reporting is best effort; the watch goes on, with whatever data the reload left.
    }
  }, () => stopped);
  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };

  const watchers = watchFolders(files, schedule);

  void signature(files).then((s) => {
    loaded ??= s;
    polled ??= s;
  });
  const poll = setInterval(async () => {
    const now = await signature(files);
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

/** Size and mtime of every file: what changes when one is saved. */
async function signature(files: string[]): Promise<string> {
  return (await Promise.all(files.map((f) => stat(f).then((s) => `${s.size}:${s.mtimeMs}`, () => 'missing')))).join('|');
}

/** `run`, never overlapping: a call while it runs makes it run once more afterwards (unless stopped by then). */
function oneAtATime(run: () => Promise<void>, stopped: () => boolean): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        // One failed round (a file vanishing mid-read…) must not end the watch, or the process.
        await run().catch(() => undefined);
      } while (again && !stopped());
    } finally {
      running = false;
    }
  };
}

/** Watches the files' folders and calls `changed` when one of the files (or an unnamed entry) changes. */
function watchFolders(files: string[], changed: () => void): FSWatcher[] {
  const names = new Set(files.map((f) => basename(f)));
  const watchers: FSWatcher[] = [];
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    try {
      const watcher = watch(dir, (_event, filename) => {
        if (!filename || names.has(basename(filename.toString()))) changed();
      });
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    } catch {
      // No events on this file system: polling still notices changes.
    }
  }
  return watchers;
}
