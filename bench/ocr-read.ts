/**
 * The child process of the document-reading benchmark (bench/ocr.ts starts it with
 * --cpu-prof): warms the reader up, reads every fixture document, then the phone-photo
 * set (test/fixtures/photos) on its own, and prints one JSON line with
 * the timings, memory and event-loop figures, plus the monotonic times (µs) of the
 * reading window so the parent can cut the main thread's CPU profile to it.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DocumentReader } from '../src/read/reader.ts';
import { loadPhotoSet, PHOTO_DIR } from './ocr-photos.ts';

const DIR = 'test/fixtures/documents';
const files = readFileSync(`${DIR}/expected.jsonl`, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file);
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

interface Loop {
  maxMs: number;
  over50: number;
  utilisation: number;
}

async function loopWhile(during: () => Promise<unknown>): Promise<Loop> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const gaps: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last - 10);
    last = now;
  }, 10);
  const elu = performance.eventLoopUtilization();
  histogram.enable();
  await during();
  histogram.disable();
  clearInterval(timer);
  return { maxMs: histogram.max / 1e6, over50: gaps.filter((g) => g > 50).length, utilisation: performance.eventLoopUtilization(elu).utilization };
}

const reader = new DocumentReader({ dataDir: await mkdtemp(join(tmpdir(), 'bench-ocr-')), timeoutMs: 120_000 });
const rssBefore = process.memoryUsage().rss;
let warmUpMs = 0;
const warming = await loopWhile(async () => {
  const started = performance.now();
  await reader.warmUp();
  warmUpMs = performance.now() - started;
});
const ocrPageMs: number[] = [];
const textLayerMs: number[] = [];
let rssPeak = 0;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
let readingMs = 0;
let window = { fromUs: 0, toUs: 0 };
const reading = await loopWhile(async () => {
  const started = performance.now();
  window.fromUs = nowUs();
  for (const file of files) {
    const t = performance.now();
    const result = await reader.read(readFileSync(`${DIR}/${file}`), 1);
    if (result.method === 'pdf-text') textLayerMs.push(performance.now() - t);
    else ocrPageMs.push(...result.pageMs);
  }
  window.toUs = nowUs();
  readingMs = performance.now() - started;
});
clearInterval(sampler);
// The reading process's own peak (Linux: VmHWM); reading happens there, not in this process.
const peakOfReader = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${reader.processId}/status`, 'utf8'))?.[1] ?? Number.NaN) * 1024;
const readingPeak = peakOfReader();
// The phone photos: time per photo (preparation and OCR of its one page) and the peak RSS while they are read.
const photoMs: number[] = [];
let photoRssPeak = 0;
const photoSampler = setInterval(() => (photoRssPeak = Math.max(photoRssPeak, process.memoryUsage().rss)), 50);
for (const row of loadPhotoSet()) {
  const result = await reader.read(readFileSync(`${PHOTO_DIR}/${row.file}`), 1);
  photoMs.push(...result.pageMs);
}
clearInterval(photoSampler);
const photoReaderPeak = peakOfReader();
// The same loop, idle for as long, right after: the machine's own noise.
const idle = await loopWhile(() => new Promise((resolve) => setTimeout(resolve, Math.min(readingMs, 20_000))));
await reader.close();
console.log(JSON.stringify({ files: files.length, warmUpMs, ocrPageMs, textLayerMs, rssBefore, rssPeak, readingPeak, photoMs, photoRssPeak, photoReaderPeak, warming, reading, idle, window }));
