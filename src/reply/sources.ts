/**
 * Which sources a reply shows: at most three, official ones first (HCCH, the
 * depositary, Chinese and SAR government pages, CCPIT), in their given order
 * otherwise. The same rule for FAQ answers and verdict cards.
 */
export const SOURCE_LIMIT = 3;

/** Hosts of official sources: governments, the HCCH, the depositary, CCPIT. */
const OFFICIAL = /https?:\/\/(?:[\w-]+\.)*(?:hcch\.net|gov\.cn|gov\.hk|judiciary\.hk|gov\.mo|io\.gov\.mo|verdragen\.nl|ccpit\.org|fmprc\.gov\.cn|mfa\.gov\.cn)(?:[/:?#]|$)/i;

export function isOfficialSource(source: string): boolean {
  return OFFICIAL.test(source);
}

export function pickSources(sources: readonly string[], limit = SOURCE_LIMIT): string[] {
  const unique = [...new Set(sources)];
  return [...unique.filter(isOfficialSource), ...unique.filter((s) => !isOfficialSource(s))].slice(0, limit);
}
