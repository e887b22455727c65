/**
 * Versioned migrations for the PostgreSQL backend: migrations/NNNN_name.sql, applied
 * in order, each recorded in schema_migrations. All in one transaction under an
 * advisory lock, so replicas starting together apply each migration exactly once.
 */
import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);
/** Arbitrary, fixed: the advisory lock all replicas take while migrating. */
const MIGRATION_LOCK = 7_212_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(files.map(async (file) => ({ version: Number(file.slice(0, 4)), name: file.replace(/\.sql$/, ''), sql: await readFile(new URL(file, dir), 'utf8') })));
}

export interface MigrationResult {
  applied: string[];
  /** Versions in the database this code does not know (a newer release migrated it). */
  unknown: number[];
}

export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<MigrationResult> {
  const all = migrations ?? (await loadMigrations());
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const migration of all) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.name);
    }
    await client.query('COMMIT');
    const known = new Set(all.map((m) => m.version));
    return { applied, unknown: [...done].filter((v) => !known.has(v)) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
