/**
 * What both fixture generators share: the fonts they draw with (registered once)
 * and a seeded random generator, so every run makes the same files.
 */
import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

export const FONTS = {
  latin: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  latinBold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  serif: '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  serifBold: '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
  cjk: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
};

/** Registers every font under its key; exits with the apt-get line when one is missing (only generation needs them). */
export function registerFonts(): void {
  for (const [name, path] of Object.entries(FONTS)) {
    if (!existsSync(path)) {
      console.error(`Missing font ${path}: run  apt-get install -y fonts-droid-fallback fonts-dejavu-core  (only needed to generate).`);
      process.exit(1);
    }
    GlobalFonts.registerFromPath(path, name);
  }
}

/** mulberry32: a tiny seeded generator. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
