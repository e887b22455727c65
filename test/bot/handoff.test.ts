/** "Ask a person": user → staff chat (plain group and forum topics), staff → user, /close, /faq drafts, the 24 h limit. */
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HANDOFF_TTL_MS } from '../../src/storage/support-types.ts';
import { buttonsOf, createTestBot, USER_EN, USER_ZH, type TestBot } from '../helpers/bot.ts';

const STAFF_CHAT = -100_777;
const STAFF = { id: 9001, is_bot: false, first_name: 'Li', language_code: 'en' };
let nextUpdate = 900_000;
let nextStaffMessage = 5000;
const MESSAGE_METHODS = new Set(['sendMessage', 'sendDocument', 'sendPhoto', 'copyMessage']);

/** A staff member's message in the staff chat: a reply to one of the bot's messages, and/or in a topic. */
function staffMessage(content: Record<string, unknown>, where: { replyTo?: number; topic?: number } = {}): Update {
  const message_id = nextStaffMessage++;
  const text = typeof content.text === 'string' ? content.text : undefined;
  const command = text ? /^\/\w+/.exec(text) : null;
  return {
    update_id: nextUpdate++,
    message: {
      message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: STAFF_CHAT, type: 'supergroup', title: 'Staff', ...(where.topic ? { is_forum: true } : {}) },
      from: STAFF,
      ...(where.replyTo ? { reply_to_message: { message_id: where.replyTo, date: 0, chat: { id: STAFF_CHAT, type: 'supergroup', title: 'Staff' }, from: { id: 1000, is_bot: true, first_name: 'Bot' }, text: '…' } } : {}),
      ...(where.topic ? { message_thread_id: where.topic, is_topic_message: true } : {}),
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...content,
    },
  } as unknown as Update;
}

async function asStaff(tb: TestBot, update: Update): Promise<Record<string, unknown>[]> {
  const before = tb.api.calls.length;
  await tb.bot.handleUpdate(update);
  return tb.api.calls.slice(before).map((c) => ({ method: c.method, ...c.payload }));
}

/** The messages sent to a chat (not other calls about it, such as getChat). */
const toChat = (calls: Record<string, unknown>[], chatId: number) => calls.filter((c) => c.chat_id === chatId && MESSAGE_METHODS.has(String(c.method)));
/** The message id the local API gave a call: they count up from 1 over the calls that make a message. */
function idOf(tb: TestBot, call: Record<string, unknown>): number {
  const made = tb.api.calls.filter((c) => MESSAGE_METHODS.has(c.method));
  const index = made.findIndex((c) => c.method === call.method && c.payload.chat_id === call.chat_id && c.payload.text === call.text);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('ask a person: plain staff group', () => {
  it('the user reaches staff with their context; staff replies reach the user; /faq saves a draft; /close ends it', async () => {
    const tb = await createTestBot({ staffChatId: STAFF_CHAT });
    const [answer] = await tb.say('what is an apostille');
    expect(buttonsOf(answer).map((b) => b.callback_data)).toEqual(expect.arrayContaining(['fb:what-is-apostille:up', 'hum']));

    const calls = await tb.say('/human My degree certificate was rejected by the embassy in Rome');
    const [card] = toChat(calls, STAFF_CHAT);
    expect(String(card?.text)).toContain('Ann');
    expect(String(card?.text)).toContain('id 42');
    expect(String(card?.text)).toContain('Language: en');
    expect(String(card?.text)).toContain('Last question to the bot: what is an apostille');
    expect(String(card?.text)).toMatch(/Bot's answer: What is an apostille\? An apostille \(/);
    expect(String(card?.text)).toContain('My degree certificate was rejected by the embassy in Rome');
    expect(String(toChat(calls, USER_EN.id)[0]?.text)).toContain('A person will answer here');

    // A staff reply to the card reaches the user, in the user's language.
    const cardId = idOf(tb, card!);
    const staffAnswer = staffMessage({ text: 'Was it apostilled in China first? Please send a scan.' }, { replyTo: cardId });
    const delivered = await asStaff(tb, staffAnswer);
    expect(delivered).toEqual([expect.objectContaining({ method: 'sendMessage', chat_id: USER_EN.id, text: expect.stringContaining('Answer from our staff') })]);
    expect(String(delivered[0]?.text)).toContain('Was it apostilled in China first? Please send a scan.');

    // While the thread is open the user's messages go to staff, not to the bot's answers.
    const relayed = await tb.say('what is an apostille, and yes it was');
    expect(toChat(relayed, USER_EN.id)).toEqual([]);
    expect(String(toChat(relayed, STAFF_CHAT)[0]?.text)).toContain('what is an apostille, and yes it was');

    // A photo in reply to the relayed message goes to the user as a photo.
    const photo = await asStaff(tb, staffMessage({ photo: [{ file_id: 'small', file_unique_id: 's', width: 90, height: 90 }, { file_id: 'big', file_unique_id: 'b', width: 900, height: 900 }], caption: 'Like this <one>' }, { replyTo: idOf(tb, toChat(relayed, STAFF_CHAT)[0]!) }));
    expect(photo).toEqual([expect.objectContaining({ method: 'sendPhoto', chat_id: USER_EN.id, photo: 'big', caption: expect.stringContaining('Like this &lt;one&gt;') })]);

    // /faq as a reply to the staff answer: a draft with the user's question and the answer; data/faq.json untouched.
    const [saved] = await asStaff(tb, staffMessage({ text: '/faq' }, { replyTo: staffAnswer.message!.message_id }));
    expect(String(saved?.text)).toMatch(/Saved as FAQ draft d[0-9a-f]{8}/);
    expect(await tb.deps.store.support.faqDrafts()).toEqual([
      expect.objectContaining({ question: 'My degree certificate was rejected by the embassy in Rome', answer: 'Was it apostilled in China first? Please send a scan.', lang: 'en', author: 'Li', status: 'pending' }),
    ]);
    const [notAnAnswer] = await asStaff(tb, staffMessage({ text: '/faq' }, { replyTo: cardId }));
    expect(String(notAnAnswer?.text)).toContain('as a reply to an answer you gave');

    // Staff talking among themselves: nothing happens.
    expect(await asStaff(tb, staffMessage({ text: 'who takes this one?' }))).toEqual([]);

    const closed = await asStaff(tb, staffMessage({ text: '/close' }, { replyTo: cardId }));
    expect(String(toChat(closed, USER_EN.id)[0]?.text)).toContain('The staff closed this conversation');
    expect(String(toChat(closed, STAFF_CHAT)[0]?.text)).toContain('Conversation closed');
    const after = await tb.say('what is an apostille');
    expect(String(toChat(after, USER_EN.id)[0]?.text)).toContain('An apostille');
    expect(toChat(after, STAFF_CHAT)).toEqual([]);
  });

  it('"Ask a person" under a fallback asks for the message, and the next one goes to staff; a thread ends by itself after 24 h', async () => {
    const tb = await createTestBot({ staffChatId: STAFF_CHAT });
    const [fallback] = await tb.say('怎么做红烧肉', USER_ZH);
    expect(buttonsOf(fallback).at(-1)).toMatchObject({ text: '🙋 转人工', callback_data: 'hum' });
    const prompt = await tb.press('hum', USER_ZH);
    expect(String(prompt.find((c) => c.method === 'sendMessage')?.text)).toContain('你想问工作人员什么');
    const handed = await tb.say('我的公证书被退回了，怎么办？', USER_ZH);
    expect(String(toChat(handed, STAFF_CHAT)[0]?.text)).toContain('我的公证书被退回了');
    expect(String(toChat(handed, STAFF_CHAT)[0]?.text)).toContain('Last question to the bot: 怎么做红烧肉');
    expect(String(toChat(handed, USER_ZH.id)[0]?.text)).toContain('已转给工作人员');

    const thread = (await tb.deps.store.support.thread(USER_ZH.id))!;
    await tb.deps.store.support.saveThread({ ...thread, lastActivity: Date.now() - HANDOFF_TTL_MS - 1000 });
    const later = await tb.say('什么是附加证明书', USER_ZH);
    expect(toChat(later, STAFF_CHAT)).toEqual([]);
    expect(String(toChat(later, USER_ZH.id)[0]?.text)).toContain('附加证明书');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('an open thread outlives the 10-minute follow-up context, and "Ask a person" pressed an hour later still sends the last exchange', async () => {
    const tb = await createTestBot({ staffChatId: STAFF_CHAT });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    await tb.say('what is an apostille');
    vi.setSystemTime(Date.now() + 60 * 60_000);
    await tb.press('hum');
    const [card] = toChat(await tb.say('Still here?'), STAFF_CHAT);
    expect(String(card?.text)).toContain('Last question to the bot: what is an apostille');
    vi.setSystemTime(Date.now() + 2 * 60 * 60_000);
    const later = await tb.say('Any news?');
    expect(String(toChat(later, STAFF_CHAT)[0]?.text)).toContain('Any news?');
    expect(toChat(later, USER_EN.id)).toEqual([]);
  });

  it('without a staff chat there is no button, and /human says so politely', async () => {
    const tb = await createTestBot();
    const [answer] = await tb.say('what is an apostille');
    expect(buttonsOf(answer).map((b) => b.callback_data)).not.toContain('hum');
    const [reply] = await tb.say('/human hello');
    expect(String(reply?.text)).toContain('not available');
  });
});

describe('ask a person: forum staff group', () => {
  it('each user gets one topic, reused; staff write in the topic; /close in the topic', async () => {
    const tb = await createTestBot({ staffChatId: STAFF_CHAT });
    let topics = 77;
    tb.api.answer = ({ method, payload }) => {
      if (method === 'getChat') return { id: payload.chat_id, type: 'supergroup', title: 'Staff', is_forum: true };
      if (method === 'createForumTopic') return { message_thread_id: topics++, name: payload.name, icon_color: 0 };
      return undefined;
    };
    const first = await tb.say('/human Which office apostilles in Shanghai?');
    expect(first.filter((c) => c.method === 'createForumTopic')).toEqual([expect.objectContaining({ chat_id: STAFF_CHAT, name: 'Ann · 42' })]);
    expect(toChat(first, STAFF_CHAT).find((c) => c.method === 'sendMessage')).toMatchObject({ message_thread_id: 77 });

    const delivered = await asStaff(tb, staffMessage({ text: 'The Shanghai Foreign Affairs Office.' }, { topic: 77 }));
    expect(delivered).toEqual([expect.objectContaining({ method: 'sendMessage', chat_id: USER_EN.id, text: expect.stringContaining('The Shanghai Foreign Affairs Office.') })]);

    const closed = await asStaff(tb, staffMessage({ text: '/close' }, { topic: 77 }));
    expect(String(toChat(closed, USER_EN.id)[0]?.text)).toContain('closed this conversation');

    const again = await tb.say('/human One more question about Beijing');
    expect(again.filter((c) => c.method === 'createForumTopic')).toEqual([]);
    expect(toChat(again, STAFF_CHAT).find((c) => c.method === 'sendMessage')).toMatchObject({ message_thread_id: 77, text: expect.stringContaining('One more question about Beijing') });
    // Another user gets a topic of their own.
    const other = await tb.say('/human 你好', USER_ZH);
    expect(other.filter((c) => c.method === 'createForumTopic')).toHaveLength(1);
  });
});
