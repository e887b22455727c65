/**
 * Document reading: OCR latency per page (median, p95), PDF text-layer reads,
 * resident memory during OCR, and how the bot's event loop fares while a document
 * is read, against the same loop idle for as long in the same run (on a shared
 * machine timers run late for everyone: the ratio is what counts). The reading runs
 * in a child process under --cpu-prof, so the main thread's own longest busy
 * stretch is measured from its CPU profile, not guessed from timer lateness.
 * Runs alone with `npm run bench -- ocr`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, median, percentile } from './stats.ts';

interface Loop {
  maxMs: number;
  over50: number;
  utilisation: number;
}

interface ChildResult {
  files: number;
  warmUpMs: number;
  ocrPageMs: number[];
  textLayerMs: number[];
  rssBefore: number;
  rssPeak: number;
  readingPeak: number;
  /** The phone-photo set: preparation and OCR per photo (one page each), and the peak RSS of each process while reading it. */
  photoMs: number[];
  photoRssPeak: number;
  photoReaderPeak: number;
  warming: Loop;
  reading: Loop;
  idle: Loop;
  window: { fromUs: number; toUs: number };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The longest run of consecutive non-idle samples (garbage collection included) inside a time window, ms. */
export function longestBusyRun(profile: CpuProfile, fromUs = -Infinity, toUs = Infinity): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let at = profile.startTime;
  let longest = 0;
  let run = 0;
  profile.samples.forEach((sample, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs || idle.has(sample)) run = 0;
    else run += delta / 1000;
    longest = Math.max(longest, run);
  });
  return longest;
}

export async function benchOcr(say: (line?: string) => void): Promise<void> {
  say();
  say('## 5. Reading documents (OCR in a child process; tesseract.js chi_sim + eng, offline)');
  say();
  const profileDir = mkdtempSync(join(tmpdir(), 'bench-ocr-prof-'));
  const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval', '1000', '--import', 'tsx', 'bench/ocr-read.ts'], { encoding: 'utf8', maxBuffer: 10_000_000 });
  if (child.status !== 0) throw new Error(`bench/ocr-read.ts failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildResult;
  // File names end <pid>.<thread id>.<sequence>.cpuprofile; thread 0 is the main thread.
  const mainProfile = readdirSync(profileDir).find((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name));
  const busyMs = mainProfile ? longestBusyRun(JSON.parse(readFileSync(join(profileDir, mainProfile), 'utf8')) as CpuProfile, result.window.fromUs, result.window.toUs) : Number.NaN;

  say(`All ${result.files} fixture documents (\`test/fixtures/documents\`), after the warm-up that starts the reading process and the OCR engine.`);
  say();
  say('| measure | value |');
  say('|---|---:|');
  say(`| warm-up: reading process and OCR engine start (both languages loaded) | ${format(result.warmUpMs)} ms |`);
  say(`| OCR per page, median (${result.ocrPageMs.length} pages) | ${format(median(result.ocrPageMs))} ms |`);
  say(`| OCR per page, p95 | ${format(percentile(result.ocrPageMs, 95))} ms |`);
  say(`| PDF text layer, whole file, median (${result.textLayerMs.length} files) | ${format(median(result.textLayerMs))} ms |`);
  say(`| RSS before the reader | ${(result.rssBefore / 1e6).toFixed(0)} MB |`);
  say(`| RSS peak while reading, bot process | ${(result.rssPeak / 1e6).toFixed(0)} MB |`);
  say(`| RSS peak, reading process (VmHWM) | ${(result.readingPeak / 1e6).toFixed(0)} MB |`);
  say(`| main thread's longest busy stretch while reading (CPU profile, 1 ms samples, GC included) | ${busyMs.toFixed(1)} ms |`);
  say();
  say(`The phone-photo set (\`test/fixtures/photos\`, ${result.photoMs.length} photos of documents on a table, in perspective, shadow and blur), read after the documents above:`);
  say();
  say('| measure | value |');
  say('|---|---:|');
  say(`| per photo (light flattened, then OCR), median | ${format(median(result.photoMs))} ms |`);
  say(`| per photo, p95 | ${format(percentile(result.photoMs, 95))} ms |`);
  say(`| per photo, slowest | ${format(Math.max(...result.photoMs))} ms |`);
  say(`| RSS peak while reading the photos, bot process | ${(result.photoRssPeak / 1e6).toFixed(0)} MB |`);
  say(`| RSS peak, reading process, documents and photos (VmHWM) | ${(result.photoReaderPeak / 1e6).toFixed(0)} MB |`);
  say();
  say('Event loop of the bot process (where text messages are answered) while documents are read, against the same loop idle for as long:');
  say();
  say('| loop | max delay ms | timer ticks > 50 ms late | utilisation |');
  say('|---|---:|---:|---:|');
  const row = (name: string, loop: Loop) => say(`| ${name} | ${loop.maxMs.toFixed(1)} | ${loop.over50} | ${(100 * loop.utilisation).toFixed(1)}% |`);
  row('reading documents', result.reading);
  row('warm-up', result.warming);
  row('idle (baseline)', result.idle);
  say(`| ratio reading / idle (max delay) | ${(result.reading.maxMs / Math.max(result.idle.maxMs, 0.001)).toFixed(2)} | | |`);
  say();
  say('The main thread only sends the bytes and receives the lines; parsing, rendering and OCR run in the reading process, at a');
  say('lower priority (nice 10). The busy stretch above is what our own code (and its garbage collection) holds the loop;');
  say('timer lateness beyond it is the operating system giving the thread no core on a loaded machine. Utilisation here');
  say('includes the CPU profiler\'s own sampling, which runs on the thread it profiles.');
}
