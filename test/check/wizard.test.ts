/** The /check wizard and /country through the real bot (handleUpdate), in private chats and in a group. */
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { decodeCallback } from '../../src/bot/callback-data.ts';
import { STEPS } from '../../src/bot/features/check/steps.ts';
import { LOCAL_BOT_INFO } from '../../src/bot/local-api.ts';
import { entitiesOf } from '../../src/bot/updates.ts';
import { chatSessionKey } from '../../src/storage/types.ts';
import { buttonsOf, createTestBot, USER_EN, USER_ZH, type TestBot } from '../helpers/bot.ts';

const text = (call: Record<string, unknown> | undefined) => String(call?.text ?? '');
const sent = (calls: Record<string, unknown>[]) => calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
const button = (call: Record<string, unknown> | undefined, label: RegExp) => {
  const found = buttonsOf(call).find((b) => label.test(b.text));
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(buttonsOf(call).map((b) => b.text))}`);
  return found.callback_data;
};

const GROUP = { id: -100_123, type: 'supergroup' as const, title: 'Exporters' };
const ANN = { id: 42, is_bot: false, first_name: 'Ann', language_code: 'en' };
const BOB = { id: 8_123_456_789, is_bot: false, first_name: 'Bob', language_code: 'en' };
let updateId = 50_000;

/** A group member's message; `toBot` makes it a reply to the bot, as Telegram sends a reply. */
function groupText(from: typeof ANN, message: string, toBot = false): Update {
  const entities = entitiesOf(message);
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 0,
      chat: GROUP,
      from,
      text: message,
      ...(entities.length ? { entities } : {}),
      ...(toBot ? { reply_to_message: { message_id: 1, date: 0, chat: GROUP, from: LOCAL_BOT_INFO, text: 'x' } } : {}),
    },
  } as Update;
}

function groupPress(from: typeof ANN, data: string): Update {
  return {
    update_id: updateId++,
    callback_query: { id: String(updateId), chat_instance: 'g', from, data, message: { message_id: 1, date: 0, chat: GROUP, text: '' } },
  } as Update;
}

async function collect(bot: TestBot, update: Update) {
  const before = bot.api.calls.length;
  await bot.bot.handleUpdate(update);
  return bot.api.calls.slice(before).map((c) => ({ method: c.method, ...c.payload }));
}

describe('step numbers come from the step list', () => {
  it('every prompt shows (n/total) for its place in STEPS', async () => {
    const { say, press } = await createTestBot();
    let view = sent(await say('/check'))[0];
    expect(text(view)).toContain(`(1/${STEPS.length})`);
    view = sent(await press(button(view, /Chinese document/)))[0];
    expect(text(view)).toContain(`(2/${STEPS.length})`);
    view = sent(await press(button(view, /Personal/)))[0];
    expect(text(view)).toContain(`(3/${STEPS.length})`);
    view = sent(await press(button(view, /Passport/)))[0];
    expect(text(view)).toContain(`(4/${STEPS.length})`);
  });
});

describe('leaving the wizard', () => {
  async function atDocumentStep() {
    const bot = await createTestBot();
    const prompt = sent(await bot.say('/check'))[0];
    const groups = sent(await bot.press(button(prompt, /Chinese document/)))[0];
    await bot.press(button(groups, /Commercial/));
    return bot;
  }

  it('/cancel ends it, and says so; with nothing running it says there was nothing to cancel', async () => {
    const bot = await atDocumentStep();
    expect(text(sent(await bot.say('/cancel'))[0])).toContain('cancelled');
    expect(text(sent(await bot.say('what is an apostille'))[0])).toContain('An apostille');
    expect(text(sent(await bot.say('/cancel'))[0])).toContain('Nothing to cancel');
  });

  it('another command ends it: the next typed text is a question, not the step\'s answer', async () => {
    const bot = await atDocumentStep();
    await bot.say('/help');
    expect(text(sent(await bot.say('certificate of origin'))[0])).not.toContain('(4/4)');
  });

  it('a question typed at a step ends it and is answered', async () => {
    const bot = await atDocumentStep();
    expect(text(sent(await bot.say('wait, how long does the apostille take in Beijing?'))[0])).toMatch(/working day/);
    expect(text(sent(await bot.say('certificate of origin'))[0])).not.toContain('(4/4)');
  });
});

describe('typed places at the country step', () => {
  async function atCountryStep(user = USER_EN) {
    const bot = await createTestBot();
    const prompt = sent(await bot.say('/check', user))[0];
    const groups = sent(await bot.press(button(prompt, /Chinese document|中国文件/), user))[0];
    const documents = sent(await bot.press(button(groups, /Commercial|商业/), user))[0];
    await bot.press(button(documents, /invoice|商业发票/i), user);
    return bot;
  }

  it.each([
    ['台湾', USER_ZH, '大陆文件送往台湾地区使用'],
    ['Chinese Taipei', USER_EN, 'Mainland document used in the Taiwan region'],
    ['北爱尔兰', USER_ZH, '中国文件送往英国北爱尔兰使用'],
    ['Puerto Rico', USER_EN, 'Chinese document used in Puerto Rico, United States'],
    ['Syria', USER_EN, 'Syria is not among the Contracting Parties'],
    ['科索沃', USER_ZH, '不能办理附加证明书'],
  ])('%s → a verdict', async (typed, user, expected) => {
    const bot = await atCountryStep(user);
    const [card] = sent(await bot.say(typed, user));
    expect(text(card)).toContain(expected);
  });

  it('a typo-ish guess asks "did you mean" with buttons that give the verdict', async () => {
    const bot = await atCountryStep();
    const [question] = sent(await bot.say('Congo'));
    expect(text(question)).toContain('I am not sure which place “Congo” is');
    const labels = buttonsOf(question).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['Republic of the Congo', 'Democratic Republic of the Congo']));
    const [card] = sent(await bot.press(button(question, /^Democratic Republic of the Congo$/)));
    expect(text(card)).toContain('Democratic Republic of the Congo is not among the Contracting Parties');
  });

  it('a territory suggested by its own code keeps its name', async () => {
    const bot = await atCountryStep();
    const [question] = sent(await bot.say('Virgin Islands'));
    const [card] = sent(await bot.press(button(question, /^British Virgin Islands$/)));
    expect(text(card)).toContain('Chinese document used in British Virgin Islands, United Kingdom');
  });

  it('a mainland city is answered as mainland China, and the wizard waits for the other place', async () => {
    const bot = await atCountryStep(USER_ZH);
    const [reply] = sent(await bot.say('苏州', USER_ZH));
    expect(text(reply)).toContain('“苏州”位于中国内地');
    const [card] = sent(await bot.say('德国', USER_ZH));
    expect(text(card)).toContain('✅');
  });
});

describe('/country', () => {
  it.each([
    ['/country 台湾', '台湾地区', '《两岸公证书使用查证协议》'],
    ['/country 北爱尔兰', '北爱尔兰属于英国', '英国是《取消外国公文书认证要求的公约》缔约国'],
    ['/country Greenland', 'Greenland is a territory of Denmark', 'Denmark is a party'],
    ['/country Syria', 'Syria is not among the Contracting Parties in our table', 'hcch.net'],
    ['/country 苏州', '“苏州”位于中国内地', '/country 德国'],
    ['/country Congo', 'I am not sure which place “Congo” is', 'Republic of the Congo / Democratic Republic of the Congo'],
    ['/country Thailand', 'unconfirmed', 'HCCH'],
  ])('%s', async (command, first, second) => {
    const { say } = await createTestBot();
    const [card] = sent(await say(command));
    expect(text(card)).toContain(first);
    expect(text(card)).toContain(second);
  });
});

describe('in a group, each member has their own check', () => {
  it('two members interleave their wizards; neither can press the other’s buttons', async () => {
    const bot = await createTestBot();
    const annStart = sent(await collect(bot, groupText(ANN, '/check')))[0];
    const bobStart = sent(await collect(bot, groupText(BOB, '/check')))[0];
    for (const b of [...buttonsOf(annStart), ...buttonsOf(bobStart)]) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    expect(decodeCallback(button(bobStart, /Chinese document/))).toMatchObject({ kind: 'chk', owner: BOB.id });

    // Ann goes on; Bob's first wizard is still there (per member, not per chat).
    const annGroups = sent(await collect(bot, groupPress(ANN, button(annStart, /Chinese document/))))[0];
    const bobGroups = sent(await collect(bot, groupPress(BOB, button(bobStart, /Foreign document/))))[0];
    expect(text(annGroups)).toContain('(2/4)');
    expect(text(bobGroups)).toContain('(2/4)');

    // Bob presses Ann's button: refused with a toast, nothing changes.
    let calls = await collect(bot, groupPress(BOB, button(annGroups, /Personal/)));
    expect(calls).toEqual([expect.objectContaining({ method: 'answerCallbackQuery', text: 'This check belongs to another user. Type /check to start your own.' })]);
    calls = await collect(bot, groupPress(ANN, button(bobGroups, /Cancel/)));
    expect(calls).toEqual([expect.objectContaining({ method: 'answerCallbackQuery', text: expect.stringContaining('belongs to another user') })]);

    const annDocs = sent(await collect(bot, groupPress(ANN, button(annGroups, /Commercial/))))[0];
    const bobDocs = sent(await collect(bot, groupPress(BOB, button(bobGroups, /Personal/))))[0];
    await collect(bot, groupPress(ANN, button(annDocs, /Certificate of origin \(CCPIT\)/)));
    await collect(bot, groupPress(BOB, button(bobDocs, /Birth certificate/)));

    // Chat that is not addressed to the bot is not a wizard answer.
    expect(await collect(bot, groupText(ANN, 'lunch at noon anyone?'))).toEqual([]);
    expect(await collect(bot, groupText(BOB, 'Germany'))).toEqual([]);

    // Replies to the bot are: each member gets the verdict for their own check.
    const [bobCard] = sent(await collect(bot, groupText(BOB, 'Germany', true)));
    expect(text(bobCard)).toContain('Birth certificate');
    expect(text(bobCard)).toContain('Document from Germany used in mainland China');
    const [annCard] = sent(await collect(bot, groupText(ANN, '@apostille_helper_bot Japan')));
    expect(text(annCard)).toContain('Certificate of origin (CCPIT)');
    expect(text(annCard)).toContain('Chinese document used in Japan');

    // Both checks are over: the stored state is gone for both members.
    expect(await bot.deps.store.sessions.chat.read(chatSessionKey(GROUP.id, ANN.id))).toBeUndefined();
    expect(await bot.deps.store.sessions.chat.read(chatSessionKey(GROUP.id, BOB.id))).toBeUndefined();
  });

  it('the same member in two chats has two separate checks', async () => {
    const bot = await createTestBot();
    await collect(bot, groupText(ANN, '/check'));
    await bot.say('/check', USER_EN);
    const wizard = async (chatId: number, userId: number) => (await bot.deps.store.sessions.chat.read(chatSessionKey(chatId, userId)))?.wizard;
    const [inGroup, inPrivate] = await Promise.all([wizard(GROUP.id, ANN.id), wizard(USER_EN.id, USER_EN.id)]);
    expect(inGroup?.nonce).toMatch(/^[0-9a-f]{6}$/);
    expect(inPrivate?.nonce).toMatch(/^[0-9a-f]{6}$/);
    expect(inGroup?.nonce).not.toBe(inPrivate?.nonce);
  });
});
