import { describe, expect, it } from 'vitest';
import { buttonsOf, createTestBot, USER_EN, USER_ZH } from '../helpers/bot.ts';

const text = (call: Record<string, unknown> | undefined) => String(call?.text ?? '');
const messages = (calls: Record<string, unknown>[]) => calls.filter((c) => c.method === 'sendMessage');
const allText = (calls: Record<string, unknown>[]) => messages(calls).map(text).join('\n');

describe('exporters’ real messages in the chat', () => {
  it('India + certificate of origin: legalisation, never a plain yes, with the full verdict card behind a button', async () => {
    const { say, press } = await createTestBot();
    const calls = await say('india customer need our certificate of origin legalised, apostille ok?', USER_EN);
    const reply = allText(calls);
    expect(reply).toContain('Consular legalisation still needed');
    expect(reply).toMatch(/India objected/);
    expect(reply).not.toMatch(/^Yes\b/m);
    const card = buttonsOf(messages(calls).at(-1)).find((b) => b.callback_data.startsWith('vrd:'));
    expect(card?.callback_data).toBe('vrd:certificate-of-origin:IN:f:en');
    const cardText = allText(await press(card!.callback_data, USER_EN));
    expect(cardText).toContain('Why');
    expect(cardText).toContain('Sources');
  });

  it('Canada: apostille since 2024-01-11', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('加拿大客户要我们的CO认证 加拿大是不是缔约国啊', USER_ZH));
    expect(reply).toContain('办理附加证明书即可');
    expect(reply).toContain('2024-01-11');
  });

  it('a Suzhou company asking where to apply gets the MFA or the Jiangsu office, not Hong Kong', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('附加证明书在哪里办啊？我们公司在苏州', USER_ZH));
    expect(reply).toMatch(/外交部/);
    expect(reply).not.toMatch(/高等法院|HK\$|125港元/);
  });

  it('a context-heavy message is still answered (city, customer, deadline)', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('我们在宁波，客户在巴西，营业执照要办海牙认证吗？多久能办好', USER_ZH));
    expect(reply).toContain('巴西');
    expect(reply).toContain('办理附加证明书即可');
    expect(reply).toMatch(/工作日/);
  });

  it('你好 gets a greeting with topic buttons, thanks gets a reply, not the “no reliable answer” text', async () => {
    const { say } = await createTestBot();
    const [hello] = messages(await say('你好', USER_ZH));
    expect(text(hello)).toContain('您好');
    expect(text(hello)).not.toContain('没有找到可靠的答案');
    expect(buttonsOf(hello).length).toBeGreaterThan(0);
    const [thanks] = messages(await say('thx bro', USER_EN));
    expect(text(thanks)).toContain('welcome');
    const [help] = messages(await say('?', USER_EN));
    expect(text(help)).toContain('Just type your question');
  });

  it('off-topic trade questions get a polite out-of-scope reply that says what we cover', async () => {
    const { say } = await createTestBot();
    expect(allText(await say('hs code for lithium battery pls', USER_EN))).toContain('trade question outside what I cover');
    expect(allText(await say('到汉堡的海运费现在多少一个柜啊', USER_ZH))).toContain('回答范围以外的外贸问题');
  });

  it('那印度呢？ after a certificate-of-origin question answers for India; the context is per user', async () => {
    const { say } = await createTestBot();
    await say('加拿大客户要我们的CO认证 加拿大是不是缔约国啊', USER_ZH);
    const reply = allText(await say('那印度呢？', USER_ZH));
    expect(reply).toContain('印度');
    expect(reply).toContain('仍需办理领事认证');
    expect(reply).toContain('原产地证书');
    // Another user has no previous question: the same words are no follow-up for them.
    const other = allText(await say('那印度呢？', { ...USER_ZH, id: 99 }));
    expect(other).not.toContain('原产地证书');
  });

  it('two questions in one message get both answers', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('附加证明书有有效期吗？外交部办要几天？', USER_ZH));
    expect(reply).toMatch(/有效期/);
    expect(reply).toMatch(/第4个工作日|4个工作日|第四个工作日/);
  });
});
