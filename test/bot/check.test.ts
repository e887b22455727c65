import { describe, expect, it } from 'vitest';
import { buttonsOf, createTestBot, USER_EN, USER_ZH } from '../helpers/bot.ts';

const text = (call: Record<string, unknown> | undefined) => String(call?.text ?? '');
const find = (calls: Record<string, unknown>[], method: string) => calls.filter((c) => c.method === method);
const button = (call: Record<string, unknown> | undefined, label: RegExp) => {
  const found = buttonsOf(call).find((b) => label.test(b.text));
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(buttonsOf(call).map((b) => b.text))}`);
  return found.callback_data;
};

describe('/check wizard', () => {
  it('direction → kind → document → country → verdict card, all by buttons', async () => {
    const { say, press } = await createTestBot();
    const [prompt] = find(await say('/check'), 'sendMessage');
    expect(text(prompt)).toContain('(1/4)');
    for (const b of buttonsOf(prompt)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);

    let calls = await press(button(prompt, /Chinese document/));
    expect(calls[0]?.method).toBe('answerCallbackQuery');
    const groups = find(calls, 'editMessageText')[0];
    expect(text(groups)).toContain('(2/4)');

    calls = await press(button(groups, /Commercial/));
    const documents = find(calls, 'editMessageText')[0];
    expect(text(documents)).toContain('(3/4)');
    expect(buttonsOf(documents).map((b) => b.text)).toContain('Certificate of origin (CCPIT)');

    calls = await press(button(documents, /Certificate of origin/));
    const countries = find(calls, 'editMessageText')[0];
    expect(text(countries)).toContain('(4/4)');
    expect(buttonsOf(countries).map((b) => b.text)).toEqual(expect.arrayContaining(['Germany', 'India', 'Hong Kong SAR']));

    calls = await press(button(countries, /^Germany$/));
    const [card] = find(calls, 'sendMessage');
    expect(text(card)).toContain('✅ Apostille');
    expect(text(card)).toContain('Certificate of origin (CCPIT)');
    expect(text(card)).toContain('Ministry of Foreign Affairs');
    expect(text(card)).toMatch(/<a href="https:\/\/www\.hcch\.net/);
    expect(buttonsOf(card).map((b) => b.callback_data).slice(0, 2)).toEqual(['sub:DE', 'chk:new']);
  });

  it('accepts typed document and country names, with suggestions when unsure', async () => {
    const { say, press } = await createTestBot();
    const [prompt] = find(await say('/check', USER_ZH), 'sendMessage');
    const groups = find(await press(button(prompt, /外国文件/), USER_ZH), 'editMessageText')[0];
    await press(button(groups, /个人/), USER_ZH);
    let calls = await say('出生证明', USER_ZH);
    expect(text(calls[0])).toContain('已选择：出生证明');
    expect(text(calls[1])).toContain('（4/4）');
    calls = await say('纳尼亚', USER_ZH);
    expect(text(calls[0])).toContain('我不确定“纳尼亚”是哪个地方');
    expect(buttonsOf(calls[0]).map((b) => b.text)).toContain('肯尼亚');
    calls = await say('亚特兰蒂斯', USER_ZH);
    expect(text(calls[0])).toContain('我不认识国家“亚特兰蒂斯”');
    expect(buttonsOf(calls[0]).length).toBeGreaterThan(2);
    calls = await say('德國', USER_ZH);
    expect(text(calls[0])).toContain('✅ 办理附加证明书即可');
    expect(text(calls[0])).toContain('德国的文件在中国内地使用');
    // The wizard is over: the next text is a question again.
    calls = await say('什么是附加证明书', USER_ZH);
    expect(text(calls[0])).toContain('附加证明书（Apostille');
  });

  it('back and cancel', async () => {
    const { say, press } = await createTestBot();
    const [prompt] = find(await say('/check'), 'sendMessage');
    const groups = find(await press(button(prompt, /Foreign document/)), 'editMessageText')[0];
    const back = find(await press(button(groups, /Back/)), 'editMessageText')[0];
    expect(text(back)).toContain('(1/4)');
    const cancelled = find(await press(button(back, /Cancel/)), 'editMessageText')[0];
    expect(text(cancelled)).toContain('cancelled');
    // Cancelled: typed text is a question again, not a wizard answer.
    const calls = await say('invoice');
    expect(text(calls[0])).not.toContain('Selected');
  });

  it('an old button after a restart, or from an earlier run, gets a polite "start again"', async () => {
    const first = await createTestBot();
    const [prompt] = find(await first.say('/check'), 'sendMessage');
    const oldButton = button(prompt, /Chinese document/);
    await first.deps.store.flush();
    // A new run replaces the old one; the old button is stale.
    await first.say('/check');
    let calls = await first.press(oldButton);
    expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery', text: expect.stringContaining('expired') });
    expect(text(find(calls, 'sendMessage')[0])).toContain('/check');

    const restarted = await import('../helpers/bot.ts').then((m) => m.createTestBot({ storePath: `${first.storePath}.other` }));
    calls = await restarted.press(oldButton);
    expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery', text: expect.stringContaining('expired') });
  });

  it('the wizard survives a restart: state is kept in the store', async () => {
    const first = await createTestBot();
    const [prompt] = find(await first.say('/check'), 'sendMessage');
    const groups = find(await first.press(button(prompt, /Chinese document/)), 'editMessageText')[0];
    await first.deps.store.flush();
    const second = await createTestBot({ storePath: first.storePath });
    const calls = await second.press(button(groups, /Company/));
    expect(text(find(calls, 'editMessageText')[0])).toContain('(3/4)');
  });
});

describe('/check in one line and /country', () => {
  it.each([
    ['/check 原产地证书 德国', '✅ 办理附加证明书即可', '中国文件送往德国使用'],
    ['/check certificate of origin Germany', '✅ Apostille', 'Chinese document used in Germany'],
    ['/check 授权委托书 印度', '🏛 仍需办理领事认证', '印度于2023年9月8日对中国加入公约提出异议'],
    ['/check customs declaration Japan', '⛔ Not covered', 'Article 1(3)(b)'],
    ['/check birth certificate from Hong Kong to China', '↔️ Not an apostille matter', 'China-Appointed Attesting Officer'],
    ['/check moonrock permit Germany', '❓ I could not check this', 'I do not know the document'],
    ['/check 營業執照 越南', '✅ 辦理附加證明書即可', '越南'],
  ])('%s', async (command, headline, detail) => {
    const { say } = await createTestBot();
    const [card] = find(await say(command, USER_EN), 'sendMessage');
    expect(text(card)).toContain(headline);
    expect(text(card)).toContain(detail);
    expect(text(card).length).toBeLessThanOrEqual(4096);
  });

  it('the verdict depends on the date: Viet Nam before and after 11 September 2026', async () => {
    const before = await createTestBot({ today: '2026-09-10' });
    expect(text(find(await before.say('/check invoice Viet Nam'), 'sendMessage')[0])).toContain('Consular legalisation still needed');
    const after = await createTestBot({ today: '2026-09-11' });
    expect(text(find(await after.say('/check invoice Viet Nam'), 'sendMessage')[0])).toContain('✅ Apostille');
  });

  it('/country shows a status card, in the language typed', async () => {
    const { say } = await createTestBot();
    const [india] = find(await say('/country 印度', USER_EN), 'sendMessage');
    expect(text(india)).toContain('印度');
    expect(text(india)).toContain('印度对中国加入提出异议');
    const [uae] = find(await say('/country UAE'), 'sendMessage');
    expect(text(uae)).toContain('not a party');
    expect(text(uae)).toContain('HCCH data does not support it');
    const [none] = find(await say('/country Atlantis'), 'sendMessage');
    expect(text(none)).toContain('I don\'t know the country');
    const [usage] = find(await say('/country'), 'sendMessage');
    expect(text(usage)).toContain('/country Germany');
  });
});
