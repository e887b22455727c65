/**
 * PDFs: the text layer when there is one (a PDF the issuing system produced),
 * else the first pages rendered to images for OCR (a scan). pdf.js through
 * unpdf, drawn with @napi-rs/canvas (a prebuilt binary from npm: nothing to compile).
 */
import { getDocumentProxy, renderPageAsImage } from 'unpdf';
import { MAX_PIXELS, UnreadableFileError } from './probe.ts';

type PDFDocumentProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Scanned PDFs: only the first pages are read (a certificate's first page names it). */
export const MAX_PDF_PAGES = 3;
/** Fewer letters than this on the text layer means a scan. */
const MIN_TEXT_CHARS = 20;
/** Pages are drawn at twice their size in points (an A4 page: 1190 × 1684 px)… */
const RENDER_SCALE = 2;
/** …but never with a side longer than this: a page can declare any size, and OCR gains nothing past it. */
const MAX_RENDER_SIDE = 2400;

// pdf.js 5 calls ArrayBuffer.prototype.transferToFixedLength (Node 21+); on Node 20 a copy does the same job.
const arrayBufferProto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
if (!arrayBufferProto.transferToFixedLength) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    value(this: ArrayBuffer, length?: number) {
      const copy = new ArrayBuffer(length ?? this.byteLength);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(this.byteLength, copy.byteLength)));
      return copy;
    },
  });
}

export interface PdfContent {
  pages: number;
  /** The text layer's lines, when it has text. */
  textLines?: string[];
  /** PNG images of the first pages, when it has no text layer. */
  images?: Buffer[];
}

/**
 * The document, or UnreadableFileError('encrypted') when it opens only with a password.
 * pdf.js skips an embedded image over the pixel cap rather than decode it, and
 * never compiles a font into code (isEvalSupported: the file is a stranger's).
 */
async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    return await getDocumentProxy(new Uint8Array(bytes), { maxImageSize: MAX_PIXELS, isEvalSupported: false });
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') throw new UnreadableFileError('encrypted');
    throw error;
  }
}

/** The scale that draws this page at RENDER_SCALE, or smaller when that would pass MAX_RENDER_SIDE. */
async function renderScale(pdf: PDFDocumentProxy, pageNumber: number): Promise<number> {
  const { width, height } = (await pdf.getPage(pageNumber)).getViewport({ scale: 1 });
  return Math.min(RENDER_SCALE, MAX_RENDER_SIDE / Math.max(width, height, 1));
}

/** A page's text layer, a line break where pdf.js marks one (as unpdf's extractText joins it). */
async function pageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const content = await (await pdf.getPage(pageNumber)).getTextContent();
  return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const pdf = await open(bytes);
  try {
    const totalPages = pdf.numPages;
    // Only the pages that are read are parsed: a PDF of 100,000 pages costs no more than one of three.
    const firstPages: string[] = [];
    for (let page = 1; page <= Math.min(totalPages, MAX_PDF_PAGES); page++) firstPages.push(await pageText(pdf, page));
    const letters = firstPages.join('').replace(/\s+/g, '').length;
    if (letters >= MIN_TEXT_CHARS) {
      return { pages: totalPages, textLines: firstPages.flatMap((page) => page.split('\n')).map((l) => l.trim()).filter(Boolean) };
    }
    const images: Buffer[] = [];
    for (let page = 1; page <= Math.min(totalPages, MAX_PDF_PAGES); page++) {
      const png = await renderPageAsImage(pdf, page, { canvasImport: () => import('@napi-rs/canvas'), scale: await renderScale(pdf, page) });
      images.push(Buffer.from(png));
    }
    return { pages: totalPages, images };
  } finally {
    await pdf.destroy();
  }
}
