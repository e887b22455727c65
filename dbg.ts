import { readFileSync, readdirSync } from 'node:fs';
import { DocumentReader } from './src/read/reader.ts';
const r = new DocumentReader({ dataDir: '/tmp/dbg-ocr', timeoutMs: 60000 });
const status = (pid?: number) => { try { const s = readFileSync(`/proc/${pid}/status`, 'utf8'); return ['VmRSS', 'VmHWM'].map((k) => k + ' ' + Math.round(Number(/(?:^|\n)K:\s+(\d+)/.exec(s.replace(/VmRSS|VmHWM/g, (m) => m === k ? 'K' : m))?.[1]) / 1024) + 'MB').join(' '); } catch { return '-'; } };
for (const f of readdirSync('test/fixtures/documents').filter((f) => !f.endsWith('jsonl'))) {
  const t = performance.now();
  try { const x = await r.read(readFileSync('test/fixtures/documents/' + f), 1); console.log(f, x.method, Math.round(performance.now() - t), 'ms', status(r.processId), 'parent', status(process.pid)); } catch (e) { console.log(f, 'err', e); }
}
await r.close();
