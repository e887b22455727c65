import { z } from 'zod';
import { perLangSchema } from '../i18n/languages.ts';
import { dataFileSchema } from '../knowledge/schema.ts';

const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the date format YYYY-MM-DD');
const bilingual = perLangSchema(text);
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
  /** "mfa": the Chinese name, and so the country, is on the retrieved part of the MFA's list of contracting states (October 2023). */
  nameZhSource: z.enum(['mfa', 'translation']),
  /** True when sources do not settle the status today (an accession reported but not confirmed): the verdict says so. */
  statusUnconfirmed: z.boolean().default(false),
  caveat: bilingual.optional(),
  source: sources,
});

export const CountriesFileSchema = dataFileSchema({
  asOf: isoDate,
  note: z.string().optional(),
  countries: z.array(CountrySchema).min(1),
});

export const ARTICLE1 = ['administrative', 'judicial', 'notarial_act', 'official_certificate', 'excluded_diplomatic', 'excluded_commercial_customs'] as const;
/** What comes before the apostille. ask_local: the issuing state decides (direct apostille, notary's copy or registry check). */
export const PREPARATION = ['none', 'notarise', 'ccpit', 'notarise_or_ccpit', 'ask_local'] as const;

export const DocumentSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/),
  group: text,
  name: bilingual,
  aliases: z.array(text).default([]),
  article1: z.enum(ARTICLE1),
  preparation: z.object({ fromChina: z.enum(PREPARATION), toChina: z.enum(PREPARATION) }),
  /** The Article 1 category of the foreign document when it differs from the Chinese one. */
  article1ToChina: z.enum(ARTICLE1).optional(),
  /** Issued only in China (CCPIT's own certificates): there is no foreign one to check. */
  onlyFromChina: z.boolean().default(false),
  /** An identity or registry document: what is apostilled is a notary's certificate on a copy. */
  notarisedCopy: z.boolean().default(false),
  caveat: bilingual.optional(),
  /** Shown instead of `caveat` for a foreign document used in China. */
  caveatToChina: bilingual.optional(),
  source: sources,
});

export const DocumentsFileSchema = dataFileSchema({
  groups: z.array(text).min(1),
  documents: z.array(DocumentSchema).min(1),
});

export type Country = z.infer<typeof CountrySchema>;
export type DocumentType = z.infer<typeof DocumentSchema>;
export type Article1 = (typeof ARTICLE1)[number];
export type Preparation = (typeof PREPARATION)[number];
export type CountriesFile = z.infer<typeof CountriesFileSchema>;
export type DocumentsFile = z.infer<typeof DocumentsFileSchema>;
