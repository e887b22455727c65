import { describe, expect, it } from 'vitest';
import { buttonsOf, createTestBot, USER_EN, USER_ZH } from '../helpers/bot.ts';

const messages = (calls: Record<string, unknown>[]) => calls.filter((c) => c.method === 'sendMessage');
const allText = (calls: Record<string, unknown>[]) => messages(calls).map((c) => String(c.text ?? '')).join('\n');

describe('the bot answers the case the message describes', () => {
  it('a US document coming into China: the US apostille, no Chinese notary or foreign affairs office', async () => {
    const { say } = await createTestBot();
    const calls = await say('Our US parent in Delaware sent a certificate of good standing + board resolution for our WFOE registration in Shanghai. Do we take them to a Shanghai notary and the Shanghai FAO to get them apostilled?', USER_EN);
    const reply = allText(calls);
    expect(reply).toContain('into mainland China');
    expect(reply).toMatch(/apostille from United States, where its competent authority issues it/);
    expect(reply).not.toMatch(/Have a Chinese notary office/);
    expect(reply).not.toMatch(/Apply for the apostille at the Ministry of Foreign Affairs/);
    expect(buttonsOf(messages(calls).at(-1)).some((b) => b.callback_data?.startsWith('vrd:') && b.callback_data.includes(':US:t:'))).toBe(true);
  });

  it('a Hong Kong document for the mainland: the China-Appointed Attesting Officer, not the High Court apostille', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('香港公司的注册证书（CI）要拿去深圳银行开户，是不是去香港高等法院办个附加证明书就行？', USER_ZH));
    expect(reply).toMatch(/中国委托公证人/);
    expect(reply).toMatch(/中国法律服务（香港）有限公司/);
    expect(reply).not.toMatch(/每份125港元/);
  });

  it('a Taiwan document for the mainland: the 1993 cross-strait route through the SEF', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('Our parent company is in Taipei. Can they just get an apostille on the board resolution for our subsidiary in Kunshan?', USER_EN));
    expect(reply).toMatch(/Straits Exchange Foundation/);
    expect(reply).toMatch(/Taiwan region/);
    expect(reply).not.toMatch(/Taiwan is a party/i);
  });

  it('India into China: legalisation at the Chinese embassy in India, whatever the partner says', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('Our JV partner in Mumbai is sending a board resolution for use in Tianjin. They say India is in the apostille convention so an Indian apostille is fine. ok?', USER_EN));
    expect(reply).toContain('Consular legalisation still needed');
    expect(reply).toMatch(/Chinese embassy or consulate in India/);
    expect(reply).not.toMatch(/embassy or consulate of India in China/);
  });

  it('a past date: the route of that time, with the date the Convention began', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('2023年8月我们寄去西班牙的授权书，当时走的是外办+西班牙使馆双认证，客户问为什么没做海牙认证？', USER_ZH));
    expect(reply).toContain('仍需办理领事认证');
    expect(reply).toContain('2023年11月7日');
    expect(reply).not.toContain('办理附加证明书即可');
  });

  it('an off-topic trade question gets the out-of-scope reply, not a verdict card', async () => {
    const { say } = await createTestBot();
    const calls = await say('原产地证书第5栏运输方式和路线应该怎么填？', USER_ZH);
    expect(allText(calls)).toContain('回答范围以外的外贸问题');
    expect(buttonsOf(messages(calls).at(-1)).some((b) => b.callback_data?.startsWith('vrd:'))).toBe(false);
  });

  it('the asked facet comes first: how long at the MFA, in Cantonese, gets a Traditional reply with the working days', async () => {
    const { say } = await createTestBot();
    const reply = allText(await say('喺外交部整apostille要幾耐？', USER_ZH));
    expect(reply).toMatch(/第4個工作日/);
    expect(reply).toMatch(/附加證明書/);
  });

  it('"where" for a writer in a province: its own entry when it has one (Wuxi → Jiangsu), and never Hong Kong\'s High Court for a Shenzhen company', async () => {
    const { say } = await createTestBot();
    const wuxi = allText(await say("we're based in Wuxi, where exactly do we hand in our notarised POA for the apostille? do we need to book?", USER_EN));
    expect(wuxi).toMatch(/Jiangsu/);
    expect(wuxi).toMatch(/appointment/);
    const shenzhen = allText(await say('我们公司在深圳，去哪里办附加证明书？', USER_ZH));
    expect(shenzhen).toContain('广东');
    expect(shenzhen).not.toMatch(/高等法院|125港元/);
  });
});

