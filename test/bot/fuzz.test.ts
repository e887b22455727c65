/**
 * Fuzzing with fast-check: thousands of generated updates through the real bot.
 * Whatever comes in, no update fails, every text sent fits Telegram's limit and
 * is well-formed HTML with the user's text escaped, and no button carries more
 * than 64 bytes of callback data.
 */
import fc from 'fast-check';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/bot.ts';

const ALLOWED_TAGS = new Set(['b', 'i', 'u', 's', 'a', 'code', 'pre', 'blockquote']);

/** Problems with a text as Telegram's HTML parser would see them. */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const pattern = /<(\/?)([a-z]+)((?:\s+[a-z]+="[^"<>]*")*)\s*>|&(?:amp|lt|gt|quot|#\d+);|[<>&]/g;
  for (const match of html.matchAll(pattern)) {
    const [token, slash, tag] = match;
    if (!tag) {
      if (token.length === 1) problems.push(`unescaped ${token} at ${match.index}`);
      continue;
    }
    if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}>`);
    if (!slash) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`unbalanced </${tag}>`);
  }
  if (stack.length) problems.push(`unclosed <${stack.join('><')}>`);
  return problems;
}

const hostile = fc.constantFrom('<script>alert(1)</script>', '<b>bold', '</a>', '&amp;', '& < > "', '\u202Eevil\u202C', '\u0000\u0007\u001b[31m', '👍🏽🇨🇳', 'مرحبا بالعالم', '附加证明书<i>', 'apostille &lt;', '/start', '/check <b>x</b> 德国');
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 30 }), hostile, fc.string({ maxLength: 30 })).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(10_000), '附'.repeat(10_000), '<b>'.repeat(3000)) },
);
const command = fc.tuple(fc.constantFrom('/start', '/help', '/lang', '/check', '/country', '/stats', '/unanswered', '/reload', '/nope'), text).map(([c, t]) => `${c} ${t}`);
const callbackData = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom('lang:menu', 'lang:set:zh', 'lang:set:xx', 'faq:what-is-apostille:en', 'faq:nope:zh', 'chk:new', 'chk:abcdef:dir:from_china', 'fb:fees:up', 'fb:fees:sideways'),
);
const userId = fc.integer({ min: 1, max: 50 });
const languageCode = fc.constantFrom(undefined, 'en', 'zh', 'zh-hant', 'zh-HK', 'ru', 'ar');

let updateId = 1;
const user = (id: number, language_code?: string) => ({ id, is_bot: false, first_name: 'F', ...(language_code ? { language_code } : {}) });
const chat = (id: number) => ({ id, type: 'private' as const, first_name: 'F' });

const update: fc.Arbitrary<Update> = fc.oneof(
  fc.tuple(userId, languageCode, fc.oneof(text, command)).map(([id, lc, t]) => {
    const entity = /^\/\w+/.exec(t);
    return { update_id: updateId++, message: { message_id: updateId, date: 0, chat: chat(id), from: user(id, lc), text: t, ...(entity ? { entities: [{ type: 'bot_command', offset: 0, length: entity[0].length }] } : {}) } } as Update;
  }),
  fc.tuple(userId, languageCode, callbackData).map(([id, lc, data]) => ({ update_id: updateId++, callback_query: { id: String(updateId), chat_instance: 'c', from: user(id, lc), data, message: { message_id: 1, date: 0, chat: chat(id), text: 'old' } } }) as Update),
  fc.tuple(userId, text).map(([id, t]) => ({ update_id: updateId++, edited_message: { message_id: 1, date: 0, edit_date: 1, chat: chat(id), from: user(id), text: t } }) as Update),
  fc.tuple(userId).map(([id]) => ({ update_id: updateId++, message: { message_id: updateId, date: 0, chat: chat(id), from: user(id), sticker: { file_id: 'x', type: 'regular' } } }) as unknown as Update),
  fc.constant({ update_id: 0, poll: { id: 'p', question: 'q', options: [], total_voter_count: 0, is_closed: false } } as unknown as Update).map((u) => ({ ...u, update_id: updateId++ })),
  fc.constant({ update_id: 0, my_chat_member: { chat: chat(3), from: user(3), date: 0 } } as unknown as Update).map((u) => ({ ...u, update_id: updateId++ })),
);

describe('fuzzing the bot with generated updates', () => {
  it('never fails, and everything it sends is within Telegram’s limits and well-formed', async () => {
    const { bot, api } = await createTestBot({ runtime: { rateLimit: false } });
    await fc.assert(
      fc.asyncProperty(update, async (u) => {
        api.clear();
        await bot.handleUpdate(u);
        for (const { method, payload } of api.calls) {
          const sentText = payload.text ?? payload.caption;
          if (typeof sentText === 'string') {
            expect(sentText.length, method).toBeLessThanOrEqual(4096);
            expect(sentText).not.toContain('Sorry, something went wrong');
            expect(sentText).not.toContain('出了点问题');
            if (method === 'sendMessage' || method === 'editMessageText') {
              expect(payload.parse_mode, method).toBe('HTML');
              expect(htmlProblems(sentText), sentText.slice(0, 300)).toEqual([]);
            }
          }
          const keyboard = (payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
          for (const b of keyboard.flat()) expect(Buffer.byteLength(b.callback_data ?? '')).toBeLessThanOrEqual(64);
        }
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  }, 120_000);

  it('the HTML checker itself catches what it should', () => {
    expect(htmlProblems('<b>ok</b> &amp; <a href="https://x">y</a>')).toEqual([]);
    expect(htmlProblems('<b>x')).toEqual(['unclosed <b>']);
    expect(htmlProblems('a < b')).toEqual(['unescaped < at 2']);
    expect(htmlProblems('<script>')).toContain('tag <script>');
  });
});
