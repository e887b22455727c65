/**
 * Issue 11, problem 5: CPU per message. Before, a 4,096-character /country held the
 * event loop 0.86–0.91 s, /check 0.52 s, a typed wizard answer 0.52 s. Now each feature
 * reads only what it needs (a name is not 4,096 characters). The bound here is generous
 * (the target is 50 ms; measured ≈20 ms at worst, see npm run bench); it is CPU time of
 * this process, so a busy machine does not fail it.
 */
import { describe, expect, it } from 'vitest';
import { buttonsOf, createTestBot, USER_EN, USER_ZH } from '../helpers/bot.ts';

const GENEROUS_BOUND_MS = 200;
const fill = (unit: string) => unit.repeat(Math.ceil(4096 / unit.length)).slice(0, 4096);
const TEXTS = {
  latin: fill('germany certificate origin apostille '),
  han: fill('德国原产地证书附加证明书海牙认证'),
  token: fill('x'),
  mixed: fill('加拿大 birth 证书 q '),
};

function cpuMs(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe('no message costs more than a bounded amount of CPU', () => {
  it('4,096 characters to /country, /check, a waiting wizard and the Q&A', async () => {
    const test = await createTestBot({ runtime: { rateLimit: false } });
    // Warm up: the first call of anything pays for compiling it.
    await test.say('/country Germany');
    await test.say('/check certificate of origin Germany');
    await test.say('what is an apostille', USER_ZH);
    const wizardAt = async (step: 'document' | 'country') => {
      await test.say('/check');
      const press = async (part: string) => {
        const last = [...test.api.calls].reverse().find((c) => c.payload.reply_markup !== undefined);
        await test.press(buttonsOf({ reply_markup: last?.payload.reply_markup }).find((b) => b.callback_data.includes(part))!.callback_data);
      };
      await press(':dir:from_china');
      await press(':grp:');
      if (step === 'country') await press(':doc:');
    };
    const costs: Record<string, number> = {};
    for (const [kind, text] of Object.entries(TEXTS)) {
      for (const [feature, prepare, message, user] of [
        ['/country', undefined, `/country ${text}`, USER_EN],
        ['/check', undefined, `/check ${text}`, USER_EN],
        ['wizard document', () => wizardAt('document'), text, USER_EN],
        ['wizard country', () => wizardAt('country'), text, USER_EN],
        ['question', undefined, text, USER_ZH],
      ] as const) {
        await prepare?.();
        const started = process.cpuUsage();
        const replies = await test.say(message.slice(0, 4096), user);
        costs[`${feature} (${kind})`] = cpuMs(started);
        // Still a polite answer, not silence or an error.
        expect(replies.length, `${feature} ${kind}`).toBeGreaterThan(0);
        expect(JSON.stringify(replies)).not.toContain('Sorry, something went wrong');
      }
    }
    const worst = Object.entries(costs).sort((a, b) => b[1] - a[1])[0]!;
    expect(worst[1], `worst: ${worst[0]} ${worst[1].toFixed(1)} ms; all: ${JSON.stringify(costs)}`).toBeLessThan(GENEROUS_BOUND_MS);
  });
});
