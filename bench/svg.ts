/** A plain SVG chart of the results: no scripts, no fonts to load, readable in any browser or viewer. */
import type { QualityRow } from './quality.ts';

const COLORS = ['#2b6cb0', '#c05621', '#2f855a'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function renderSvg(quality: QualityRow[], speed: { size: number; name: string; p99: number }[]): string {
  const width = 820;
  const parts: string[] = [];
  const text = (x: number, y: number, s: string, extra = '') => parts.push(`<text x="${x}" y="${y}" ${extra}>${esc(s)}</text>`);

  // Quality: grouped bars, 0–100 %.
  text(20, 30, 'Retrieval quality on the development set (higher is better)', 'font-size="16" font-weight="bold"');
  const metrics: [string, (r: QualityRow) => number][] = [
    ['zh answer', (r) => r.answer.zh],
    ['en answer', (r) => r.answer.en],
    ['zh top-3', (r) => r.top3.zh],
    ['en top-3', (r) => r.top3.en],
    ['off-topic rejected', (r) => r.offTopic],
  ];
  const chartTop = 50;
  const chartHeight = 200;
  const groupWidth = 150;
  const barWidth = 36;
  parts.push(`<line x1="60" y1="${chartTop + chartHeight}" x2="${60 + groupWidth * metrics.length}" y2="${chartTop + chartHeight}" stroke="#333"/>`);
  metrics.forEach(([label, value], m) => {
    quality.forEach((row, r) => {
      const v = value(row);
      const h = v * chartHeight;
      const x = 70 + m * groupWidth + r * (barWidth + 6);
      parts.push(`<rect x="${x}" y="${chartTop + chartHeight - h}" width="${barWidth}" height="${h}" fill="${COLORS[r]}"/>`);
      text(x + 2, chartTop + chartHeight - h - 4, `${Math.round(v * 100)}`, 'font-size="11"');
    });
    text(70 + m * groupWidth, chartTop + chartHeight + 18, label, 'font-size="12"');
  });
  quality.forEach((row, r) => {
    parts.push(`<rect x="${70 + r * 170}" y="${chartTop + chartHeight + 30}" width="14" height="14" fill="${COLORS[r]}"/>`);
    text(90 + r * 170, chartTop + chartHeight + 42, row.name, 'font-size="13"');
  });

  // Speed: p99 per query at each size, log scale.
  const top2 = chartTop + chartHeight + 90;
  text(20, top2, 'p99 search time per query, log scale (lower is better)', 'font-size="16" font-weight="bold"');
  const sizes = [...new Set(speed.map((s) => s.size))];
  const names = [...new Set(speed.map((s) => s.name))];
  const maxLog = Math.log10(Math.max(...speed.map((s) => s.p99)) * 2);
  const minLog = -2;
  const scale = (ms: number) => ((Math.log10(Math.max(ms, 0.01)) - minLog) / (maxLog - minLog)) * 520;
  sizes.forEach((size, i) => {
    const y0 = top2 + 20 + i * 95;
    text(20, y0 + 30, `${size} entries`, 'font-size="12"');
    names.forEach((name, n) => {
      const row = speed.find((s) => s.size === size && s.name === name)!;
      const w = scale(row.p99);
      parts.push(`<rect x="120" y="${y0 + n * 26}" width="${w}" height="20" fill="${COLORS[n]}"/>`);
      text(126 + w, y0 + n * 26 + 15, `${name}: ${row.p99 >= 10 ? row.p99.toFixed(0) : row.p99.toFixed(2)} ms`, 'font-size="12"');
    });
  });
  const height = top2 + 20 + sizes.length * 95 + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${parts.join('\n')}\n</svg>\n`;
}
