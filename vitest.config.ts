import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that start processes, servers, PostgreSQL or the OCR engine: each keeps a
 * fresh worker of its own (isolated), as before. Everything else runs in-process
 * and shares its worker's module cache (isolate: false), which halves the suite's
 * unit-test CPU time (imports of grammY, i18n, zod and the data once per worker,
 * not once per file). A test file there must not depend on fresh module state.
 */
const PROCESS_TESTS = [
  'test/e2e/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/read/{bot,cli,fixtures,photos,reader,untrusted-files}.test.ts',
  'test/storage/{contract,support-contract}.test.ts',
  'test/data/{gaps,gaps-postgres,schema,validate}.test.ts',
  'test/reliability/{reload,secrets,startup,bad-edits}.test.ts',
  'test/bot/runtime.test.ts',
];

/**
 * The longest files first (measured on 2 cores), so that none of them starts last and
 * runs alone at the end. Vitest orders by its own cache of durations, but a fresh clone
 * has none and would order by file size. Files not listed keep Vitest's order, after these.
 */
const SLOWEST_FIRST = [
  'test/read/fixtures.test.ts',
  'test/e2e/db-pause.test.ts',
  'test/read/photos.test.ts',
  'test/e2e/replicas.test.ts',
  'test/e2e/support.test.ts',
  'test/read/cli.test.ts',
  'test/storage/contract.test.ts',
  'test/read/bot.test.ts',
  'test/e2e/faults.test.ts',
  'test/read/untrusted-files.test.ts',
  'test/reliability/startup.test.ts',
  'test/e2e/emulator.test.ts',
  'test/cli/ask.test.ts',
  'test/cli/console.test.ts',
  'test/reliability/reload.test.ts',
  'test/cli/check.test.ts',
  'test/reliability/secrets.test.ts',
  'test/data/gaps-postgres.test.ts',
  'test/data/gaps.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(relative(process.cwd(), spec.moduleId).replaceAll('\\', '/'));
      return index < 0 ? SLOWEST_FIRST.length : index;
    };
    return sorted.map((spec, i) => ({ spec, i, rank: rank(spec) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores, three workers: several process files mostly wait (a database frozen for 25 s, long polls,
    // reloads), so a third worker fills the idle time (whole suite on the 2-core machine: 184 s → 145 s).
    maxWorkers: 3,
    sequence: { sequencer: SlowestFirst },
    projects: [
      { extends: true, test: { name: 'process', include: PROCESS_TESTS } },
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: PROCESS_TESTS, isolate: false } },
    ],
  },
});
