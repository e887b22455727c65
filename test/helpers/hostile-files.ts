/**
 * Files a stranger might send the bot, made here byte by byte: each one once
 * crashed the bot or took it to gigabytes of memory (issue 20).
 */
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/** Just the 8-byte PNG signature: the native decoder died with SIGSEGV on it. */
export const PNG_SIGNATURE_ONLY = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid PNG header declaring `width` × `height` RGB pixels, with one compressed row
 * of image data: a few hundred bytes that decode to width × height × 4 bytes (20,000 ×
 * 20,000: 1.6 GB). Nothing of that size is allocated here.
 */
export function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter, not interlaced
  const signature = Buffer.from(PNG_SIGNATURE_ONLY);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * A real photo whose frame header claims 9 colour components: its header reads like any
 * JPEG (type, size), but the native decoder crashes on it (SIGSEGV, @napi-rs/canvas 0.1.100).
 */
export function corruptJpeg(): Buffer {
  const jpeg = Buffer.from(readFileSync('test/fixtures/documents/co-korea-photo.jpg'));
  const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg[frame + 9] = 9;
  return jpeg;
}

/** `megabytes` MB of a "PDF" in 64 KB chunks, produced as they are asked for. */
export function* pdfStream(megabytes: number): Generator<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  yield new TextEncoder().encode('%PDF-1.7\n');
  for (let i = 0; i < megabytes * 16; i++) yield chunk;
}
