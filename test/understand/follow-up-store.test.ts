import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_TTL_MS, Store } from '../../src/storage/store.ts';
import { tempDir } from '../helpers/bot.ts';

describe('follow-up context in the store', () => {
  it('is kept per user for a few minutes, then forgotten', async () => {
    const store = await Store.open(join(await tempDir(), 'store.json'));
    const at = new Date('2026-11-29T10:00:00Z');
    const context = { text: '原产地证书要办附加证明书吗', countries: ['CA'], documents: ['certificate-of-origin'] };
    await store.setFollowUp(1, context, at);
    expect(store.getFollowUp(1, new Date(at.getTime() + 60_000))).toEqual(context);
    expect(store.getFollowUp(2, at)).toBeUndefined();
    expect(store.getFollowUp(1, new Date(at.getTime() + FOLLOW_UP_TTL_MS + 1))).toBeUndefined();
    await store.setFollowUp(1, undefined, at);
    expect(store.getFollowUp(1, at)).toBeUndefined();
    await store.flush();
  });
});
