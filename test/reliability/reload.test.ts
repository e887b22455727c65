/**
 * Issue 11, problem 7: one save, one reload (before, the directory watch and the 1 s
 * poll both reloaded, so each bad save reached the admins twice), and reports in plain
 * text where plain text is shown (before, the log carried &quot;).
 */
import { readFile } from 'node:fs/promises';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { reportReload } from '../../src/bot/reload-report.ts';
import { DataService, type LoadResult } from '../../src/data/service.ts';
import { watchData } from '../../src/data/watch.ts';
import { ADMIN, createTestBot } from '../helpers/bot.ts';
import { copyData, save } from '../helpers/data.ts';


const WAIT_MS = 3000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A category with a quote and an ampersand, so any HTML escaping would show. */
const BAD_CATEGORY = '"category": "basics & \\"more\\"",';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('one reload per save', () => {
  it('a good save and a bad save each reload once, though both the watch event and the poll see them', async () => {
    const paths = await copyData();
    const service = await DataService.load(paths);
    const results: LoadResult[] = [];
    // The poll runs several times within each wait below.
    stop = watchData(service, (r) => results.push(r), { debounceMs: 100, pollMs: 200 });
    await wait(300);
    const original = await readFile(paths.faqFile, 'utf8');
    await save(paths.faqFile, original.replace('An apostille (附加证明书', 'EDITED. An apostille (附加证明书'));
    await wait(WAIT_MS);
    expect(results.map((r) => r.ok)).toEqual([true]);
    await save(paths.faqFile, original.replace('"category": "basics",', BAD_CATEGORY));
    await wait(WAIT_MS);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });
});

describe('reload reports', () => {
  it('the log line is plain text, and the admin message is escaped exactly once', async () => {
    const paths = await copyData();
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ base: undefined }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const test = await createTestBot({ data: await DataService.load(paths) });
    const deps = { ...test.deps, logger };
    await save(paths.faqFile, (await readFile(paths.faqFile, 'utf8')).replace('"category": "basics",', BAD_CATEGORY));
    await reportReload(deps, test.bot.api, await deps.data.reload());
    const report = String(lines.find((l) => l.msg === 'data edit rejected; still serving the last good data')?.report);
    expect(report).toContain('basics & "more"');
    expect(report).not.toMatch(/&quot;|&amp;/);
    const notice = String(test.api.sent().find((c) => c.payload.chat_id === ADMIN.id)?.payload.text);
    expect(notice).toContain('basics &amp; &quot;more&quot;');
    expect(notice).not.toContain('&amp;quot;');
  });
});

describe('a reload never stops the bot answering', () => {
  it('validated in a worker thread, index built in slices: the old data serves until the new is complete', async () => {
    const paths = await copyData();
    // Force the worker path that a large FAQ takes.
    const service = await DataService.load(paths, 0);
    const before = service.current();
    const original = await readFile(paths.faqFile, 'utf8');
    await save(paths.faqFile, original.replace('An apostille (附加证明书', 'EDITED. An apostille (附加证明书'));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const reloading = service.reload();
    // Meanwhile: the loop turns and the old snapshot answers.
    await wait(50);
    expect(service.current()).toBe(before);
    const result = await reloading;
    clearInterval(ticker);
    expect(result.ok).toBe(true);
    expect(ticks).toBeGreaterThan(10);
    expect(service.current().knowledge.kb.byId.get('what-is-apostille')!.answer.en).toMatch(/^EDITED\./);
    expect(service.current().knowledge.index.search('what is an apostille').entry?.id).toBe('what-is-apostille');
    // The /check tables came from unchanged files: reused, not rebuilt.
    expect(service.current().tables).toBe(before.tables);

    await save(paths.faqFile, original.replace('"category": "basics",', BAD_CATEGORY));
    const bad = await service.reload();
    expect(bad.ok).toBe(false);
    expect(bad.issues).toContainEqual(expect.objectContaining({ code: 'unknown_category' }));
  });
});
