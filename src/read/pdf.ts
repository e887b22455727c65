/**
 * PDFs: the text layer when there is one (a PDF the issuing system produced),
 * else the first pages rendered to images for OCR (a scan). pdf.js through
 * unpdf, drawn with @napi-rs/canvas (a prebuilt binary from npm: nothing to compile).
 */
import { extractText, getDocumentProxy, renderPageAsImage } from 'unpdf';

/** Scanned PDFs: only the first pages are read (a certificate's first page names it). */
export const MAX_PDF_PAGES = 3;
/** Fewer letters than this on the text layer means a scan. */
const MIN_TEXT_CHARS = 20;

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

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    const firstPages = text.slice(0, MAX_PDF_PAGES);
    const letters = firstPages.join('').replace(/\s+/g, '').length;
    if (letters >= MIN_TEXT_CHARS) {
      return { pages: totalPages, textLines: firstPages.flatMap((page) => page.split('\n')).map((l) => l.trim()).filter(Boolean) };
    }
    const images: Buffer[] = [];
    for (let page = 1; page <= Math.min(totalPages, MAX_PDF_PAGES); page++) {
      const png = await renderPageAsImage(pdf, page, { canvasImport: () => import('@napi-rs/canvas'), scale: 2 });
      images.push(Buffer.from(png));
    }
    return { pages: totalPages, images };
  } finally {
    await pdf.destroy();
  }
}
