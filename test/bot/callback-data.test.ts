import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT, decodeCallback, encodeCallback, type CallbackData } from '../../src/bot/callback-data.ts';
import { buttonsOf, createTestBot, USER_EN } from '../helpers/bot.ts';

describe('callback data codec', () => {
  const examples: CallbackData[] = [
    { kind: 'chk-new' },
    { kind: 'chk', owner: 42, nonce: 'a1b2c3', action: 'dir', value: 'from_china' },
    { kind: 'chk', owner: 8_123_456_789, nonce: 'ffffff', action: 'doc', value: 'preferential-certificate-of-origin' },
    { kind: 'chk', owner: 7, nonce: '000000', action: 'cty', value: 'DE' },
    { kind: 'chk', owner: 7, nonce: '000000', action: 'back', value: '' },
    { kind: 'faq', id: 'what-is-apostille', locale: 'zh-Hant' },
    { kind: 'fb', id: 'what-is-apostille', vote: 'down' },
    { kind: 'lang-menu' },
    { kind: 'lang-set', locale: 'en' },
  ];

  it.each(examples)('round trip: %o', (data) => {
    const text = encodeCallback(data);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(decodeCallback(text)).toEqual(data);
  });

  it('keeps the wire format of today’s buttons', () => {
    expect(encodeCallback({ kind: 'chk-new' })).toBe('chk:new');
    expect(encodeCallback({ kind: 'faq', id: 'fees', locale: 'en' })).toBe('faq:fees:en');
    expect(encodeCallback({ kind: 'fb', id: 'fees', vote: 'up' })).toBe('fb:fees:up');
    expect(encodeCallback({ kind: 'lang-menu' })).toBe('lang:menu');
    expect(encodeCallback({ kind: 'lang-set', locale: 'zh' })).toBe('lang:set:zh');
  });

  it('refuses to write data over 64 bytes', () => {
    expect(() => encodeCallback({ kind: 'faq', id: 'x'.repeat(70), locale: 'en' })).toThrow(/64 bytes/);
  });

  it.each([
    'chk:a1b2c3:dir:from_china', // the layout before owners were in the data
    'chk:16:a1b2c3:fly',
    'chk:16:nothex:dir:from_china',
    'chk:16:a1b2c3:dir:from_china:extra',
    'chk:16:a1b2c3:cty:<script>',
    'chk:new:extra',
    'faq:../../etc:en',
    'faq:fees:fr',
    'fb:fees:sideways',
    'lang:set:xx',
    'lang:menu:1',
    'nonsense',
    '',
    `faq:${'a'.repeat(80)}:en`,
  ])('rejects %j', (text) => {
    expect(decodeCallback(text)).toBeUndefined();
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (text) => {
      decodeCallback(text);
    }), { numRuns: 500, seed: 10 });
  });
});

describe('forged or stale buttons get the polite "start again"', () => {
  it.each([
    ['a wizard button of the old layout', 'chk:a1b2c3:dir:from_china', /expired.*\/check/],
    ['a forged wizard action', 'chk:16:a1b2c3:fly:x', /expired.*\/check/],
    ['a wizard button of a run that is over', 'chk:16:a1b2c3:dir:from_china', /expired.*\/check/],
    ['a related question that no longer exists', 'faq:no-such-entry:en', /expired.*\/start/],
    ['a forged related question', 'faq:../x:en', /expired.*\/start/],
    ['a feedback button with a forged vote', 'fb:fees:maybe', /expired.*\/start/],
    ['an unknown language', 'lang:set:fr', /expired.*\/start/],
    ['an unknown prefix', 'zzz:1', /expired.*\/start/],
  ])('%s', async (_label, data, expected) => {
    const { press } = await createTestBot();
    const calls = await press(data, USER_EN);
    expect(calls[0]).toMatchObject({ method: 'answerCallbackQuery', text: expect.stringMatching(expected) });
    expect(calls.every((c) => c.method !== 'editMessageText')).toBe(true);
  });

  it('the /start buttons decode and work', async () => {
    const { say, press } = await createTestBot();
    const [start] = await say('/start');
    for (const b of buttonsOf(start)) expect(decodeCallback(b.callback_data), b.callback_data).toBeDefined();
    const calls = await press('lang:menu');
    expect(buttonsOf(calls.find((c) => c.method === 'sendMessage')).map((b) => b.callback_data)).toEqual(['lang:set:en', 'lang:set:zh', 'lang:set:zh-Hant']);
  });
});
