/**
 * Bytes of an uploaded file → the lines of text on it. Runs only inside the reading
 * process (child.ts), on a file whose header probe.ts has already accepted: PDF
 * parsing, image decoding, page rendering and OCR never touch the bot's process.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { OcrEngine, OcrLine } from './ocr.ts';
import { readPdf } from './pdf.ts';
import { UnreadableFileError, type FileHeader, type FileKind } from './probe.ts';
import { blankSurroundings, flattenLight, greyToRgba, toGrey } from './preprocess.ts';

export interface Extracted {
  kind: FileKind;
  /** pdf-text: read from the PDF's text layer; ocr: recognised from images. */
  method: 'pdf-text' | 'ocr';
  pages: number;
  lines: OcrLine[];
  /** Mean OCR confidence (0–100); 100 for a text layer. */
  confidence: number;
  /** OCR time per page, ms. */
  pageMs: number[];
}

/** Phone photos can be 4000 px wide: past this, OCR only gets slower, not better. */
const MAX_SIDE = 2400;

/** Below this side (px) an image holds a word or two: there is no light to flatten, and it is read as it is. */
const MIN_SIDE_TO_FLATTEN = 200;

/** The image scaled to at most MAX_SIDE, in grey with its light made even (preprocess.ts), as PNG for OCR. */
async function prepareForOcr(image: Buffer): Promise<Buffer> {
  const decoded = await loadImage(image);
  const scale = Math.min(1, MAX_SIDE / Math.max(decoded.width, decoded.height));
  const canvas = createCanvas(Math.round(decoded.width * scale), Math.round(decoded.height * scale));
  const g = canvas.getContext('2d');
  g.drawImage(decoded, 0, 0, canvas.width, canvas.height);
  if (Math.min(canvas.width, canvas.height) < MIN_SIDE_TO_FLATTEN) return canvas.encode('png');
  const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
  const flat = blankSurroundings(flattenLight(toGrey(pixels.data, canvas.width, canvas.height), canvas.width, canvas.height), canvas.width, canvas.height);
  // An all-white page (nothing but table, or a blank sheet) is not given to tesseract: it crashed the thread on one.
  if (flat.every((v) => v === 255)) return canvas.encode('png');
  greyToRgba(flat, pixels.data);
  g.putImageData(pixels, 0, 0);
  return canvas.encode('png');
}

export async function extractLines(bytes: Uint8Array, header: FileHeader, ocr: () => Promise<OcrEngine>): Promise<Extracted> {
  const { kind } = header;
  let images: Buffer[];
  let pages = 1;
  if (kind === 'pdf') {
    // Refusals (a password) keep their reason; anything else pdf.js trips on is a damaged file.
    const pdf = await readPdf(bytes).catch((error: unknown) => {
      throw error instanceof UnreadableFileError ? error : new UnreadableFileError('damaged');
    });
    if (pdf.textLines) return { kind, method: 'pdf-text', pages: pdf.pages, lines: pdf.textLines.map((text) => ({ text, confidence: 100 })), confidence: 100, pageMs: [] };
    images = pdf.images ?? [];
    pages = pdf.pages;
  } else {
    images = [Buffer.from(bytes)];
  }
  // Per page: its preparation (decode, even light) and its OCR.
  const prepareMs: number[] = [];
  const prepared: Buffer[] = [];
  for (const image of images) {
    const started = performance.now();
    prepared.push(await prepareForOcr(image).catch(() => {
      throw new UnreadableFileError('damaged');
    }));
    prepareMs.push(performance.now() - started);
  }
  const engine = await ocr();
  const lines: OcrLine[] = [];
  const pageMs: number[] = [];
  const confidences: number[] = [];
  for (const [i, image] of prepared.entries()) {
    const page = await engine.recognize(image);
    lines.push(...page.lines);
    pageMs.push(page.ms + prepareMs[i]!);
    confidences.push(page.confidence);
  }
  const confidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
  return { kind, method: 'ocr', pages, lines, confidence, pageMs };
}
