// Chinese script handling: Traditional ↔ Simplified (OpenCC) and script detection.
import * as OpenCC from 'opencc-js';

const toSimplifiedConverter = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditionalConverter = OpenCC.Converter({ from: 'cn', to: 'tw' });

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function toSimplified(text: string): string {
  return hasHan(text) ? toSimplifiedConverter(text) : text;
}

export function toTraditional(text: string): string {
  return hasHan(text) ? toTraditionalConverter(text) : text;
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
  const traditionalOnly = countChangedChars(text, toSimplifiedConverter(text));
  if (traditionalOnly === 0) return false;
  const simplifiedOnly = countChangedChars(text, toTraditionalConverter(text));
  return traditionalOnly > simplifiedOnly;
}
