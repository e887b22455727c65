import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { reportReload } from '../../src/bot/reload-report.ts';
import { DataService, type LoadResult } from '../../src/data/service.ts';
import { watchData } from '../../src/data/watch.ts';
import { resolvePlace } from '../../src/places/index.ts';
import { ADMIN, createTestBot } from '../helpers/bot.ts';
import { copyData, save } from '../helpers/data.ts';


function nextResult(results: LoadResult[], count: number, timeoutMs = 2000): Promise<LoadResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = setInterval(() => {
      if (results.length >= count) {
        clearInterval(tick);
        resolve(results[count - 1]!);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(tick);
        reject(new Error(`no reload within ${timeoutMs} ms`));
      }
    }, 20);
  });
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('hot reload', () => {
  it('a saved edit takes effect within 2 s; a bad edit keeps the last good data; the fix is picked up', async () => {
    const paths = await copyData();
    const service = await DataService.load(paths);
    const results: LoadResult[] = [];
    stop = watchData(service, (r) => results.push(r), { debounceMs: 100, pollMs: 250 });
    const original = await readFile(paths.faqFile, 'utf8');
    const answerOf = () => service.current().knowledge.kb.byId.get('what-is-apostille')!.answer.en;

    const started = Date.now();
    await save(paths.faqFile, original.replace('An apostille (附加证明书', 'EDITED. An apostille (附加证明书'));
    expect((await nextResult(results, 1)).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(answerOf()).toMatch(/^EDITED\./);

    await save(paths.faqFile, original.replace('"category": "basics",', '"category": "basics"'));
    const bad = await nextResult(results, 2);
    expect(bad.ok).toBe(false);
    expect(bad.issues[0]).toMatchObject({ code: 'invalid_json' });
    expect(answerOf()).toMatch(/^EDITED\./);

    await save(paths.faqFile, original);
    expect((await nextResult(results, 3)).ok).toBe(true);
    expect(answerOf()).toMatch(/^An apostille/);
  });

  it('a bad edit to countries.json is rejected as well', async () => {
    const paths = await copyData();
    const service = await DataService.load(paths);
    const results: LoadResult[] = [];
    stop = watchData(service, (r) => results.push(r), { debounceMs: 100, pollMs: 250 });
    await save(paths.countriesFile, (await readFile(paths.countriesFile, 'utf8')).replace('"code": "DE"', '"code": "Germany"'));
    const result = await nextResult(results, 1);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ entry: 'Germany', field: 'code' }));
    expect(resolvePlace('Germany', service.current().tables.places)).toMatchObject({ kind: 'country', code: 'DE' });
  });

  it('the running bot answers from the new data, keeps answering through a bad edit, and tells the admins', async () => {
    const paths = await copyData();
    const { say, press, deps, api, bot } = await createTestBot({ data: await DataService.load(paths) });
    await press('lang:set:zh', ADMIN);
    const original = await readFile(paths.faqFile, 'utf8');
    await save(paths.faqFile, original.replace('"category": "basics",', '"category": "basics"'));
    const result = await deps.data.reload();
    await reportReload(deps, bot.api, result);
    const notice = api.sent().find((c) => c.payload.chat_id === ADMIN.id);
    expect(String(notice?.payload.text)).toContain('数据修改没有生效');
    const line = original.slice(0, original.indexOf('"category": "basics"')).split('\n').length + 1;
    expect(String(notice?.payload.text)).toContain(`第 ${line} 行`);
    const [answer] = (await say('what is an apostille')).filter((c) => c.method === 'sendMessage');
    expect(String(answer?.text)).toContain('An apostille');
  });
});
