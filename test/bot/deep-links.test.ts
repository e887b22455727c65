import { describe, expect, it } from 'vitest';
import { renderVerdict } from '../../src/reply/verdict-html.ts';
import { checkDocument } from '../../src/check/rules.ts';
import { checkPayload, deepLink, faqPayload } from '../../src/bot/features/start.ts';
import { entryTitle } from '../../src/reply/answer.ts';
import { escapeHtml } from '../../src/format/html.ts';
import { buttonsOf, createTestBot, USER_EN, USER_ZH } from '../helpers/bot.ts';

const messages = (calls: Record<string, unknown>[]) => calls.filter((c) => c.method === 'sendMessage');
/** Telegram's rule for start parameters. */
const START_PARAMETER = /^[A-Za-z0-9_-]{1,64}$/;

describe('deep links: /start <payload>', () => {
  it('faq_<id> opens every entry, in the user’s language, with Share and 👍/👎', async () => {
    const bot = await createTestBot({ runtime: { rateLimit: false } });
    const { kb } = bot.deps.data.current().knowledge;
    for (const entry of kb.entries) {
      expect(faqPayload(entry.id)).toMatch(START_PARAMETER);
      for (const [user, locale] of [[USER_EN, 'en'], [USER_ZH, 'zh']] as const) {
        const [reply, ...rest] = messages(await bot.say(`/start ${faqPayload(entry.id)}`, user));
        expect(rest).toEqual([]);
        expect(String(reply?.text)).toContain(`<b>${escapeHtml(entryTitle(entry, locale))}</b>`);
        const buttons = buttonsOf(reply);
        expect(buttons).toContainEqual({ text: locale === 'zh' ? '📤 分享' : '📤 Share', switch_inline_query: entryTitle(entry, locale) });
        expect(buttons.at(-1)?.callback_data).toBe(`fb:${entry.id}:down`);
      }
    }
  });

  it('chk_<document>_<country> opens that verdict; …_cn the other way, into China', async () => {
    const bot = await createTestBot();
    const { tables } = bot.deps.data.current();
    const t = bot.deps.i18n.translator('en');
    const samples = [
      ['certificate-of-origin', 'DE', 'from_china'],
      ['certificate-of-origin', 'IN', 'from_china'],
      ['customs-declaration', 'US', 'from_china'],
      ['business-licence', 'HK', 'from_china'],
      ['birth-certificate', 'DE', 'to_china'],
      ['diploma', 'JP', 'to_china'],
    ] as const;
    for (const [document, country, direction] of samples) {
      expect(tables.documents.some((d) => d.id === document)).toBe(true);
      const payload = checkPayload(document, country, direction);
      expect(payload).toMatch(START_PARAMETER);
      const [reply] = messages(await bot.say(`/start ${payload}`, USER_EN));
      const expected = renderVerdict(checkDocument({ document, country, direction }, tables, '2026-11-29'), 'en', t);
      expect(reply?.text).toBe(expected);
      expect(buttonsOf(reply).map((b) => b.callback_data ?? b.switch_inline_query)).toEqual([`sub:${country}`, 'chk:new', expect.stringMatching(/^check /)]);
    }
  });

  it('every document and country fits in a start parameter', async () => {
    const bot = await createTestBot();
    const { tables } = bot.deps.data.current();
    for (const d of tables.documents) for (const c of tables.countries) expect(checkPayload(d.id, c.code, 'to_china')).toMatch(START_PARAMETER);
  });

  it.each(['faq_no-such-entry', 'faq_', 'chk_no-such-document_DE', 'chk_certificate-of-origin_ZZ', 'chk_certificate-of-origin_de', 'hello', 'inline', 'faq_what-is-apostille_extra'])(
    'an unknown or stale payload (%s) gets the normal welcome',
    async (payload) => {
      const bot = await createTestBot();
      const welcome = messages(await bot.say('/start', USER_EN));
      expect(messages(await bot.say(`/start ${payload}`, USER_EN))).toEqual(welcome);
    },
  );

  it('builds the link to share', () => {
    expect(deepLink('apostille_helper_bot', faqPayload('what-is-apostille'))).toBe('https://t.me/apostille_helper_bot?start=faq_what-is-apostille');
  });
});
