/**
 * Which sources a reader sees under an answer or a verdict card. One rule for
 * FAQ answers and /check alike: official sources first (HCCH, the depositary,
 * the Chinese MFA and foreign affairs offices, CCPIT, government and court sites),
 * then faithful copies of official pages and official documents cited by name
 * without a link, then secondary ones, marked as such; at
 * most `limit`, in their given order within each rank (callers list the most
 * relevant first). Code repositories and raw data files are never shown: they
 * stay in the data and in --json, not on the card.
 */

import { escapeHtml, renderSource } from './html.ts';

export type SourceRank = 'official' | 'official_copy' | 'secondary' | 'hidden';

export interface PickedSource {
  /** The source as written in the data (a URL, or a label with a URL). */
  source: string;
  rank: Exclude<SourceRank, 'hidden'>;
}

/** Hosts (and their subdomains) of official publishers. */
const OFFICIAL_HOSTS = [
  'hcch.net',
  'mfa.gov.cn',
  'fmprc.gov.cn',
  'ccpit.org',
  'yzccpit.cn',
  'judiciary.hk',
  'bo.io.gov.mo',
  'overheid.nl',
  'verdragen.nl',
  'taiwan.cn',
  'mfa.gov.ir',
];
/** Government domains: gov.cn, .gov, gov.uk, gouv.fr, … */
const GOVERNMENT = /(^|\.)(gov|gouv|gob|govt|government)(\.[a-z]{2,3})?$|\.gov\.[a-z]{2}$|(^|\.)admin\.ch$|(^|\.)europa\.eu$/;
const HIDDEN_HOSTS = ['raw.githubusercontent.com', 'github.com', 'gist.github.com'];

function hostOf(source: string): string | undefined {
  const url = /https?:\/\/[^\s)]+/i.exec(source)?.[0];
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * A source with no link that names an official publisher's document, e.g.
 * "Embassy of the PRC in France notice of 25 Oct 2023 on the Apostille Convention"
 * or "Tractatenblad 2012 Nr. 56 (Dutch depositary treaty series)".
 */
const OFFICIAL_NAMED = /^(HCCH|MFA|CCPIT|Ministry of|Embassy of the PRC|Consulate[- ]General of the PRC|Tractatenblad)\b/;

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export function rankSource(source: string): SourceRank {
  const host = hostOf(source);
  if (!host) return OFFICIAL_NAMED.test(source.trim()) ? 'official_copy' : 'secondary';
  if (HIDDEN_HOSTS.some((h) => within(host, h))) return 'hidden';
  if (OFFICIAL_HOSTS.some((h) => within(host, h)) || GOVERNMENT.test(host)) return 'official';
  // "MFA apostille application page (copy of cs.mfa.gov.cn): http://…": the text of an official page, kept elsewhere.
  if (/\bcopy of [a-z0-9.-]*(gov|hcch|ccpit)/i.test(source)) return 'official_copy';
  return 'secondary';
}

const ORDER: Record<PickedSource['rank'], number> = { official: 0, official_copy: 1, secondary: 2 };

/** The sources to show, best first, without duplicates, at most `limit`. */
export function pickSources(sources: readonly string[], limit = 3): PickedSource[] {
  const seen = new Set<string>();
  const picked: PickedSource[] = [];
  for (const source of sources) {
    const key = source.trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const rank = rankSource(key);
    if (rank !== 'hidden') picked.push({ source: key, rank });
  }
  // A stable sort keeps the caller's relevance order within a rank.
  return picked.sort((a, b) => ORDER[a.rank] - ORDER[b.rank]).slice(0, limit);
}

/** The picked sources as HTML list lines; secondary ones carry `secondaryLabel` (e.g. "secondary source"). */
export function renderSourceLines(sources: readonly string[], secondaryLabel: string, limit = 3): string[] {
  return pickSources(sources, limit).map(({ source, rank }) => `• ${renderSource(source)}${rank === 'secondary' ? ` <i>(${escapeHtml(secondaryLabel)})</i>` : ''}`);
}
