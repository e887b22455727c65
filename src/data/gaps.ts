/**
 * What staff should write next: the unanswered log grouped by similarity.
 * Questions are read with the search's own analyser (so 附加证明书 and
 * "apostille" are one term), compared by IDF-weighted overlap (Dice), and grouped
 * greedily in a fixed order, so the same log always gives the same groups.
 * No grammY and no storage backend here: callers pass the log's items.
 */
import { createHash } from 'node:crypto';
import type { Translate } from '../i18n/index.ts';
import { analyze } from '../knowledge/analyze.ts';
import type { FaqEntry } from '../knowledge/schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { quoteUserText } from '../format/html.ts';
import type { UnansweredQuestion } from '../storage/types.ts';

/** Anything that lists the unanswered questions: the lowdb store, a database, a file. */
export interface UnansweredLog {
  unanswered(): UnansweredQuestion[] | Promise<UnansweredQuestion[]>;
}

/** Two questions whose weighted terms overlap this much (0–1) are asked about one thing. */
export const GROUP_SIMILARITY = 0.5;
/** Below this coverage an entry is no "closest entry" (small talk shares a word or two with anything). */
const CLOSEST_MIN_SCORE = 0.2;

export interface GapGroup {
  /** The most asked question of the group: what the group is about. */
  lead: string;
  /** Every logged question of the group, most asked first. */
  questions: UnansweredQuestion[];
  /** Times asked, over all its questions. */
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** The existing entry the search finds closest for the lead question, if any. */
  closest?: { entry: FaqEntry; score: number };
}

function termsOf(text: string, knowledge: Knowledge): Set<string> {
  return new Set(analyze(text, knowledge.index.lexicon).map((t) => t.term));
}

/** Most asked first; ties by most recent, then by text, so the order never depends on the input's. */
function byImportance(a: UnansweredQuestion, b: UnansweredQuestion): number {
  return b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.text.localeCompare(b.text);
}

export function groupUnanswered(items: UnansweredQuestion[], knowledge: Knowledge, similarity = GROUP_SIMILARITY): GapGroup[] {
  const sorted = [...items].sort(byImportance);
  const terms = sorted.map((item) => termsOf(item.text, knowledge));
  // Rare terms say more than ones in every question (#apostille is in most of them).
  const frequency = new Map<string, number>();
  for (const set of terms) for (const term of set) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const weight = (term: string) => Math.log(1 + sorted.length / (frequency.get(term) ?? 1));
  // Dice over weighted terms: the share of both questions' weight that they have in common.
  const overlap = (a: Set<string>, b: Set<string>) => {
    let shared = 0;
    let all = 0;
    for (const term of a) all += weight(term);
    for (const term of b) {
      all += weight(term);
      if (a.has(term)) shared += 2 * weight(term);
    }
    return all ? shared / all : 0;
  };

  const groups: { leadTerms: Set<string>; members: number[] }[] = [];
  sorted.forEach((_item, i) => {
    const own = terms[i]!;
    let best: { group: (typeof groups)[number]; score: number } | undefined;
    for (const group of groups) {
      const score = overlap(own, group.leadTerms);
      if (score >= similarity && (!best || score > best.score)) best = { group, score };
    }
    if (best) best.group.members.push(i);
    else groups.push({ leadTerms: own, members: [i] });
  });

  return groups
    .map(({ members }) => {
      const questions = members.map((i) => sorted[i]!);
      const lead = questions[0]!.text;
      const best = knowledge.index.search(lead).candidates[0];
      return {
        lead,
        questions,
        count: questions.reduce((n, q) => n + q.count, 0),
        firstSeen: questions.map((q) => q.firstSeen).sort()[0]!,
        lastSeen: questions.map((q) => q.lastSeen).sort().at(-1)!,
        closest: best && best.score >= CLOSEST_MIN_SCORE ? { entry: best.entry, score: best.score } : undefined,
      };
    })
    .sort((a, b) => b.count - a.count || b.questions.length - a.questions.length || b.lastSeen.localeCompare(a.lastSeen) || a.lead.localeCompare(b.lead));
}

/** A placeholder staff must replace; faq:validate rejects an entry while it is there. */
export const TODO_SOURCE = 'TODO source: a public URL or document name for every fact';

/** An id for a new entry: the lead's English words, or a short hash of a Chinese lead. */
function draftId(lead: string, taken: Set<string>): string {
  const words = lead.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const slug = words.join('-').slice(0, 30).replace(/-+$/, '');
  const base = slug.length >= 8 ? `new-${slug}` : `new-${createHash('sha256').update(lead).digest('hex').slice(0, 8)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** One skeleton FAQ entry per group: the group's questions as variants, everything else to fill in. */
export function draftEntries(groups: GapGroup[], existing: FaqEntry[], categories: string[], today: string): Record<string, unknown>[] {
  const taken = new Set(existing.map((e) => e.id));
  return groups.map((group) => {
    const variants = (lang: 'zh' | 'en') => [...new Set(group.questions.filter((q) => q.lang === lang).map((q) => q.text.trim()))];
    return {
      id: draftId(group.lead, taken),
      category: group.closest?.entry.category ?? categories[0] ?? '',
      questions: { zh: variants('zh'), en: variants('en') },
      keywords: [],
      answer: { zh: '', en: '' },
      source: TODO_SOURCE,
      related: group.closest ? [group.closest.entry.id] : [],
      updated: today,
    };
  });
}

/** An entry in the FAQ file's own layout: one field a line, short lists inline. */
function formatEntry(entry: Record<string, unknown>): string {
  const field = (key: string, value: unknown, indent: string): string => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = Object.entries(value).map(([k, v]) => field(k, v, `${indent}  `));
      return `${indent}${JSON.stringify(key)}: {\n${inner.join(',\n')}\n${indent}}`;
    }
    return `${indent}${JSON.stringify(key)}: ${JSON.stringify(value).replace(/","/g, '", "')}`;
  };
  return `    {\n${Object.entries(entry).map(([k, v]) => field(k, v, '      ')).join(',\n')}\n    }`;
}

/**
 * The FAQ file with the skeleton entries appended to its entries, so the draft is
 * checked whole (`faq:validate -- draft.json`) and replaces data/faq.json when done.
 */
export function draftFaqText(faqText: string, entries: Record<string, unknown>[]): string {
  if (!entries.length) return faqText;
  const end = /\n\s*\]\s*\}\s*$/.exec(faqText);
  if (end) return `${faqText.slice(0, end.index)},\n${entries.map(formatEntry).join(',\n')}${faqText.slice(end.index)}`;
  const data = JSON.parse(faqText) as { entries: unknown[] };
  return `${JSON.stringify({ ...data, entries: [...data.entries, ...entries] }, null, 2)}\n`;
}

export interface GapsFormat {
  /** Language of the closest entry's title (the report's language). */
  lang: 'zh' | 'en';
  /** Show at most this many groups and questions per group (the rest is counted). */
  maxGroups?: number;
  maxQuestions?: number;
}

/**
 * The groups as lines of HTML (the translator escapes every value): the same report in
 * Telegram (/unanswered) and, through htmlToPlain, on the command line (faq:gaps).
 */
export function formatGaps(groups: GapGroup[], t: Translate, format: GapsFormat): string {
  if (!groups.length) return t('gaps.none');
  const { lang, maxGroups = Infinity, maxQuestions = Infinity } = format;
  const questions = groups.reduce((n, g) => n + g.questions.length, 0);
  const asked = groups.reduce((n, g) => n + g.count, 0);
  const lines = [t('gaps.title', { groups: groups.length, questions, asked })];
  groups.slice(0, maxGroups).forEach((group, i) => {
    lines.push(
      '',
      t('gaps.group', { n: i + 1, count: group.count, questions: group.questions.length, first: group.firstSeen.slice(0, 10), last: group.lastSeen.slice(0, 10) }),
      group.closest
        ? t('gaps.closest', { id: group.closest.entry.id, title: group.closest.entry.questions[lang][0] ?? '', score: Math.round(group.closest.score * 100) })
        : t('gaps.no_closest'),
    );
    for (const q of group.questions.slice(0, maxQuestions)) lines.push(t('gaps.question', { text: quoteUserText(q.text, 120), count: q.count, low: q.lowConfidence ? t('gaps.low_confidence') : '' }));
    if (group.questions.length > maxQuestions) lines.push(t('gaps.more_questions', { count: group.questions.length - maxQuestions }));
  });
  if (groups.length > maxGroups) lines.push('', t('gaps.more_groups', { count: groups.length - maxGroups }));
  return lines.join('\n');
}
