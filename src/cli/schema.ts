/**
 * npm run schema — writes data/schema/*.schema.json from the zod schemas.
 * --check: writes nothing, exits 1 when a committed file is out of date.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DATA_SCHEMAS, jsonSchemaText, SCHEMA_DIR, schemaPath } from '../data/json-schema.ts';
import { runCli } from './run.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  let outdated = 0;
  if (!values.check) await mkdir(SCHEMA_DIR, { recursive: true });
  for (const entry of DATA_SCHEMAS) {
    const path = schemaPath(entry.name);
    const text = jsonSchemaText(entry);
    const committed = await readFile(path, 'utf8').catch(() => undefined);
    if (committed === text) continue;
    if (values.check) {
      process.stdout.write(`${path} is out of date: run npm run schema\n`);
      outdated++;
    } else {
      await writeFile(path, text);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
  return outdated ? 1 : 0;
}

runCli(main);
