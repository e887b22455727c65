import { extractLines } from './src/read/extract.ts';
import { OcrEngine } from './src/read/ocr.ts';
import { mkdtempSync } from 'node:fs';
const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAYAAACinX6EAAAABHNCSVQICAgIfAhkiAAAAAFzUkdCAK7OHOkAAABaSURBVGiB7dBBEcAwAMOwdfw5pzD0qIXA57Nt38N+HaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gNYAHaA1QAdoDdABWgN0gHYBIWYEPHAeAc0AAAAASUVORK5CYII=', 'base64');
let engine: Promise<OcrEngine> | undefined;
console.error('start');
const r = await extractLines(new Uint8Array(BLANK_PNG), () => { console.error('engine'); return (engine ??= OcrEngine.start(mkdtempSync('/tmp/x-'))); });
console.error('done', r.lines.length);
(await engine)?.stop();
