import { z } from 'zod';
import { perLangSchema } from '../i18n/languages.ts';

const text = z.string().trim().min(1);

/** A source is a public URL or the name of a document; one entry may cite several. */
export const SourceSchema = z.union([text, z.array(text).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

export const FaqEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'use 2–41 characters: lower-case letters, digits and hyphens'),
  category: text,
  questions: perLangSchema(z.array(text).min(3, 'give at least 3 question variants')),
  keywords: z.array(text).default([]),
  answer: perLangSchema(text),
  source: SourceSchema,
  related: z.array(z.string()).default([]),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the date format YYYY-MM-DD'),
});

/**
 * A staff-edited data file (faq.json, countries.json, documents.json): `$schema` says where editors
 * find its JSON Schema (data/schema/), so they underline mistakes while staff type; then format version 1.
 */
export function dataFileSchema<Fields extends z.ZodRawShape>(fields: Fields) {
  return z.object({ $schema: z.string().optional(), version: z.literal(1), ...fields });
}

export const FaqFileSchema = dataFileSchema({
  categories: z.array(text).min(1),
  entries: z.array(FaqEntrySchema).min(1),
});

export type FaqEntry = z.infer<typeof FaqEntrySchema>;
export type FaqFile = z.infer<typeof FaqFileSchema>;
