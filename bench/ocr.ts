/**
 * Document reading: OCR latency per page (median, p95), PDF text-layer reads,
 * resident memory during OCR, and how the bot's event loop fares while a
 * document is read, against the same loop idle for as long in the same run
 * (on a shared machine timers run late for everyone: the ratio is what counts).
 * Runs alone with `npm run bench -- ocr`.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DocumentReader } from '../src/read/reader.ts';
import { format, median, percentile } from './stats.ts';

const DIR = 'test/fixtures/documents';
const files = readFileSync(`${DIR}/expected.jsonl`, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { file: string; format: string }));

interface LoopStats {
  maxMs: number;
  over50: number;
  utilisation: number;
}

/** Event-loop delay (10 ms timer lateness, as a text message handler would see it) and utilisation over `during`. */
async function loopWhile(during: () => Promise<unknown>): Promise<LoopStats> {
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

export async function benchOcr(say: (line?: string) => void): Promise<void> {
  say();
  say('## 5. Reading documents (OCR in a worker thread; tesseract.js chi_sim + eng, offline)');
  say();
  const reader = new DocumentReader({ dataDir: await mkdtemp(join(tmpdir(), 'bench-ocr-')), timeoutMs: 120_000 });
  const rssBefore = process.memoryUsage().rss;
  let started = performance.now();
  await reader.warmUp();
  const threadStartMs = performance.now() - started;
  const first = files.find((f) => f.format === 'png')!;
  started = performance.now();
  await reader.read(readFileSync(`${DIR}/${first.file}`), 1);
  const firstDocumentMs = performance.now() - started;

  const ocrPageMs: number[] = [];
  const textLayerMs: number[] = [];
  let rssPeak = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  let readingMs = 0;
  const reading = await loopWhile(async () => {
    const t0 = performance.now();
    for (const { file } of files) {
      const t = performance.now();
      const result = await reader.read(readFileSync(`${DIR}/${file}`), 1);
      if (result.method === 'pdf-text') textLayerMs.push(performance.now() - t);
      else ocrPageMs.push(...result.pageMs);
    }
    readingMs = performance.now() - t0;
  });
  clearInterval(sampler);
  // The same loop, idle for as long, right after: the machine's own noise.
  const idle = await loopWhile(() => new Promise((resolve) => setTimeout(resolve, Math.min(readingMs, 20_000))));
  await reader.close();

  say(`All ${files.length} fixture documents (\`${DIR}\`), after a first one that starts the engine.`);
  say();
  say('| measure | value |');
  say('|---|---:|');
  say(`| worker thread start (tsx + modules) | ${format(threadStartMs)} ms |`);
  say(`| first document, including OCR engine start (loads both languages) | ${format(firstDocumentMs)} ms |`);
  say(`| OCR per page, median (${ocrPageMs.length} pages) | ${format(median(ocrPageMs))} ms |`);
  say(`| OCR per page, p95 | ${format(percentile(ocrPageMs, 95))} ms |`);
  say(`| PDF text layer, whole file, median (${textLayerMs.length} files) | ${format(median(textLayerMs))} ms |`);
  say(`| RSS before the reader | ${(rssBefore / 1e6).toFixed(0)} MB |`);
  say(`| RSS peak while reading (process, worker threads included) | ${(rssPeak / 1e6).toFixed(0)} MB |`);
  say();
  say('Event loop of the bot process (where text messages are answered) while documents are read, against the same loop idle for as long:');
  say();
  say('| loop | max delay ms | timer ticks > 50 ms late | utilisation |');
  say('|---|---:|---:|---:|');
  say(`| reading documents | ${reading.maxMs.toFixed(1)} | ${reading.over50} | ${(100 * reading.utilisation).toFixed(1)}% |`);
  say(`| idle (baseline) | ${idle.maxMs.toFixed(1)} | ${idle.over50} | ${(100 * idle.utilisation).toFixed(1)}% |`);
  say(`| ratio reading / idle (max delay) | ${(reading.maxMs / Math.max(idle.maxMs, 0.001)).toFixed(2)} | | |`);
  say();
  say('The main thread only posts the bytes and receives the lines; parsing, rendering and OCR run in the worker.');
}
