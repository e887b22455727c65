import { FaqFileSchema, type FaqEntry } from './schema.ts';

export interface KnowledgeBase {
  entries: FaqEntry[];
  byId: Map<string, FaqEntry>;
  categories: string[];
}

/**
 * FAQ JSON → the knowledge base. Checks only the shape (zod); the staff-facing
 * checks with readable reports (duplicates, categories, related ids…) are in
 * src/data/validate.ts, which runs before this whenever files are loaded.
 */
export function parseFaq(json: unknown): KnowledgeBase {
  const { entries, categories } = FaqFileSchema.parse(json);
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), categories };
}
