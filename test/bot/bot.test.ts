import { describe, expect, it } from 'vitest';
import { setCommandMenu } from '../../src/bot/commands.ts';
import { entitiesOf } from '../../src/bot/updates.ts';
import { parseFaq } from '../../src/knowledge/load.ts';
import { silentLogger } from '../../src/infra/logger.ts';
import { Store } from '../../src/storage/store.ts';
import { buttonsOf, createTestBot, USER_EN, USER_HK, USER_ZH } from '../helpers/bot.ts';

const text = (call: Record<string, unknown> | undefined) => String(call?.text ?? '');
const messages = (calls: Record<string, unknown>[]) => calls.filter((c) => c.method === 'sendMessage');

describe('/start and /help', () => {
  it('greets in the user’s Telegram language with popular topics and a language button', async () => {
    const { say } = await createTestBot();
    const [en] = messages(await say('/start', USER_EN));
    expect(text(en)).toContain('Apostille Helper');
    expect(en?.parse_mode).toBe('HTML');
    const buttons = buttonsOf(en);
    expect(buttons.map((b) => b.text)).toContain('What is an apostille?');
    expect(buttons.at(-1)?.callback_data).toBe('lang:menu');
    expect(buttons.at(-2)?.callback_data).toBe('chk:new');

    const [zh] = messages(await say('/start', USER_ZH));
    expect(text(zh)).toContain('附加证明书助手');
    expect(buttonsOf(zh)[0]?.text).toBe('什么是附加证明书？');
  });

  it('maps zh-HK to Traditional characters', async () => {
    const { say } = await createTestBot();
    const [reply] = messages(await say('/help', USER_HK));
    expect(text(reply)).toContain('使用說明');
  });
});

describe('questions', () => {
  it('answers a Chinese question in Chinese with its source and related questions as buttons', async () => {
    const { say } = await createTestBot();
    const [reply] = messages(await say('原产地证书可以办附加证明书吗', USER_EN));
    expect(text(reply)).toContain('原产地证书');
    expect(text(reply)).toContain('来源');
    expect(text(reply)).toMatch(/<a href="https:\/\/en\.ccpit\.org/);
    const buttons = buttonsOf(reply);
    const related = buttons.filter((b) => b.callback_data?.startsWith('faq:'));
    expect(related).toHaveLength(3);
    for (const b of related) expect(b.callback_data).toMatch(/^faq:[a-z0-9-]+:zh$/);
    expect(buttons.slice(-2).map((b) => b.text)).toEqual(['👍 有帮助', '👎 没帮助']);
    expect(buttons.at(-3)).toEqual({ text: '📤 分享', switch_inline_query: '原产地证书能办附加证明书吗？' });
    for (const b of buttons) if (!b.switch_inline_query) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });

  it('answers an English question in English even for a Chinese-speaking user', async () => {
    const { say } = await createTestBot();
    const [reply] = messages(await say('can I use an apostille in India?', USER_ZH));
    expect(text(reply)).toContain('does not apply between China and India');
    expect(text(reply)).toContain('Sources:');
  });

  it('answers a question in Traditional characters in Traditional characters', async () => {
    const { say } = await createTestBot();
    const [reply] = messages(await say('海牙認證要在哪裡申請', USER_EN));
    expect(text(reply)).toContain('外交部');
    expect(text(reply)).toContain('簽發附加證明書');
    expect(text(reply)).not.toContain('签发');
    expect(buttonsOf(reply)[0]?.callback_data).toMatch(/:zh-Hant$/);
  });

  it('falls back politely to off-topic questions, with close topics and a pointer to /check', async () => {
    const { say } = await createTestBot();
    const [en] = messages(await say('how do I cook rice'));
    expect(text(en)).toContain('could not find a reliable answer');
    expect(text(en)).toContain('/check');
    expect(buttonsOf(en).length).toBeGreaterThan(0);
    const [zh] = messages(await say('明天会下雨吗'));
    expect(text(zh)).toContain('没有找到可靠的答案');
  });

  it('a related-question button sends that answer in the language of the message', async () => {
    const { press } = await createTestBot();
    const calls = await press('faq:india-objection:zh-Hant');
    expect(calls[0]?.method).toBe('answerCallbackQuery');
    const [reply] = messages(calls);
    expect(text(reply)).toContain('印度');
    expect(text(reply)).toContain('領事認證');
  });

  it('a button for an entry that no longer exists gets a polite notice, not an error', async () => {
    const { press } = await createTestBot();
    const calls = await press('faq:removed-entry:en');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery', text: expect.stringContaining('expired') });
    const unknown = await press('something:else');
    expect(unknown[0]).toMatchObject({ method: 'answerCallbackQuery' });
  });

  it('every answer’s buttons stay within Telegram’s 64-byte callback data', async () => {
    const { deps, press } = await createTestBot();
    for (const entry of deps.data.current().knowledge.kb.entries) {
      for (const locale of ['en', 'zh', 'zh-Hant']) {
        const [reply] = messages(await press(`faq:${entry.id}:${locale}`));
        expect(text(reply).length).toBeLessThanOrEqual(4096);
        for (const b of buttonsOf(reply)) if (!b.switch_inline_query) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
      }
    }
  });
});

describe('HTML and long answers', () => {
  const entry = (id: string, answer: string) => ({
    id,
    category: 'basics',
    questions: { zh: ['什么是附加证明书', '附加证明书是什么', '海牙认证'], en: ['What is an apostille', 'apostille meaning', 'define apostille'] },
    keywords: ['apostille'],
    answer: { zh: answer, en: answer },
    source: 'https://example.org/a?b=1&c=<2>',
    related: [],
    updated: '2026-11-29',
  });

  it('escapes answer text, titles and sources', async () => {
    const kb = parseFaq({ version: 1, categories: ['basics'], entries: [entry('tricky', 'Use <b>bold</b> & "quotes" <script>x</script>')] });
    const { say } = await createTestBot({ kb });
    const [reply] = messages(await say('what is an apostille'));
    expect(text(reply)).toContain('Use &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; &lt;script&gt;');
    expect(text(reply)).toContain('href="https://example.org/a?b=1&amp;c=&lt;2&gt;"');
  });

  it('splits an answer over 4096 characters into well-formed parts, buttons on the last', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}: an apostille certifies the signature & seal.`).join('\n\n');
    const kb = parseFaq({ version: 1, categories: ['basics'], entries: [entry('long', long), { ...entry('other', 'Short.'), questions: { zh: ['别的', '其他', '另外'], en: ['other', 'another', 'else'] } }] });
    const { say } = await createTestBot({ kb: { ...kb, entries: kb.entries.map((e) => (e.id === 'long' ? { ...e, related: ['other'] } : e)) } });
    const parts = messages(await say('what is an apostille'));
    expect(parts.length).toBe(2);
    for (const part of parts) {
      expect(text(part).length).toBeLessThanOrEqual(4096);
      expect(text(part).match(/<b>/g)?.length ?? 0).toBe(text(part).match(/<\/b>/g)?.length ?? 0);
    }
    expect(parts[0]?.reply_markup).toBeUndefined();
    expect(buttonsOf(parts[1]).map((b) => b.callback_data ?? `share:${b.switch_inline_query}`)).toEqual(['faq:other:en', 'share:What is an apostille', 'fb:long:up', 'fb:long:down']);
    expect(parts.map(text).join('')).toContain('Paragraph 119');
  });
});

describe('/lang', () => {
  it('shows a keyboard, saves the choice, and the choice survives a restart', async () => {
    const first = await createTestBot();
    const [prompt] = messages(await first.say('/lang'));
    expect(buttonsOf(prompt).map((b) => b.callback_data)).toEqual(['lang:set:en', 'lang:set:zh', 'lang:set:zh-Hant']);
    expect(buttonsOf(prompt).map((b) => b.text)).toEqual(['English', '简体中文', '繁體中文']);
    const calls = await first.press('lang:set:zh-Hant');
    expect(calls[0]?.method).toBe('answerCallbackQuery');
    expect(calls[1]).toMatchObject({ method: 'editMessageText', text: expect.stringContaining('繁體中文') });
    await first.deps.store.flush();

    const second = await createTestBot({ storePath: first.storePath });
    const [help] = messages(await second.say('/help'));
    expect(text(help)).toContain('使用說明');
  });

  it('ignores "message is not modified" when the same language is picked twice', async () => {
    const { api, press } = await createTestBot();
    api.failWith = (call) => (call.method === 'editMessageText' ? { error_code: 400, description: 'Bad Request: message is not modified' } : undefined);
    const calls = await press('lang:set:en');
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
  });
});

describe('everything else', () => {
  it('non-text messages get a short hint', async () => {
    const { bot, api } = await createTestBot();
    await bot.handleUpdate({
      update_id: 9001,
      message: { message_id: 1, date: 0, chat: { id: 42, type: 'private', first_name: 'Ann' }, from: { id: 42, is_bot: false, first_name: 'Ann', language_code: 'zh' }, sticker: { file_id: 'x' } },
    } as never);
    expect(String(api.sent().at(-1)?.payload.text)).toContain('我只能读文字消息');
  });

  it('unknown commands get the unknown-command reply', async () => {
    const { say } = await createTestBot();
    const [reply] = messages(await say('/frobnicate'));
    expect(text(reply)).toContain("don't know that command");
  });

  it('a failing Telegram call ends in a logged error and an apology, not a crash', async () => {
    const { api, say } = await createTestBot();
    let failed = false;
    api.failWith = (call) => (call.method === 'sendMessage' && !failed ? ((failed = true), { error_code: 500, description: 'Internal Server Error' }) : undefined);
    const calls = await say('what is an apostille');
    expect(text(messages(calls).at(-1))).toContain('something went wrong');
  });

  it('sets the command menu in English and Chinese, and goes on when Telegram refuses', async () => {
    const { api, deps, bot } = await createTestBot();
    await setCommandMenu(bot.api, deps.i18n, silentLogger);
    const menus = api.sent('setMyCommands');
    expect(menus).toHaveLength(2);
    expect(menus[1]?.payload).toMatchObject({ language_code: 'zh', commands: expect.arrayContaining([{ command: 'lang', description: '选择语言' }]) });
    // /human only where a staff chat is set up.
    expect(JSON.stringify(menus[0]?.payload)).toContain('"human"');
    await setCommandMenu(bot.api, deps.i18n, silentLogger, { staffChat: false });
    expect(JSON.stringify(api.sent('setMyCommands').at(-1)?.payload)).not.toContain('"human"');
    api.failWith = () => ({ error_code: 500, description: "API method 'setMyCommands' is not supported" });
    await expect(setCommandMenu(bot.api, deps.i18n, silentLogger)).resolves.toBeUndefined();
  });

  it('a corrupt store file is moved aside and a fresh store starts', async () => {
    const { storePath } = await createTestBot();
    const { writeFile, readdir } = await import('node:fs/promises');
    const { dirname, basename } = await import('node:path');
    await writeFile(storePath, '{ not json');
    const store = await Store.open(storePath, () => new Date('2026-11-29T01:02:03Z'));
    expect(store.warnings).toHaveLength(1);
    expect(await readdir(dirname(storePath))).toContain(`${basename(storePath)}.corrupt-2026-11-29T01-02-03-000Z`);
    expect(await store.sessions.user.read('42')).toBeUndefined();
  });
});

describe('in a group chat', () => {
  const group = (text: string, extra: Record<string, unknown> = {}) =>
    ({
      update_id: Math.floor(Math.random() * 1e9),
      message: { message_id: 5, date: 0, chat: { id: -100, type: 'supergroup', title: 'Exporters' }, from: { id: 42, is_bot: false, first_name: 'Ann' }, text, entities: entitiesOf(text), ...extra },
    }) as never;

  it('answers only what is addressed to it: a mention or a reply to the bot', async () => {
    const { bot, api } = await createTestBot();
    await bot.handleUpdate(group('what is an apostille'));
    await bot.handleUpdate(group('/frobnicate', { entities: [{ type: 'bot_command', offset: 0, length: 11 }] }));
    await bot.handleUpdate(group('hello', { sticker: undefined }));
    expect(api.sent()).toHaveLength(0);
    await bot.handleUpdate(group('@apostille_helper_bot what is an apostille'));
    expect(String(api.sent()[0]?.payload.text)).toContain('An apostille');
    await bot.handleUpdate(group('and does it expire', { reply_to_message: { message_id: 1, date: 0, chat: { id: -100, type: 'supergroup', title: 'E' }, from: { id: 1000, is_bot: true, first_name: 'Apostille Helper' }, text: 'x' } }));
    expect(String(api.sent()[1]?.payload.text)).toContain('expire');
  });
});
