/**
 * Issue 11, problem 6 (the gate half): in a group the bot reads only what is addressed
 * to it. Before, the rule lived in the Q&A feature alone, so a /check wizard waiting for
 * a typed document answered "lunch at noon anyone?" with "I don't know the document…",
 * and every group line counted against the sender's rate limit.
 */
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { LOCAL_BOT_INFO } from '../../src/bot/local-api.ts';
import { entitiesOf } from '../../src/bot/updates.ts';
import { buttonsOf, createTestBot } from '../helpers/bot.ts';

const GROUP = { id: -100123, type: 'supergroup' as const, title: 'Exporters' };
const ANN = { id: 42, is_bot: false, first_name: 'Ann', language_code: 'en' };
const BOB = { id: 77, is_bot: false, first_name: 'Bob', language_code: 'en' };
let updateId = 5000;
let messageId = 1;

function groupText(from: typeof ANN, text: string, extra: Record<string, unknown> = {}): Update {
  const entities = entitiesOf(text);
  return {
    update_id: updateId++,
    message: {
      message_id: messageId++,
      date: 0,
      chat: GROUP,
      from,
      text,
      ...(entities.length ? { entities } : {}),
      ...extra,
    },
  } as Update;
}

function groupPress(from: typeof ANN, data: string, onMessage: number): Update {
  return {
    update_id: updateId++,
    callback_query: { id: String(updateId), chat_instance: 'g', from, data, message: { message_id: onMessage, date: 0, chat: GROUP, text: '' } },
  } as Update;
}

const replyToBot = (botMessageId: number) => ({
  reply_to_message: { message_id: botMessageId, date: 0, chat: GROUP, from: { id: LOCAL_BOT_INFO.id, is_bot: true, first_name: 'Apostille Helper' }, text: 'x' },
});

async function groupBot() {
  const test = await createTestBot({ runtime: { rateLimit: { limit: 5, windowMs: 60_000 } } });
  const send = async (update: Update) => {
    const before = test.api.calls.length;
    await test.bot.handleUpdate(update);
    return test.api.calls.slice(before).map((c): Record<string, unknown> => ({ method: c.method, ...c.payload }));
  };
  return { ...test, send };
}

describe('one "addressed to me" gate in groups', () => {
  it('a wizard waiting for a typed document ignores unrelated group lines and takes a reply to its prompt', async () => {
    const { send } = await groupBot();
    const [prompt] = await send(groupText(ANN, '/check'));
    expect(String(prompt?.text)).toContain('(1/4)');
    const press = async (label: RegExp, call: Record<string, unknown> | undefined) => {
      const data = buttonsOf(call).find((b) => label.test(b.text))!.callback_data;
      return (await send(groupPress(ANN, data, 1))).find((c) => c.method === 'editMessageText');
    };
    const kinds = await press(/Chinese document/, prompt);
    const documents = await press(/Commercial/, kinds);
    expect(String(documents?.text)).toContain('(3/4)');

    expect(await send(groupText(ANN, 'lunch at noon anyone?'))).toEqual([]);
    expect(await send(groupText(BOB, 'sure, 12:30 downstairs'))).toEqual([]);
    expect(await send(groupText(ANN, '/country@some_other_bot Germany'))).toEqual([]);

    const chosen = await send(groupText(ANN, 'certificate of origin', replyToBot(1)));
    expect(String(chosen[0]?.text)).toContain('Certificate of origin');
    expect(String(chosen[1]?.text)).toContain('(4/4)');
    // A mention works too, and the mention is not read as part of the answer.
    const verdict = await send(groupText(ANN, `@${LOCAL_BOT_INFO.username} Germany`));
    expect(String(verdict[0]?.text)).toContain('✅ Apostille');
  });

  it('commands meant for the bot pass: /cmd and /cmd@this_bot', async () => {
    const { send } = await groupBot();
    expect(String((await send(groupText(ANN, '/country Germany')))[0]?.text)).toContain('Germany');
    expect(String((await send(groupText(ANN, `/country@${LOCAL_BOT_INFO.username} Japan`)))[0]?.text)).toContain('Japan');
  });

  it('a sticker or photo nobody addressed to the bot gets no "send me text" hint', async () => {
    const { send } = await groupBot();
    const sticker = { update_id: updateId++, message: { message_id: messageId++, date: 0, chat: GROUP, from: ANN, sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } } as Update;
    expect(await send(sticker)).toEqual([]);
  });

  it("the group's own conversation does not count against a member's rate limit", async () => {
    const { send } = await groupBot();
    for (let i = 0; i < 12; i++) expect(await send(groupText(ANN, `chatting ${i}`))).toEqual([]);
    const answer = await send(groupText(ANN, `@${LOCAL_BOT_INFO.username} what is an apostille`));
    expect(String(answer[0]?.text)).toContain('An apostille');
  });

  it('an e-mail address at the bot\'s name is not a mention (Telegram marks it as an e-mail); a real mention still is', async () => {
    const { send } = await groupBot();
    expect(await send(groupText(ANN, `write to sales@${LOCAL_BOT_INFO.username}.com about the invoice`))).toEqual([]);
    const answer = await send(groupText(ANN, `what is an apostille @${LOCAL_BOT_INFO.username}`));
    expect(String(answer[0]?.text)).toContain('An apostille');
  });

  it('an anonymous admin (sent as the group) gets the one-line /check, not a wizard all anonymous admins would share', async () => {
    const { send } = await groupBot();
    const anonymous = { id: 1087968824, is_bot: true, first_name: 'Group', language_code: 'en' };
    const [reply] = await send(groupText(anonymous, '/check', { sender_chat: GROUP }));
    expect(String(reply?.text)).toContain('anonymous admin');
    expect(String(reply?.text)).toContain('/check certificate of origin Germany');
    expect(buttonsOf(reply)).toEqual([]);
    const [verdict] = await send(groupText(anonymous, '/check certificate of origin Germany', { sender_chat: GROUP }));
    expect(String(verdict?.text)).toContain('✅ Apostille');
  });
});
