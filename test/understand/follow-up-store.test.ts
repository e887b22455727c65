import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/storage/store.ts';
import { chatSessionKey, FOLLOW_UP_TTL_MS, freshFollowUp } from '../../src/storage/types.ts';
import { readFollowUpContext } from '../../src/understand/index.ts';
import { tempDir } from '../helpers/bot.ts';

describe('follow-up context in the chat session', () => {
  it('is kept per chat member for a few minutes, then not used', async () => {
    const store = await Store.open(join(await tempDir(), 'store.json'));
    const at = Date.parse('2026-11-29T10:00:00Z');
    const context = { text: '原产地证书要办附加证明书吗', countries: ['CA'], documents: ['certificate-of-origin'], direction: 'from_china', facets: ['time'] };
    const followUp = { at, context };
    await store.sessions.chat.write(chatSessionKey(1, 1), { followUp });
    const session = (await store.sessions.chat.read(chatSessionKey(1, 1)))!;
    // Stored as it was read, and read back into the same typed context.
    expect(readFollowUpContext(freshFollowUp(session, at + 60_000))).toEqual(context);
    // An older or damaged shape is no context at all.
    expect(readFollowUpContext({ question: 'x', entities: {} })).toBeUndefined();
    expect(await store.sessions.chat.read(chatSessionKey(1, 2))).toBeUndefined();
    expect(freshFollowUp(session, at + FOLLOW_UP_TTL_MS + 1)).toBeUndefined();
    await store.sessions.chat.write(chatSessionKey(1, 1), {});
    expect(await store.sessions.chat.read(chatSessionKey(1, 1))).toBeUndefined();
    await store.flush();
  });
});
