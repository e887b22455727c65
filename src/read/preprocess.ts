/**
 * A phone photo of a page → a flat grey page for OCR. A photo's light is uneven (a
 * lamp on one side, the shadow of the phone and hand over part of the page), and
 * tesseract binarises with one threshold: the text in the shadow is lost, or the
 * shadow itself is read as marks. So the paper's own brightness is estimated across
 * the photo (the brightest pixels of each block: paper, not ink) and divided out,
 * leaving dark ink on even white. Pure arithmetic on pixels, no decoding here.
 */

/** Side of the square blocks the background is estimated on, px: larger than a character, smaller than a shadow's edge. */
const BLOCK = 24;
/** A block with less white than this, or more dark, is not printed paper (measured on photos of forms, certificates and letters). */
const MIN_WHITE = 0.4;
const MAX_DARK = 0.6;

/** Grey levels (0–255) of an RGBA image. */
export function toGrey(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const grey = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = (rgba[p]! * 77 + rgba[p + 1]! * 150 + rgba[p + 2]! * 29) >> 8;
  return grey;
}

/** The paper's brightness per block: a high percentile, so ink and noise do not count. */
function blockBackground(grey: Uint8Array, width: number, height: number): { map: Float32Array; cols: number; rows: number } {
  const cols = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const map = new Float32Array(cols * rows);
  const histogram = new Uint32Array(256);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      histogram.fill(0);
      let n = 0;
      for (let y = by * BLOCK; y < Math.min(height, (by + 1) * BLOCK); y++) {
        for (let x = bx * BLOCK; x < Math.min(width, (bx + 1) * BLOCK); x++) {
          histogram[grey[y * width + x]!]!++;
          n++;
        }
      }
      // The 90th percentile: a block half covered by ink still shows its paper.
      let seen = 0;
      let level = 255;
      for (; level > 0; level--) {
        seen += histogram[level]!;
        if (seen >= n * 0.1) break;
      }
      map[by * cols + bx] = level;
    }
  }
  return { map: smooth(map, cols, rows), cols, rows };
}

/** The mean of each block and its neighbours: one block's odd estimate (a bold title, a stamp) is evened out. */
function smooth(map: Float32Array, cols: number, rows: number): Float32Array {
  const at = (x: number, y: number) => map[Math.min(rows - 1, Math.max(0, y)) * cols + Math.min(cols - 1, Math.max(0, x))]!;
  const mean = new Float32Array(map.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += at(x + dx, y + dy);
      mean[y * cols + x] = sum / 9;
    }
  }
  return mean;
}

/**
 * Divides each pixel by the paper's brightness around it (bilinear between block
 * centres), then stretches: paper goes to white, ink stays dark, in light and in shadow.
 */
export function flattenLight(grey: Uint8Array, width: number, height: number): Uint8Array {
  const { map, cols, rows } = blockBackground(grey, width, height);
  const out = new Uint8Array(grey.length);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(rows - 1, Math.max(0, (y - BLOCK / 2) / BLOCK));
    const y0 = Math.floor(fy);
    const y1 = Math.min(rows - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(cols - 1, Math.max(0, (x - BLOCK / 2) / BLOCK));
      const x0 = Math.floor(fx);
      const x1 = Math.min(cols - 1, x0 + 1);
      const wx = fx - x0;
      const background = (map[y0 * cols + x0]! * (1 - wx) + map[y0 * cols + x1]! * wx) * (1 - wy) + (map[y1 * cols + x0]! * (1 - wx) + map[y1 * cols + x1]! * wx) * wy;
      const ratio = grey[y * width + x]! / Math.max(background, 24);
      // Ratios above 0.92 are paper; the rest is stretched over the grey scale.
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(((ratio - 0.25) / 0.67) * 255)));
    }
  }
  return out;
}

/**
 * What surrounds the page becomes white: the table round it (wood grain, cloth) and the
 * dark band at the paper's edge are read by OCR as rows of false letters, and cost it
 * time. A block is "not paper" when it has little white (a table's texture is mostly
 * mid-grey) or much dark (the edge's band); only such blocks reached from the photo's
 * border are blanked, so a bold title or a stamp inside the page is never touched.
 */
export function blankSurroundings(flat: Uint8Array, width: number, height: number): Uint8Array {
  const cols = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const notPaper = new Uint8Array(cols * rows);
  for (let by = 0; by < rows; by++) for (let bx = 0; bx < cols; bx++) notPaper[by * cols + bx] = isNotPaper(flat, width, height, bx * BLOCK, by * BLOCK) ? 1 : 0;
  const reached = new Uint8Array(cols * rows);
  const queue: number[] = [];
  const visit = (bx: number, by: number) => {
    const i = by * cols + bx;
    if (bx < 0 || by < 0 || bx >= cols || by >= rows || reached[i] || !notPaper[i]) return;
    reached[i] = 1;
    queue.push(i);
  };
  for (let bx = 0; bx < cols; bx++) visit(bx, 0), visit(bx, rows - 1);
  for (let by = 0; by < rows; by++) visit(0, by), visit(cols - 1, by);
  while (queue.length) {
    const i = queue.pop()!;
    const bx = i % cols;
    const by = (i - bx) / cols;
    visit(bx + 1, by), visit(bx - 1, by), visit(bx, by + 1), visit(bx, by - 1);
    const left = bx * BLOCK;
    for (let y = by * BLOCK; y < Math.min(height, (by + 1) * BLOCK); y++) flat.fill(255, y * width + left, y * width + Math.min(width, left + BLOCK));
  }
  return flat;
}

function isNotPaper(flat: Uint8Array, width: number, height: number, left: number, top: number): boolean {
  let white = 0;
  let dark = 0;
  let n = 0;
  for (let y = top; y < Math.min(height, top + BLOCK); y++) {
    for (let x = left; x < Math.min(width, left + BLOCK); x++) {
      const v = flat[y * width + x]!;
      if (v < 60) dark++;
      else if (v >= 225) white++;
      n++;
    }
  }
  return white < n * MIN_WHITE || dark > n * MAX_DARK;
}

/** Grey levels back into RGBA (opaque), for encoding. */
export function greyToRgba(grey: Uint8Array, rgba: Uint8ClampedArray): void {
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
    rgba[p] = rgba[p + 1] = rgba[p + 2] = grey[i]!;
    rgba[p + 3] = 255;
  }
}
