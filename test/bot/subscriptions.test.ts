/** Country subscriptions: /subscribe, the verdict card's button, /subscriptions, /unsubscribe, and one notice per change. */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { backgroundIdle } from '../../src/bot/background.ts';
import { DataService } from '../../src/data/service.ts';
import { buttonsOf, createTestBot, USER_EN, USER_ZH, type TestBot } from '../helpers/bot.ts';
import { copyData, save } from '../helpers/data.ts';
import type { DataPaths } from '../../src/data/types.ts';

const USER_3 = { id: 45, first_name: 'Bo', language_code: 'en' };
type Row = Record<string, unknown> & { code: string };

let paths: DataPaths;
let tb: TestBot;

/** Edits countries.json the way staff do (a hypothetical edit, in a temporary copy) and reloads. */
async function editCountries(edit: (rows: Row[]) => void): Promise<Record<string, unknown>[]> {
  const file = JSON.parse(await readFile(paths.countriesFile, 'utf8')) as { countries: Row[] };
  edit(file.countries);
  await save(paths.countriesFile, `${JSON.stringify(file, null, 2)}\n`);
  const before = tb.api.calls.length;
  const result = await tb.deps.data.reload();
  expect(result.ok, JSON.stringify(result.issues.slice(0, 3))).toBe(true);
  await backgroundIdle(tb.deps);
  return tb.api.calls.slice(before).map((c) => ({ method: c.method, ...c.payload }));
}

const row = (rows: Row[], code: string) => rows.find((r) => r.code === code)!;

beforeAll(async () => {
  paths = await copyData();
  tb = await createTestBot({ data: await DataService.load(paths) });
});

describe('country subscriptions', () => {
  it('/subscribe takes any name the bot understands, in either language; the verdict card has the button', async () => {
    expect(String((await tb.say('/subscribe Thailand'))[0]?.text)).toContain('I will tell you here when the apostille status of Thailand');
    expect(String((await tb.say('/subscribe 泰国', USER_ZH))[0]?.text)).toContain('泰国');
    expect(String((await tb.say('/subscribe thailand'))[0]?.text)).toContain('You already follow Thailand');
    expect(String((await tb.say('/subscribe Frankreich'))[0]?.text)).toMatch(/France|know/);
    expect(String((await tb.say('/subscribe Narnia'))[0]?.text)).toContain('I don\'t know the country “Narnia”');
    expect(String((await tb.say('/subscribe'))[0]?.text)).toContain('/subscribe Germany');

    const [card] = await tb.say('/check certificate of origin Thailand', USER_3);
    const button = buttonsOf(card).find((b) => b.callback_data === 'sub:TH');
    expect(button?.text).toBe('🔔 Tell me when this changes');
    const [toast] = await tb.press('sub:TH', USER_3);
    expect(toast).toMatchObject({ method: 'answerCallbackQuery', text: expect.stringContaining('Thailand') });

    await tb.say('/subscribe France');
    const [list] = await tb.say('/subscriptions');
    expect(String(list?.text)).toMatch(/Thailand[\s\S]*France/);
    expect(buttonsOf(list).map((b) => b.callback_data)).toEqual(['unsub:TH', 'unsub:FR']);
  });

  it('a change to a followed country: one message per subscriber, in their language, with what changed and the new verdict', async () => {
    const calls = await editCountries((rows) => {
      Object.assign(row(rows, 'TH'), { status: 'party', entryIntoForce: '2026-06-01', chinaRelation: 'in_force', inForceWithChinaFrom: '2026-06-01', statusUnconfirmed: false, dateSourceQuality: 'third_party' });
    });
    const sent = calls.filter((c) => c.method === 'sendMessage');
    expect(sent.map((c) => c.chat_id).sort()).toEqual([USER_EN.id, USER_ZH.id, USER_3.id].sort());
    const en = String(sent.find((c) => c.chat_id === USER_EN.id)?.text);
    expect(en).toContain('<b>Thailand</b>: our apostille data for it changed');
    expect(en).toContain('Status: not a Contracting Party → Contracting Party');
    expect(en).toContain('Entry into force: none → 2026-06-01');
    expect(en).toContain('Relation with China: no Convention relation (not a party) → the Convention applies with China');
    // The test's today is 2026-11-29: in force by then.
    expect(en).toContain('<b>New verdict</b> (a document from China used there): ✅ Apostille');
    const zh = String(sent.find((c) => c.chat_id === USER_ZH.id)?.text);
    expect(zh).toContain('<b>泰国</b>');
    expect(zh).toContain('状态：非缔约方 → 缔约方');

    // The same data again (a second reload, another trigger): nothing more.
    const before = tb.api.calls.length;
    expect((await tb.deps.data.reload()).ok).toBe(true);
    await backgroundIdle(tb.deps);
    expect(tb.api.calls.length).toBe(before);
  });

  it('an unrelated edit (another country, or a field nobody is told about) sends nothing', async () => {
    const calls = await editCountries((rows) => {
      row(rows, 'JP').entryIntoForce = '1970-07-28';
      row(rows, 'TH').notes = 'A staff note.';
      row(rows, 'FR').dateSourceQuality = 'third_party';
    });
    expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
  });

  it('/unsubscribe stops the notices for that chat only', async () => {
    expect(String((await tb.say('/unsubscribe 泰国'))[0]?.text)).toContain('已取消订阅泰国');
    expect(String((await tb.say('/unsubscribe Japan'))[0]?.text)).toContain('were not following Japan');
    const calls = await editCountries((rows) => {
      row(rows, 'TH').entryIntoForce = '2026-07-01';
    });
    expect(calls.filter((c) => c.method === 'sendMessage').map((c) => c.chat_id).sort()).toEqual([USER_ZH.id, USER_3.id].sort());
    const [toast] = await tb.press('unsub:TH', USER_3);
    expect(toast).toMatchObject({ method: 'answerCallbackQuery', text: 'You no longer follow Thailand.' });
  });
});
