// Chinese script handling: Traditional ↔ Simplified (OpenCC) and script detection.
import { createRequire } from 'node:module';
import * as TraditionalToSimplified from 'opencc-js/t2cn';

type Convert = (text: string) => string;

// Traditional → Simplified needs only OpenCC's small t→s tables (~4 MB), used for every
// Chinese text we read. Simplified → Traditional needs its large phrase tables (~70 MB
// resident): built on first use, i.e. when Traditional text first appears (a reader's
// question or a reply to a zh-Hant user), so a bot that never sees any does not carry them.
let toSimplifiedConverter: Convert | undefined;
let toTraditionalConverter: Convert | undefined;

function simplifiedConverter(): Convert {
  return (toSimplifiedConverter ??= TraditionalToSimplified.Converter({ from: 't', to: 'cn' }));
}

function traditionalConverter(): Convert {
  if (!toTraditionalConverter) {
    // Loaded synchronously on demand: callers (i18n, renderers) are synchronous.
    const simplifiedToTraditional = createRequire(import.meta.url)('opencc-js/cn2t') as { Converter: (options: { from: string; to: string }) => Convert };
    toTraditionalConverter = simplifiedToTraditional.Converter({ from: 'cn', to: 'tw' });
  }
  return toTraditionalConverter;
}

/** Whether the Simplified → Traditional tables are loaded (the start-up memory test looks). */
export function traditionalTablesLoaded(): boolean {
  return toTraditionalConverter !== undefined;
}

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function toSimplified(text: string): string {
  return hasHan(text) ? simplifiedConverter()(text) : text;
}

export function toTraditional(text: string): string {
  return hasHan(text) ? traditionalConverter()(text) : text;
}

function countChangedChars(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  if (left.length !== right.length) return Math.abs(left.length - right.length);
  let changed = 0;
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) changed++;
  return changed;
}

/**
 * True when the text is written in Traditional characters. A character that only
 * exists in Traditional changes under t→s; a Simplified one changes under s→t. We
 * compare the two counts instead of testing one, because a few characters are
 * shared forms that either converter may touch.
 */
export function isTraditional(text: string): boolean {
  if (!hasHan(text)) return false;
  const traditionalOnly = countChangedChars(text, simplifiedConverter()(text));
  // Nothing Traditional-only: plain Simplified text never loads the large tables.
  if (traditionalOnly === 0) return false;
  const simplifiedOnly = countChangedChars(text, traditionalConverter()(text));
  return traditionalOnly > simplifiedOnly;
}
