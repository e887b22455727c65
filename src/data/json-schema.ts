/**
 * JSON Schema files for the staff-edited data files, generated from the zod
 * schemas the bot validates with, so the two cannot drift apart. Each data file
 * names its schema in a top-level "$schema" key; editors (VS Code and others)
 * then underline a missing answer or a wrong field while staff type.
 * `npm run schema` writes them; a test fails when a committed file is out of date.
 */
import { z } from 'zod';
import { CountriesFileSchema, DocumentsFileSchema } from '../catalogue/schema.ts';
import { FaqFileSchema } from '../knowledge/schema.ts';

export const SCHEMA_DIR = 'data/schema';

interface DataSchema {
  /** data/<name>.json is described by data/schema/<name>.schema.json. */
  name: 'faq' | 'countries' | 'documents';
  title: string;
  schema: z.ZodType;
}

export const DATA_SCHEMAS: DataSchema[] = [
  { name: 'faq', title: 'Apostille Helper FAQ (data/faq.json)', schema: FaqFileSchema },
  { name: 'countries', title: 'Apostille Helper countries for /check (data/countries.json)', schema: CountriesFileSchema },
  { name: 'documents', title: 'Apostille Helper document types for /check (data/documents.json)', schema: DocumentsFileSchema },
];

export const schemaPath = (name: DataSchema['name']) => `${SCHEMA_DIR}/${name}.schema.json`;

/** The value of "$schema" in data/<name>.json: relative, so it works in any checkout. */
export const schemaReference = (name: DataSchema['name']) => `./schema/${name}.schema.json`;

/**
 * Draft-07, the version most editors understand. The schema as staff write the file (io "input": defaults make fields optional,
 * a single source string is allowed), pretty-printed as committed.
 */
export function jsonSchemaText({ title, schema }: DataSchema): string {
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-7',
    // zod drops unknown keys without a word, so a misspelt optional field ("keyword") would
    // silently do nothing; in the editor it is underlined instead.
    override: ({ jsonSchema }) => {
      if (jsonSchema.type === 'object' && jsonSchema.properties) jsonSchema.additionalProperties = false;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const document = {
    $schema,
    title,
    description: 'Generated from the zod schemas in src/ by `npm run schema`; do not edit by hand. The full check (duplicates, categories, related ids…) is `npm run faq:validate`.',
    ...rest,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
