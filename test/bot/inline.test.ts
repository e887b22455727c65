import { describe, expect, it } from 'vitest';
import { inlineQueryUpdate, type LocalUser } from '../../src/bot/updates.ts';
import { INLINE_CACHE_SECONDS } from '../../src/bot/features/inline.ts';
import { answerInOneMessage } from '../../src/reply/fit.ts';
import { I18n } from '../../src/i18n/index.ts';
import { parseFaq } from '../../src/knowledge/load.ts';
import { POPULAR_TOPICS } from '../../src/reply/answer.ts';
import { createTestBot, shippedData, USER_EN, USER_HK, USER_ZH, type TestBot } from '../helpers/bot.ts';
import { telegramHtmlProblems } from '../helpers/html.ts';

interface Article {
  type: string;
  id: string;
  title: string;
  description: string;
  input_message_content: { message_text: string; parse_mode: string };
  reply_markup?: { inline_keyboard: { text: string; switch_inline_query?: string; callback_data?: string }[][] };
}
interface Answer {
  results: Article[];
  cache_time: number;
  is_personal: boolean;
}

async function inline(bot: TestBot, query: string, user: LocalUser = USER_EN): Promise<Answer> {
  const before = bot.api.calls.length;
  await bot.bot.handleUpdate(inlineQueryUpdate(user, query));
  const calls = bot.api.calls.slice(before);
  expect(calls.map((c) => c.method)).toEqual(['answerInlineQuery']);
  return calls[0]!.payload as unknown as Answer;
}

/** What Telegram requires of every answer, whatever the query. */
function expectValidPayload(answer: Answer): void {
  expect(answer.results.length).toBeGreaterThan(0);
  expect(answer.results.length).toBeLessThanOrEqual(50);
  expect(new Set(answer.results.map((r) => r.id)).size).toBe(answer.results.length);
  expect(answer.cache_time).toBe(INLINE_CACHE_SECONDS);
  expect(answer.cache_time).toBeLessThanOrEqual(300);
  for (const result of answer.results) {
    expect(result.type).toBe('article');
    expect(Buffer.byteLength(result.id)).toBeLessThanOrEqual(64);
    expect(result.title.length).toBeGreaterThan(0);
    const { message_text, parse_mode } = result.input_message_content;
    expect(parse_mode).toBe('HTML');
    expect(message_text.length).toBeLessThanOrEqual(4096);
    expect(telegramHtmlProblems(message_text)).toEqual([]);
    // Inline messages have no chat to answer a callback in: only Share buttons.
    for (const button of result.reply_markup?.inline_keyboard.flat() ?? []) expect(button.callback_data).toBeUndefined();
  }
}

const shipped = await shippedData();
/** The card's description: the first line of the answer, cut to 120 characters. */
function answerFirstLine(id: string, lang: 'zh' | 'en'): string {
  const line = shipped.current().knowledge.kb.byId.get(id)!.answer[lang].split('\n')[0]!.trim();
  return [...line].length > 120 ? `${[...line].slice(0, 119).join('')}…` : line;
}

describe('inline mode', () => {
  it('a Chinese query lists Chinese answer cards from the search, best first, each with its source and a Share button', async () => {
    const bot = await createTestBot();
    const answer = await inline(bot, '原产地证书', USER_EN);
    expectValidPayload(answer);
    expect(answer.results.length).toBeLessThanOrEqual(10);
    const [first] = answer.results;
    expect(first?.id).toBe('a:certificate-of-origin');
    expect(first?.title).toBe('原产地证书能办附加证明书吗？');
    expect(first?.description).toBe(answerFirstLine('certificate-of-origin', 'zh'));
    expect(first?.input_message_content.message_text).toContain('来源');
    expect(first?.input_message_content.message_text).toMatch(/<a href="https:\/\//);
    expect(first?.reply_markup?.inline_keyboard).toEqual([[{ text: '📤 分享', switch_inline_query: '原产地证书能办附加证明书吗？' }]]);
    expect(answer.is_personal).toBe(false);
  });

  it('an English query lists English cards; Traditional characters get Traditional cards', async () => {
    const bot = await createTestBot();
    const english = await inline(bot, 'certificate of origin', USER_ZH);
    expectValidPayload(english);
    expect(english.results[0]).toMatchObject({ id: 'a:certificate-of-origin', title: expect.stringMatching(/certificate of origin/i) });
    expect(english.results[0]?.input_message_content.message_text).toContain('Source');
    const traditional = await inline(bot, '原產地證書', USER_EN);
    expectValidPayload(traditional);
    expect(traditional.results[0]?.title).toBe('原產地證書能辦附加證明書嗎？');
  });

  it.each([
    ['an empty query', '', '什么是附加证明书？'],
    ['punctuation only', '!!! ??? ###', '什么是附加证明书？'],
    ['an off-topic query', 'how do I cook rice', 'What is an apostille?'],
    ['an off-topic Chinese query', '今天天气怎么样', '什么是附加证明书？'],
    ['a check naming nothing', 'check ???', 'What is an apostille?'],
  ])('%s lists the popular topics (in the query’s language, else the user’s), never an error', async (_label, query, firstTitle) => {
    const bot = await createTestBot();
    const answer = await inline(bot, query, USER_ZH);
    expectValidPayload(answer);
    expect(answer.results.map((r) => r.id)).toEqual(POPULAR_TOPICS.map((id) => `a:${id}`));
    expect(answer.results[0]?.title).toBe(firstTitle);
  });

  it('an empty query depends on who asks, so Telegram must not share its cache between users', async () => {
    const bot = await createTestBot();
    expect((await inline(bot, '', USER_EN)).is_personal).toBe(true);
  });

  it('"check 原产地证书 德国" gives the verdict card, with a Share button that repeats the check', async () => {
    const bot = await createTestBot();
    const answer = await inline(bot, 'check 原产地证书 德国', USER_EN);
    expectValidPayload(answer);
    expect(answer.results).toHaveLength(1);
    const [card] = answer.results;
    expect(card?.id).toBe('c:certificate-of-origin:DE:from_china');
    expect(card?.title).toMatch(/^✅/);
    expect(card?.description).toBe('原产地证书（贸促会） → 德国');
    expect(card?.input_message_content.message_text).toContain('德国');
    const share = card?.reply_markup?.inline_keyboard[0]?.[0];
    expect(share).toEqual({ text: '📤 分享', switch_inline_query: 'check 原产地证书（贸促会） 德国' });
    // The shared query gives the same card again.
    expect((await inline(bot, share!.switch_inline_query!, USER_EN)).results[0]?.id).toBe(card?.id);
  });

  it('a verdict for a document used in China shares a query that keeps the direction', async () => {
    const bot = await createTestBot();
    for (const query of ['check birth certificate from Germany to China', 'check 出生证明 德国 来华']) {
      const [card] = (await inline(bot, query)).results;
      expect(card?.id).toMatch(/:DE:to_china$/);
      const shared = card?.reply_markup?.inline_keyboard[0]?.[0]?.switch_inline_query ?? '';
      expect((await inline(bot, shared)).results[0]?.id).toBe(card?.id);
    }
  });

  it('"check certificate of origin India" in English gives the legalisation verdict', async () => {
    const bot = await createTestBot();
    const answer = await inline(bot, 'check certificate of origin India', USER_ZH);
    expectValidPayload(answer);
    expect(answer.results[0]?.title).toMatch(/Consular legalisation/);
    expect(answer.results[0]?.input_message_content.message_text).toContain('India');
  });

  it('a check of an unknown document gives the "could not check" card with suggestions, not an error', async () => {
    const bot = await createTestBot();
    const answer = await inline(bot, 'check flux capacitor Germany');
    expectValidPayload(answer);
    expect(answer.results[0]?.title).toMatch(/could not check/);
  });

  it('every entry makes a valid card in every language, and an answer near the limit is shortened, keeping its source', async () => {
    const data = await shippedData();
    const i18n = await I18n.create();
    for (const entry of data.current().knowledge.kb.entries) {
      for (const locale of ['en', 'zh', 'zh-Hant'] as const) {
        const { html } = answerInOneMessage(entry, locale, i18n.translator(locale));
        expect(html.length).toBeLessThanOrEqual(4096);
        expect(telegramHtmlProblems(html)).toEqual([]);
      }
    }
    const long = 'An apostille certifies the signature & seal <of> a public document. '.repeat(60).slice(0, 4090);
    const [entry] = parseFaq({
      version: 1,
      categories: ['basics'],
      entries: [{ id: 'long', category: 'basics', questions: { zh: ['甲', '乙', '丙'], en: ['a?', 'b?', 'c?'] }, answer: { zh: '长', en: long }, source: 'https://www.hcch.net/', updated: '2026-11-29' }],
    }).entries;
    const { html } = answerInOneMessage(entry!, 'en', i18n.translator('en'));
    expect(html.length).toBeLessThanOrEqual(4096);
    expect(html.length).toBeGreaterThan(3900);
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(html).toContain('…\n\n📎 Source: <a href="https://www.hcch.net/">');
  });

  it('many queries in both languages: every payload is valid', async () => {
    const bot = await createTestBot();
    const queries = ['附加证明书', '海牙认证多少钱', '印度', 'apostille fee', 'where do I apply', 'e-apostille', 'check 营业执照 美国', 'check birth certificate from Germany to China', 'Hong Kong', '香港', 'x'.repeat(256)];
    for (const query of queries) for (const user of [USER_EN, USER_ZH, USER_HK]) expectValidPayload(await inline(bot, query, user));
  });
});

describe('inline mode: regions and territories', () => {
  it.each(['check 原产地证书 香港', 'check certificate of origin Hong Kong', 'check 营业执照 台湾', 'check diploma Puerto Rico'])('%s: a verdict card whose Share query gives it again', async (query) => {
    const bot = await createTestBot();
    const [card] = (await inline(bot, query)).results;
    expect(card?.id).toMatch(/^c:/);
    const shared = card?.reply_markup?.inline_keyboard[0]?.[0]?.switch_inline_query;
    expect(shared).toMatch(/^check /);
    const again = (await inline(bot, shared!)).results[0];
    expect(again?.id).toBe(card?.id);
    expect(again?.title).toBe(card?.title);
  });
});
