import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { DocumentReader } from './src/read/reader.ts';
const status = (pid?: number) => { const s = readFileSync(`/proc/${pid}/status`, 'utf8'); return { rss: Number(/VmRSS:\s+(\d+)/.exec(s)![1]) >> 10, hwm: Number(/VmHWM:\s+(\d+)/.exec(s)![1]) >> 10 }; };
const c = createCanvas(7300, 5475); const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, 7300, 5475); g.fillStyle = '#000'; g.font = '200px sans-serif'; g.fillText('CERTIFICATE OF ORIGIN', 400, 1000); g.fillText('Country of destination: France', 400, 1600);
const jpg = await c.encode('jpeg', 90); const png = await c.encode('png');
console.log('jpg', jpg.length, 'png', png.length, 'parent', status(process.pid));
const r = new DocumentReader({ dataDir: '/tmp/dbg-ocr', timeoutMs: 60000, logger: { info: (...a: unknown[]) => console.log('LOG', ...a), warn: (...a: unknown[]) => console.log('WARN', ...a) } as never });
await r.warmUp(); console.log('warm', status(r.processId));
for (const [name, b] of [['jpg', jpg], ['png', png], ['jpg', jpg]] as const) {
  const t = performance.now();
  const x = await r.read(b, 1); console.log(name, x.lines.map((l) => l.text).join(' | '), Math.round(performance.now() - t), 'ms', status(r.processId));
}
await r.close();
