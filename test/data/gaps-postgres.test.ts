import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/storage/postgres.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/bot.ts';
import { run, TSX } from '../helpers/process.ts';

let server: TestPostgres;

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('faq:gaps on the PostgreSQL backend (DATABASE_URL)', () => {
  it('reads the unanswered log from the database and groups it as for the file', async () => {
    const url = await server.createDatabase();
    const db = await PostgresStore.open(url);
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 8));
    for (let i = 0; i < 5; i++) await db.recordUnanswered('附加证明书可以加急吗', 'zh', false, at(1 + i));
    for (let i = 0; i < 2; i++) await db.recordUnanswered('can I get an urgent apostille', 'en', false, at(3 + i));
    await db.recordUnanswered('hello there', 'en', false, at(9));
    await db.close();

    // DATA_DIR has no store file: the report can only come from the database.
    const result = await run(TSX, ['src/cli/gaps.ts'], '', { DATABASE_URL: url, DATA_DIR: await tempDir() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 unanswered questions in 2 groups, asked 8 times; largest group first:');
    expect(result.stdout).toContain('1. 7× asked, 2 question(s), 2026-11-01 to 2026-11-05\n   closest entry: processing-time');
    expect(result.stdout).toContain('   - 附加证明书可以加急吗 (5×)\n   - can I get an urgent apostille (2×)');
  });
});
