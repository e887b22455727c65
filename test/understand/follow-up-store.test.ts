import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/storage/store.ts';
import { chatSessionKey, FOLLOW_UP_TTL_MS, freshFollowUp } from '../../src/storage/types.ts';
import { tempDir } from '../helpers/bot.ts';

describe('follow-up context in the chat session', () => {
  it('is kept per chat member for a few minutes, then not used', async () => {
    const store = await Store.open(join(await tempDir(), 'store.json'));
    const at = Date.parse('2026-11-29T10:00:00Z');
    const followUp = { question: '原产地证书要办附加证明书吗', at, entities: { countries: ['CA'], documents: ['certificate-of-origin'] } };
    await store.sessions.chat.write(chatSessionKey(1, 1), { followUp });
    const session = (await store.sessions.chat.read(chatSessionKey(1, 1)))!;
    expect(freshFollowUp(session, at + 60_000)).toEqual(followUp);
    expect(await store.sessions.chat.read(chatSessionKey(1, 2))).toBeUndefined();
    expect(freshFollowUp(session, at + FOLLOW_UP_TTL_MS + 1)).toBeUndefined();
    await store.sessions.chat.write(chatSessionKey(1, 1), {});
    expect(await store.sessions.chat.read(chatSessionKey(1, 1))).toBeUndefined();
    await store.flush();
  });
});
