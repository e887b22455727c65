import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setCommandMenu } from '../../src/bot/commands.ts';
import { openMenuData } from '../../src/bot/features/browse.ts';
import { DataService } from '../../src/data/service.ts';
import { silentLogger } from '../../src/infra/logger.ts';
import { entryTitle } from '../../src/reply/answer.ts';
import { escapeHtml } from '../../src/format/html.ts';
import { buttonsOf, createTestBot, DATA_PATHS, tempDir, USER_EN, USER_ZH, type TestBot } from '../helpers/bot.ts';
import { telegramHtmlProblems } from '../helpers/html.ts';

const MENU_MESSAGE = 1;
/** How many entries a category has in the shipped data (the menu shows the count). */
const countIn = (bot: TestBot, category: string) => bot.deps.data.current().knowledge.kb.entries.filter((e) => e.category === category).length;
type Call = Record<string, unknown>;

/** Presses the button labelled `label` on `call` (the menu message), and returns the one edit it makes. */
async function pressLabel(bot: TestBot, call: Call | undefined, label: string | RegExp, user = USER_EN): Promise<Call> {
  const button = buttonsOf(call).find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
  expect(button, `no button ${label} in ${JSON.stringify(buttonsOf(call).map((b) => b.text))}`).toBeDefined();
  const calls = await bot.press(button!.callback_data, user, MENU_MESSAGE);
  const edits = calls.filter((c) => c.method === 'editMessageText');
  // One message, edited in place: nothing new is sent while browsing.
  expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
  expect(edits).toHaveLength(1);
  expect(edits[0]?.message_id).toBe(MENU_MESSAGE);
  return edits[0]!;
}

describe('/faq: browse by topic', () => {
  it('categories → questions → answer → back, in the user’s language, editing one message', async () => {
    const bot = await createTestBot();
    const india = entryTitle(bot.deps.data.current().knowledge.kb.byId.get('india-objection')!, 'zh');
    const [menu] = (await bot.say('/faq', USER_ZH)).filter((c) => c.method === 'sendMessage');
    expect(String(menu?.text)).toContain('按主题浏览常见问题');
    const countries = `🌍 国家和地区 (${countIn(bot, 'countries')})`;
    expect(buttonsOf(menu).map((b) => b.text)).toContain(countries);

    const category = await pressLabel(bot, menu, countries, USER_ZH);
    expect(String(category.text)).toContain('<b>🌍 国家和地区</b>');
    const questions = buttonsOf(category).map((b) => b.text);
    expect(questions).toContain(india);
    expect(questions.at(-1)).toBe('⬅️ 全部主题');

    const answer = await pressLabel(bot, category, india, USER_ZH);
    expect(String(answer.text)).toContain(`<b>${india}</b>`);
    expect(String(answer.text)).toContain('来源');
    const answerButtons = buttonsOf(answer);
    expect(answerButtons).toContainEqual({ text: '📤 分享', switch_inline_query: india });
    expect(answerButtons.map((b) => b.text)).toEqual(expect.arrayContaining(['👍 有帮助', '👎 没帮助']));
    expect(answerButtons.at(-1)?.text).toBe('⬅️ 返回');

    const back = await pressLabel(bot, answer, '⬅️ 返回', USER_ZH);
    expect(back.text).toBe(category.text);
    expect(buttonsOf(back)).toEqual(buttonsOf(category));
    const top = await pressLabel(bot, back, '⬅️ 全部主题', USER_ZH);
    expect(top.text).toBe(menu?.text);
    expect(buttonsOf(top)).toEqual(buttonsOf(menu));
  });

  it('every answer can be reached, in both languages, as one valid message within 4096 characters', async () => {
    const bot = await createTestBot();
    const { kb } = bot.deps.data.current().knowledge;
    for (const [user, locale] of [[USER_EN, 'en'], [USER_ZH, 'zh']] as const) {
      const [menu] = (await bot.say('/faq', user)).filter((c) => c.method === 'sendMessage');
      const reached = new Set<string>();
      for (const categoryButton of buttonsOf(menu)) {
        const category = await pressLabel(bot, menu, categoryButton.text, user);
        for (const question of buttonsOf(category).slice(0, -1)) {
          const answer = await pressLabel(bot, category, question.text, user);
          const text = String(answer.text);
          expect(text.length).toBeLessThanOrEqual(4096);
          expect(telegramHtmlProblems(text)).toEqual([]);
          const entry = kb.entries.find((e) => text.startsWith(`<b>${escapeHtml(entryTitle(e, locale))}</b>`));
          expect(entry, text.slice(0, 80)).toBeDefined();
          reached.add(entry!.id);
          for (const b of buttonsOf(answer)) if (b.callback_data) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
        }
      }
      expect([...reached].sort()).toEqual(kb.entries.map((e) => e.id).sort());
    }
  });

  it('a menu from before a data reload says the list has changed and shows the fresh menu', async () => {
    const dir = await tempDir('apostille-data-');
    const paths = { faqFile: join(dir, 'faq.json'), countriesFile: join(dir, 'countries.json'), documentsFile: join(dir, 'documents.json') };
    await Promise.all([copyFile(DATA_PATHS.faqFile, paths.faqFile), copyFile(DATA_PATHS.countriesFile, paths.countriesFile), copyFile(DATA_PATHS.documentsFile, paths.documentsFile)]);
    const bot = await createTestBot({ data: await DataService.load(paths) });
    const [menu] = (await bot.say('/faq')).filter((c) => c.method === 'sendMessage');
    const regionCount = countIn(bot, 'regions');
    const countryCount = countIn(bot, 'countries');
    const regions = await pressLabel(bot, menu, `↔️ Hong Kong, Macao, Taiwan region (${regionCount})`);

    // Staff move Macao into "countries" and the bot reloads.
    const faq = JSON.parse(await readFile(paths.faqFile, 'utf8')) as { entries: { id: string; category: string }[] };
    faq.entries.find((e) => e.id === 'macao')!.category = 'countries';
    await writeFile(paths.faqFile, JSON.stringify(faq));
    expect((await bot.deps.data.reload()).ok).toBe(true);

    const button = buttonsOf(regions).find((b) => b.text === entryTitle(bot.deps.data.current().knowledge.kb.byId.get('macao')!, 'en'))!;
    const calls = await bot.press(button.callback_data, USER_EN, MENU_MESSAGE);
    expect(calls.find((c) => c.method === 'answerCallbackQuery')?.text).toBe('This list has changed. Here is the current one.');
    const [fresh] = calls.filter((c) => c.method === 'editMessageText');
    expect(String(fresh?.text)).toMatch(/^This list has changed\. Here is the current one\.\n\n<b>FAQ by topic<\/b>/);
    expect(buttonsOf(fresh).map((b) => b.text)).toEqual(
      expect.arrayContaining([`↔️ Hong Kong, Macao, Taiwan region (${regionCount - 1})`, `🌍 Countries (${countryCount + 1})`]),
    );
    // The fresh menu works.
    const countries = await pressLabel(bot, fresh, `🌍 Countries (${countryCount + 1})`);
    expect(buttonsOf(countries).map((b) => b.text)).toContain(entryTitle(bot.deps.data.current().knowledge.kb.byId.get('macao')!, 'en'));
  });

  it('/start and the fallback have a button that opens the menu', async () => {
    const bot = await createTestBot();
    const [welcome] = (await bot.say('/start')).filter((c) => c.method === 'sendMessage');
    expect(buttonsOf(welcome)).toContainEqual({ text: '📚 Browse all topics', callback_data: openMenuData() });
    const [fallback] = (await bot.say('how do I cook rice')).filter((c) => c.method === 'sendMessage');
    expect(buttonsOf(fallback).at(-1)).toEqual({ text: '📚 Browse all topics', callback_data: openMenuData() });
    const [menu] = (await bot.press(openMenuData())).filter((c) => c.method === 'sendMessage');
    expect(String(menu?.text)).toContain('<b>FAQ by topic</b>');
  });

  it('the command menu lists /faq in English and Chinese', async () => {
    const bot = await createTestBot();
    await setCommandMenu(bot.bot.api, bot.deps.i18n, silentLogger);
    const menus = bot.api.sent('setMyCommands').map((c) => c.payload.commands as { command: string; description: string }[]);
    expect(menus.map((commands) => commands.find((c) => c.command === 'faq')?.description)).toEqual(['Browse questions by topic', '按主题浏览常见问题']);
  });
});

describe('menu buttons in the callback-data codec', () => {
  it('round-trips every menu button and keeps "menu:open" apart', async () => {
    const { decodeCallback, encodeCallback } = await import('../../src/bot/callback-data.ts');
    for (const data of [
      { kind: 'menu-open' },
      { kind: 'menu', version: 'a1b2c3' },
      { kind: 'menu', version: 'a1b2c3', category: 9 },
      { kind: 'menu', version: 'a1b2c3', category: 999, id: 'x'.repeat(41) },
    ] as const) {
      const text = encodeCallback(data);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(64);
      expect(decodeCallback(text)).toEqual(data);
    }
    expect(encodeCallback({ kind: 'menu-open' })).toBe('menu:open');
    for (const forged of ['menu:zzzzzz', 'menu:a1b2c3:x', 'menu:a1b2c3:1:../etc', 'menu:a1b2c3:1:fees:extra', 'menu:open:1']) expect(decodeCallback(forged)).toBeUndefined();
  });

  it('a forged or truncated menu button gets the fresh menu, not an error', async () => {
    const bot = await createTestBot();
    const calls = await bot.press('menu:a1b2c3:1:fees:extra', USER_EN, MENU_MESSAGE);
    expect(calls.find((c) => c.method === 'answerCallbackQuery')?.text).toBe('This list has changed. Here is the current one.');
    expect(String(calls.find((c) => c.method === 'editMessageText')?.text)).toContain('<b>FAQ by topic</b>');
  });
});
