/** Chooses the backend: PostgreSQL when DATABASE_URL is set, else the lowdb file in DATA_DIR. */
import type { Logger } from '../infra/logger.ts';
import { describeDatabaseUrl, PostgresStore } from './postgres.ts';
import { Store } from './store.ts';
import type { Storage } from './types.ts';

export interface StorageConfig {
  storeFile: string;
  databaseUrl?: string;
}

export async function openStorage(config: StorageConfig, logger: Logger): Promise<Storage> {
  if (!config.databaseUrl) {
    const store = await Store.open(config.storeFile);
    store.onWriteError = (error) => logger.error({ err: (error as Error).message }, 'store write failed; retrying');
    for (const warning of store.warnings) logger.warn(warning, 'store recovered');
    return store;
  }
  const where = describeDatabaseUrl(config.databaseUrl);
  const store = await PostgresStore.open(config.databaseUrl, {
    onConnectionError: (error) => logger.warn({ database: where, err: (error as Error).message }, 'database connection lost; reconnecting on the next query'),
  });
  for (const name of store.migrations.applied) logger.info({ database: where, migration: name }, 'database migrated');
  for (const warning of store.warnings) logger.warn({ database: where, ...warning }, 'database');
  return store;
}
