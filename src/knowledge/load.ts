import { readFile } from 'node:fs/promises';
import { FaqFileSchema, type FaqEntry } from './schema.ts';

export interface KnowledgeBase {
  entries: FaqEntry[];
  byId: Map<string, FaqEntry>;
  categories: string[];
}

export class FaqLoadError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(`${message}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and checks FAQ data; throws FaqLoadError naming every problem found. */
export function parseFaq(json: unknown): KnowledgeBase {
  const parsed = FaqFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new FaqLoadError(
      'The FAQ data is not valid:',
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`),
    );
  }
  const { entries, categories } = parsed.data;
  const problems: string[] = [];
  const byId = new Map<string, FaqEntry>();
  for (const entry of entries) {
    if (byId.has(entry.id)) problems.push(`entry "${entry.id}": the id is used twice`);
    byId.set(entry.id, entry);
    if (!categories.includes(entry.category)) problems.push(`entry "${entry.id}": unknown category "${entry.category}"`);
  }
  for (const entry of entries) {
    for (const related of entry.related) {
      if (!byId.has(related)) problems.push(`entry "${entry.id}": related id "${related}" does not exist`);
    }
  }
  if (problems.length) throw new FaqLoadError('The FAQ data is not valid:', problems);
  return { entries, byId, categories };
}

export async function loadFaqFile(path: string): Promise<KnowledgeBase> {
  const raw = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new FaqLoadError(`${path} is not valid JSON:`, [(error as Error).message]);
  }
  return parseFaq(json);
}
