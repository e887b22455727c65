/**
 * What an uploaded file is, from its header alone: the type and, for an image,
 * its width and height. Nothing is decoded here. The reader calls this before
 * it hands a file to the decoder: a header that does not parse is damaged, and an image
 * over the pixel cap is refused. A 20,000 × 20,000 PNG is a few hundred bytes on disk
 * but 1.6 GB of pixels once decoded. A PDF's pages are counted by pdf.js in the
 * reading process, which also keeps each page's image under the same cap (pdf.ts).
 */
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'webp';

/** What the Bot API lets a bot download (getFile); larger files are refused while downloading. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Larger than any phone photo (a 48 MP camera saves 12 MP by default); decoded, 160 MB of RGBA. */
export const MAX_PIXELS = 40_000_000;

export type UnreadableReason = 'unsupported' | 'damaged' | 'encrypted' | 'too_big' | 'too_many_pixels';

/** A file refused for what it is, not for a fault of the reader: each reason has its own reply. */
export class UnreadableFileError extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(reason);
  }
}

export type FileHeader = { kind: 'pdf' } | { kind: Exclude<FileKind, 'pdf'>; width: number; height: number };

/** What the bytes are, by their first bytes (a file name or MIME type can lie). */
export function sniffKind(bytes: Uint8Array): FileKind | undefined {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'webp';
  return undefined;
}

/** The file's header, or throws UnreadableFileError: too big, of another kind, damaged, or too many pixels. */
export function probeFile(bytes: Uint8Array): FileHeader {
  if (bytes.length > MAX_FILE_BYTES) throw new UnreadableFileError('too_big');
  const kind = sniffKind(bytes);
  if (!kind) throw new UnreadableFileError('unsupported');
  if (kind === 'pdf') return { kind };
  const size = kind === 'png' ? pngSize(bytes) : kind === 'jpeg' ? jpegSize(bytes) : webpSize(bytes);
  if (!size || !size.width || !size.height) throw new UnreadableFileError('damaged');
  if (size.width * size.height > MAX_PIXELS) throw new UnreadableFileError('too_many_pixels');
  return { kind, ...size };
}

interface Size {
  width: number;
  height: number;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

/** IHDR first (its width and height), then at least one IDAT chunk: a PNG without image data is damaged. */
function pngSize(bytes: Uint8Array): Size | undefined {
  const data = view(bytes);
  if (bytes.length < 33 || ascii(bytes, 12, 4) !== 'IHDR') return undefined;
  for (let at = 8; at + 8 <= bytes.length; at += 12 + data.getUint32(at)) {
    if (ascii(bytes, at + 4, 4) === 'IDAT') return { width: data.getUint32(16), height: data.getUint32(20) };
  }
  return undefined;
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the size. */
const JPEG_FRAME = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** Markers without a length field. */
const JPEG_STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8]);

/** The segments up to the first scan: a frame header (the size) must come before it. */
function jpegSize(bytes: Uint8Array): Size | undefined {
  const data = view(bytes);
  let size: Size | undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff || JPEG_STANDALONE.has(marker)) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    if (marker === 0xda) return size;
    if (marker === 0xd9) return undefined;
    const length = data.getUint16(at + 2);
    if (length < 2) return undefined;
    if (JPEG_FRAME.has(marker) && at + 9 <= bytes.length) size = { height: data.getUint16(at + 5), width: data.getUint16(at + 7) };
    at += 2 + length;
  }
  return undefined;
}

/** The first chunk says it: VP8 (lossy), VP8L (lossless) or VP8X (extended, the canvas size). */
function webpSize(bytes: Uint8Array): Size | undefined {
  if (bytes.length < 30) return undefined;
  const data = view(bytes);
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    return { width: data.getUint16(26, true) & 0x3fff, height: data.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes[20] === 0x2f) {
    const bits = data.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  return undefined;
}
