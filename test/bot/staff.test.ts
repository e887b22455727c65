import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_LIMITS, Store } from '../../src/storage/store.ts';
import { ADMIN, buttonsOf, createTestBot, tempDir, USER_EN } from '../helpers/bot.ts';

const text = (call: Record<string, unknown> | undefined) => String(call?.text ?? '');
const sent = (calls: Record<string, unknown>[]) => calls.filter((c) => c.method === 'sendMessage');

describe('store', () => {
  it('many parallel writes lose nothing, and the file on disk has them all', async () => {
    const path = join(await tempDir(), 'store.json');
    const store = await Store.open(path);
    await Promise.all([
      ...Array.from({ length: 200 }, (_, i) => store.recordUnanswered(`question number ${i % 50}`, 'en', false)),
      ...Array.from({ length: 100 }, (_, i) => store.recordFeedback(i, 'what-is-apostille', i % 3 ? 'up' : 'down')),
      ...Array.from({ length: 100 }, (_, i) => store.recordQuestion(i % 2 ? 'fees' : undefined, '2026-11-29')),
      ...Array.from({ length: 50 }, (_, i) => store.sessions.user.write(String(1000 + i), { locale: 'zh' })),
    ]);
    await store.flush();
    const reopened = await Store.open(path);
    expect(await reopened.unanswered()).toHaveLength(50);
    expect((await reopened.unanswered()).every((q) => q.count === 4)).toBe(true);
    expect((await reopened.entryCounters())['what-is-apostille']).toMatchObject({ helpful: 66, unhelpful: 34 });
    expect((await reopened.dayCounters())['2026-11-29']).toEqual({ questions: 100, matched: 50 });
    expect(await reopened.sessions.user.read('1049')).toEqual({ locale: 'zh' });
    // What is stored about a question: its text and counts, never who asked.
    const file = await readFile(path, 'utf8');
    expect(Object.keys(JSON.parse(file).unanswered['question number 1'])).toEqual(['text', 'lang', 'firstSeen', 'lastSeen', 'count', 'lowConfidence']);
    expect(file).not.toMatch(/"1049":\s*"up"/);
  });

  it('stays bounded: old unanswered questions age out and the list is capped', async () => {
    const store = await Store.open(join(await tempDir(), 'store.json'));
    await store.recordUnanswered('very old question', 'en', false, new Date('2025-01-01T00:00:00Z'));
    const now = new Date('2026-11-29T00:00:00Z');
    for (let i = 0; i < STORE_LIMITS.unanswered + 20; i++) await store.recordUnanswered(`q${i}`, 'en', false, new Date(now.getTime() + i * 1000));
    const items = await store.unanswered();
    expect(items).toHaveLength(STORE_LIMITS.unanswered);
    expect(items.some((q) => q.text === 'very old question' || q.text === 'q0')).toBe(false);
  });
});

describe('feedback', () => {
  it('every answer carries 👍 / 👎; a press is recorded once per user and answered with a toast only', async () => {
    const { say, press, deps } = await createTestBot();
    const [answer] = sent(await say('what is an apostille'));
    const [up, down] = buttonsOf(answer).slice(-2);
    expect([up?.callback_data, down?.callback_data]).toEqual(['fb:what-is-apostille:up', 'fb:what-is-apostille:down']);

    let calls = await press(up!.callback_data);
    expect(calls).toEqual([expect.objectContaining({ method: 'answerCallbackQuery', text: 'Thank you for your feedback!' })]);
    calls = await press(down!.callback_data);
    expect(calls).toEqual([expect.objectContaining({ method: 'answerCallbackQuery', text: 'You have already rated this answer.' })]);
    await press(down!.callback_data, { ...USER_EN, id: 99 });
    expect((await deps.store.entryCounters())['what-is-apostille']).toMatchObject({ helpful: 1, unhelpful: 1 });
  });
});

describe('admin commands', () => {
  it('are the ordinary unknown command for everyone else', async () => {
    const { say } = await createTestBot();
    for (const command of ['/stats', '/unanswered', '/reload']) {
      const [reply] = sent(await say(command, USER_EN));
      expect(text(reply)).toContain("don't know that command");
    }
  });

  it('/stats: questions today and in 7 days, match rate, top entries with helpfulness, in the admin’s language', async () => {
    const { say, press } = await createTestBot({ today: '2026-11-29' });
    await say('what is an apostille');
    await say('what is an apostille?');
    await say('how do I cook rice');
    await press('fb:what-is-apostille:up');
    const [stats] = sent(await say('/stats', ADMIN));
    expect(text(stats)).toContain('今天的问题：3 个（已回答 2 个）');
    expect(text(stats)).toContain('匹配率 67%');
    expect(text(stats)).toContain('what-is-apostille：回答 2 次，👍 1 / 👎 0');
  });

  it('/unanswered lists the questions grouped as faq:gaps does, with counts, and attaches the full list as JSON', async () => {
    const { say, api } = await createTestBot();
    await say('how do I cook rice');
    await say('How do I cook rice?');
    await say('明天会下雨吗');
    api.clear();
    await say('/unanswered', { ...ADMIN, language_code: 'en' });
    const [list] = api.sent();
    expect(String(list?.payload.text)).toContain('2 unanswered questions in 2 groups, asked 3 times');
    expect(String(list?.payload.text)).toMatch(/1\. 2× asked, 1 question\(s\)[^\n]*\n[^\n]*\n {3}- how do I cook rice \(2×\)/);
    expect(String(list?.payload.text)).toContain('- 明天会下雨吗 (1×)');
    const [document] = api.sent('sendDocument');
    expect(document).toBeDefined();
  });

  it('/reload reloads now and reports', async () => {
    const { say } = await createTestBot();
    const [reply] = sent(await say('/reload', { ...ADMIN, language_code: 'en' }));
    expect(text(reply)).toMatch(/Data reloaded: \d+ FAQ entries, \d+ countries, \d+ document types/);
  });
});
