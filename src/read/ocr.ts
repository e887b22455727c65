/**
 * Tesseract in Chinese and English, offline: the trained data comes from the
 * npm packages @tesseract.js-data/chi_sim and /eng (LSTM "best_int" models),
 * copied at first use into one directory under DATA_DIR, because tesseract.js
 * reads every language from one langPath. Nothing is ever downloaded: langPath
 * is a local directory, and the cache is off (the gzipped files are read as they are).
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

export const OCR_LANGUAGES = ['chi_sim', 'eng'] as const;
/** The LSTM-only models: what tesseract.js itself would fetch for OEM.LSTM_ONLY. */
const MODEL_DIR = '4.0.0_best_int';

export interface OcrLine {
  text: string;
  /** 0–100, tesseract's own confidence for the line. */
  confidence: number;
}

export interface OcrPage {
  lines: OcrLine[];
  confidence: number;
  ms: number;
}

/** Copies both languages' traineddata.gz into `<dataDir>/ocr/lang` (once) and returns that directory. */
export async function prepareLanguageDir(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'ocr', 'lang');
  await mkdir(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  for (const lang of OCR_LANGUAGES) {
    const source = join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), MODEL_DIR, `${lang}.traineddata.gz`);
    const target = join(dir, `${lang}.traineddata.gz`);
    const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
    if (to?.size !== from.size) await copyFile(source, target);
  }
  return dir;
}

/** Han characters OCR'd with spaces between them ("原 产地 证 明 书") are joined again. */
export function tidyOcrText(text: string): string {
  return text
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

export class OcrEngine {
  private constructor(private readonly worker: Worker) {}

  static async start(dataDir: string): Promise<OcrEngine> {
    const langPath = await prepareLanguageDir(dataDir);
    const worker = await createWorker([...OCR_LANGUAGES], OEM.LSTM_ONLY, {
      langPath,
      cachePath: langPath,
      cacheMethod: 'none',
      gzip: true,
      // tesseract.js reports progress and errors through these; we keep them quiet.
      logger: () => undefined,
      errorHandler: () => undefined,
    });
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_COLUMN, preserve_interword_spaces: '0' });
    return new OcrEngine(worker);
  }

  async recognize(image: Buffer): Promise<OcrPage> {
    const started = performance.now();
    const { data } = await this.worker.recognize(image, { rotateAuto: true }, { text: true, blocks: true });
    const lines: OcrLine[] = [];
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const line of paragraph.lines) {
          const text = tidyOcrText(line.text);
          if (text) lines.push({ text, confidence: line.confidence });
        }
      }
    }
    return { lines, confidence: data.confidence, ms: performance.now() - started };
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
