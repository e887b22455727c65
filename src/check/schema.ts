import { z } from 'zod';

const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the date format YYYY-MM-DD');
const bilingual = z.object({ en: text, zh: text });
const sources = z.array(text).min(1, 'give at least one source');

export const CountrySchema = z.object({
  code: z.string().regex(/^[A-Z]{2}$/, 'use the ISO 3166-1 alpha-2 code'),
  name: bilingual,
  officialName: text,
  aliases: z.array(text).default([]),
  /** party: a Contracting Party; special_region: Hong Kong or Macao; non_party; unverified: no source states it. */
  status: z.enum(['party', 'special_region', 'non_party', 'unverified']),
  entryIntoForce: isoDate.nullable(),
  chinaRelation: z.enum(['in_force', 'objection', 'not_recognised', 'special_route', 'not_party', 'unknown']),
  inForceWithChinaFrom: isoDate.nullable(),
  dateSourceQuality: z.enum(['official', 'third_party', 'missing']),
  notes: z.string().default(''),
  nameZhSource: z.enum(['mfa', 'translation']),
  caveat: bilingual.optional(),
  source: sources,
});

export const CountriesFileSchema = z.object({
  /** Where editors find the JSON Schema (data/schema/). */
  $schema: z.string().optional(),
  version: z.literal(1),
  asOf: isoDate,
  note: z.string().optional(),
  countries: z.array(CountrySchema).min(1),
});

export const ARTICLE1 = ['administrative', 'judicial', 'notarial_act', 'official_certificate', 'excluded_diplomatic', 'excluded_commercial_customs'] as const;
export const PREPARATION = ['none', 'notarise', 'ccpit', 'notarise_or_ccpit'] as const;

export const DocumentSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/),
  group: text,
  name: bilingual,
  aliases: z.array(text).default([]),
  article1: z.enum(ARTICLE1),
  preparation: z.object({ fromChina: z.enum(PREPARATION), toChina: z.enum(PREPARATION) }),
  caveat: bilingual.optional(),
  source: sources,
});

export const DocumentsFileSchema = z.object({
  /** Where editors find the JSON Schema (data/schema/). */
  $schema: z.string().optional(),
  version: z.literal(1),
  groups: z.array(text).min(1),
  documents: z.array(DocumentSchema).min(1),
});

export type Country = z.infer<typeof CountrySchema>;
export type DocumentType = z.infer<typeof DocumentSchema>;
export type Article1 = (typeof ARTICLE1)[number];
export type Preparation = (typeof PREPARATION)[number];
