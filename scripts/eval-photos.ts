/**
 * Reads the phone-photo set through the real reader (worker thread, OCR) and the
 * same understanding and verdict the bot uses, and reports each half: read right,
 * asked, confidently wrong, and the time per photo.
 *
 *   npx tsx scripts/eval-photos.ts [--half tune|heldout|all] [--show] [--cache DIR]
 *
 * --show prints what OCR read, for the tune half only: the held-out half is measured,
 * never looked into. --cache keeps each photo's OCR lines in DIR, so changes to the
 * understanding can be measured again without OCR (delete DIR after OCR changes).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeAnswer, judge, loadPhotoSet, PHOTO_DIR, type Judgement } from '../bench/ocr-photos.ts';
import { DATA_PATHS } from '../test/helpers/bot.ts';
import { DataService } from '../src/data/service.ts';
import { answerFor, settledFrom } from '../src/read/document-verdict.ts';
import type { Extracted } from '../src/read/extract.ts';
import { understandDocument } from '../src/read/paper.ts';
import { DocumentReader } from '../src/read/reader.ts';

const { values } = parseArgs({ options: { half: { type: 'string', default: 'all' }, show: { type: 'boolean', default: false }, cache: { type: 'string' } } });
if (values.show && values.half !== 'tune') {
  console.error('--show is for the tune half only (--half tune): the held-out half is not looked into.');
  process.exit(2);
}
const rows = loadPhotoSet().filter((r) => values.half === 'all' || r.half === values.half);
const { tables } = (await DataService.load(DATA_PATHS)).current();
const today = new Date().toISOString().slice(0, 10);
const reader = new DocumentReader({ dataDir: await mkdtemp(join(tmpdir(), 'eval-photos-')), timeoutMs: 60_000 });
if (values.cache) mkdirSync(values.cache, { recursive: true });

const results: { half: string; judgement: Judgement; ms: number }[] = [];
for (const row of rows) {
  const cached = values.cache ? join(values.cache, `${row.file}.json`) : undefined;
  const started = performance.now();
  let extracted: Extracted;
  if (cached && existsSync(cached)) extracted = JSON.parse(readFileSync(cached, 'utf8')) as Extracted;
  else {
    extracted = await reader.read(readFileSync(join(PHOTO_DIR, row.file)), 1);
    if (cached) writeFileSync(cached, JSON.stringify(extracted));
  }
  const ms = performance.now() - started;
  const reading = understandDocument(extracted.lines, tables, { caption: row.caption });
  const answer = answerFor(settledFrom(reading), tables, today, { documents: reading.documentCandidates, countries: reading.countryCandidates });
  const judgement = judge(row, answer);
  results.push({ half: row.half, judgement, ms });
  const expected = row.outcome === 'read' ? `${row.document} ${row.country} ${row.direction}` : `ask ${row.ask}`;
  console.log(`${judgement.padEnd(6)} ${row.half.padEnd(8)} ${row.file.padEnd(36)} ${(ms / 1000).toFixed(1).padStart(5)} s  expected ${expected}; got ${describeAnswer(answer)} (${Math.round(reading.confidence * 100)}%)`);
  if (values.show) for (const line of extracted.lines) console.log(`         ${Math.round(line.confidence).toString().padStart(3)} | ${line.text}`);
}
await reader.close();

for (const half of ['tune', 'heldout']) {
  const mine = results.filter((r) => r.half === half);
  if (!mine.length) continue;
  const count = (j: Judgement) => mine.filter((r) => r.judgement === j).length;
  const slowest = Math.max(...mine.map((r) => r.ms));
  console.log(`${half}: ${mine.length} photos; right ${count('right')}, asked ${count('asked')}, wrong ${count('wrong')}; right or asked ${((100 * (count('right') + count('asked'))) / mine.length).toFixed(0)}%; slowest ${(slowest / 1000).toFixed(1)} s`);
}
