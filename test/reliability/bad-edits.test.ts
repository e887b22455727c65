/**
 * Issue 20, point 2: a staff edit of any shape never stops the bot. Each of these saves,
 * into the FAQ and the countries file of the running process, is refused with one report
 * to the admin; questions are answered from the last good data meanwhile; the fix is picked up.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { tempDir } from '../helpers/bot.ts';
import { copyData, save } from '../helpers/data.ts';
import { startBot, TEST_TOKEN, type BotProcess } from '../helpers/spawn-bot.ts';
import type { DataPaths } from '../../src/data/types.ts';

const ADMIN_ID = 777;
const USER_ID = 555;
const BAD_CONTENTS = ['null', '0', 'false', '[]', '{}', '{"entries": []}', '{"$schema": 5}'];

let api: FakeBotApi;
let bot: BotProcess;
let paths: DataPaths;

beforeAll(async () => {
  api = new FakeBotApi();
  await api.start();
  paths = await copyData();
  bot = startBot({
    BOT_TOKEN: TEST_TOKEN,
    BOT_API_ROOT: api.url,
    DATA_DIR: await tempDir(),
    FAQ_FILE: paths.faqFile,
    COUNTRIES_FILE: paths.countriesFile,
    DOCUMENTS_FILE: paths.documentsFile,
    ADMIN_IDS: String(ADMIN_ID),
    THROTTLE: 'off',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  await bot.waitForLog((l) => l.msg === 'polling', 30_000);
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await api?.stop();
});

const toAdmin = () => api.sent().filter((c) => c.payload.chat_id === ADMIN_ID);
const toUser = () => api.sent().filter((c) => c.payload.chat_id === USER_ID);

/** Asks a question and returns the reply's text. */
async function ask(text: string): Promise<string> {
  const before = toUser().length;
  api.pushText(USER_ID, text);
  await api.waitFor(() => toUser().length > before, 15_000);
  return String(toUser()[before]!.payload.text);
}

describe('a bad data edit keeps the last good data', () => {
  it('each bad save into faq.json and countries.json: the process lives, one report each, answers go on, the fix is picked up', async () => {
    const good = { faq: await readFile(paths.faqFile, 'utf8'), countries: await readFile(paths.countriesFile, 'utf8') };
    let saves = 0;
    for (const [file, goodText] of [[paths.faqFile, good.faq], [paths.countriesFile, good.countries]] as const) {
      for (const bad of BAD_CONTENTS) {
        await save(file, bad);
        saves++;
        await api.waitFor(() => toAdmin().length >= saves, 15_000);
        expect(String(toAdmin().at(-1)!.payload.text)).toContain('NOT applied');
        expect(bot.child.exitCode).toBeNull();
        expect(await ask('what is an apostille')).toContain('An apostille');
      }
      await save(file, goodText);
      await bot.waitForLog((l) => l.msg === 'data reloaded' && bot.logs.filter((x) => x.msg === 'data reloaded').length >= (file === paths.faqFile ? 1 : 2), 15_000);
    }
    // The India verdict comes from countries.json: still there after all of that.
    expect(await ask('can a certificate of origin for India get an apostille')).toMatch(/India/);
    // The fix is picked up: an edit after the bad ones shows in the next answer.
    await save(paths.faqFile, good.faq.replace('An apostille (附加证明书', 'EDITED AFTER THE FIX. An apostille (附加证明书'));
    await bot.waitForLog((l) => l.msg === 'data reloaded' && bot.logs.filter((x) => x.msg === 'data reloaded').length >= 3, 15_000);
    expect(await ask('what is an apostille')).toContain('EDITED AFTER THE FIX');
    // One report per bad save, none for the good ones, and the process never restarted.
    expect(toAdmin()).toHaveLength(BAD_CONTENTS.length * 2);
    expect(bot.logs.filter((l) => l.msg === 'polling')).toHaveLength(1);
  }, 150_000);
});
