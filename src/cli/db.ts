/**
 * Database chores for the PostgreSQL backend (DATABASE_URL):
 *   npm run db:migrate            apply pending migrations (the bot also does it at start)
 *   npm run db:export [-- --force] copy DATA_DIR/store.json into PostgreSQL
 *   npm run db:import [-- --force] copy PostgreSQL back into DATA_DIR/store.json
 * Both copies replace what is at the target; without --force they refuse a target that has data.
 */
import { ConfigError, createConfig, loadDotEnv } from '../infra/config.ts';
import { describeDatabaseUrl, PostgresStore } from '../storage/postgres.ts';
import { Store } from '../storage/store.ts';

const USAGE = 'usage: db.ts migrate | export [--force] | import [--force]';

function summary(data: { users: object; unanswered: object; votes: object; days: object; entries: object }): string {
  const n = (o: object) => Object.keys(o).length;
  return `${n(data.users)} language choices, ${n(data.unanswered)} unanswered questions, ${n(data.votes)} votes, ${n(data.entries)} entry counters, ${n(data.days)} days`;
}

async function main(args: string[]): Promise<number> {
  loadDotEnv();
  const config = createConfig(process.env);
  const [command, ...flags] = args;
  const force = flags.includes('--force');
  if (!command || !['migrate', 'export', 'import'].includes(command) || flags.some((f) => f !== '--force')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!config.databaseUrl) {
    process.stderr.write('DATABASE_URL is not set: these commands need PostgreSQL (postgres://user:password@host:5432/database).\n');
    return 2;
  }
  const where = describeDatabaseUrl(config.databaseUrl);
  const db = await PostgresStore.open(config.databaseUrl, { poolSize: 2 });
  try {
    if (command === 'migrate') {
      const { applied } = db.migrations;
      process.stdout.write(applied.length ? `${where}: applied ${applied.join(', ')}\n` : `${where}: already up to date\n`);
      return 0;
    }
    const file = await Store.open(config.storeFile);
    for (const warning of file.warnings) process.stderr.write(`${config.storeFile}: ${warning.message}\n`);
    if (command === 'export') {
      if (!force && !(await db.isEmpty())) {
        process.stderr.write(`${where} already has data; run again with --force to replace it with ${config.storeFile}.\n`);
        return 1;
      }
      const data = file.snapshot();
      await db.replaceAll(data, data.voteSalt!);
      process.stdout.write(`copied ${config.storeFile} into ${where}: ${summary(data)}\n`);
      return 0;
    }
    const current = file.snapshot();
    const fileHasData = [current.users, current.unanswered, current.votes, current.days, current.entries].some((o) => Object.keys(o).length > 0);
    if (!force && fileHasData) {
      process.stderr.write(`${config.storeFile} already has data; run again with --force to replace it with ${where}.\n`);
      return 1;
    }
    const data = await db.snapshot();
    await file.replace(data);
    process.stdout.write(`copied ${where} into ${config.storeFile}: ${summary(data)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? '' : 'db: '}${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
