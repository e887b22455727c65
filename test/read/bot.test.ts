/**
 * Documents sent to the bot: through handleUpdate, with getFile answered by the
 * local API and the file itself served by a small Bot API file server on
 * 127.0.0.1 (the bot downloads BOT_API_ROOT/file/bot<token>/<path>).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCallback, encodeCallback, type CallbackData } from '../../src/bot/callback-data.ts';
import type { BotDeps } from '../../src/bot/context.ts';
import { documentsSettled } from '../../src/bot/features/document.ts';
import { createBot } from '../../src/bot/index.ts';
import { LOCAL_BOT_INFO, LocalApi } from '../../src/bot/local-api.ts';
import { entitiesOf, textUpdate, type LocalUser } from '../../src/bot/updates.ts';
import { DocumentReader } from '../../src/read/reader.ts';
import { buttonsOf, createTestBot, tempDir } from '../helpers/bot.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const DIR = 'test/fixtures/documents';
let nextId = 1;

function fileUpdate(user: LocalUser, kind: 'photo' | 'document', fileId: string, options: { caption?: string; mime?: string; size?: number; group?: boolean; replyToBot?: boolean } = {}): Update {
  const size = options.size ?? 100_000;
  const chat = options.group ? { id: -100_500, type: 'supergroup', title: 'Exporters' } : { id: user.id, type: 'private', first_name: user.first_name };
  return {
    update_id: 900_000 + nextId,
    message: {
      message_id: 900_000 + nextId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: user.id, is_bot: false, first_name: user.first_name, language_code: user.language_code },
      ...(kind === 'photo'
        ? { photo: [{ file_id: `${fileId}-small`, file_unique_id: 's', width: 90, height: 60, file_size: 900 }, { file_id: fileId, file_unique_id: fileId, width: 1100, height: 800, file_size: size }] }
        : { document: { file_id: fileId, file_unique_id: fileId, file_name: 'scan', mime_type: options.mime ?? 'image/png', file_size: size } }),
      ...(options.caption ? { caption: options.caption, caption_entities: entitiesOf(options.caption) } : {}),
      ...(options.replyToBot ? { reply_to_message: { message_id: 1, date: 0, chat, from: LOCAL_BOT_INFO, text: 'hi' } } : {}),
    },
  } as Update;
}

describe('sending a photo or PDF of a document to the bot', () => {
  let server: Server;
  const downloads: string[] = [];
  let deps: BotDeps;
  let api: LocalApi;
  let bot: ReturnType<typeof createBot>;
  const user: LocalUser = { id: 501, first_name: 'Mei', language_code: 'en' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      downloads.push(req.url ?? '');
      const match = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
      if (!match || match[1] !== TOKEN) return void res.writeHead(404).end();
      try {
        res.writeHead(200).end(readFileSync(`${DIR}/${decodeURIComponent(match[2]!).replace(/^documents\//, '')}`));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = await createTestBot();
    deps = { ...base.deps, reader: new DocumentReader({ dataDir: await tempDir('apostille-ocr-'), timeoutMs: 60_000 }) };
    api = new LocalApi();
    bot = api.install(createBot(TOKEN, deps, { botInfo: LOCAL_BOT_INFO, client: { apiRoot: `http://127.0.0.1:${(server.address() as { port: number }).port}` } }, { rateLimit: false }));
  }, 60_000);

  afterAll(async () => {
    await deps.reader?.close();
    server.close();
  });

  const send = async (update: Update) => {
    const before = api.calls.length;
    await bot.handleUpdate(update);
    await documentsSettled(deps);
    return api.calls.slice(before).filter((c) => c.method === 'sendMessage').map((c) => ({ text: String(c.payload.text), buttons: buttonsOf(c.payload) }));
  };
  const fileId = (name: string) => api.addFile(`documents/${name}`, 100_000);

  it('a photo of a certificate of origin: downloaded through the Bot API file URL, then the verdict with what was read', async () => {
    const replies = await send(fileUpdate(user, 'photo', fileId('co-bilingual-germany.png')));
    expect(downloads.at(-1)).toBe(`/file/bot${TOKEN}/documents/co-bilingual-germany.png`);
    expect(replies[0]!.text).toContain('Reading your document');
    const result = replies.at(-1)!.text;
    expect(result).toContain('Certificate of origin (CCPIT) → Germany: apostille');
    expect(result).toContain('Apply for the apostille at the Ministry of Foreign Affairs');
    expect(result).toContain('Issued by: CCPIT');
    expect(result).toContain('4. Country / region of destination: Germany');
    // getFile asked for the largest size of the photo.
    expect(api.sent('getFile').at(-1)!.payload.file_id).toBe('local-1');
    expect(api.sent('sendChatAction').length).toBeGreaterThan(0);
  });

  it('keeps answering text in the same chat while a document is being read', async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const before = api.calls.length;
    await bot.handleUpdate(fileUpdate(user, 'document', fileId('invoice-australia-scanned.pdf'), { mime: 'application/pdf' }));
    await bot.handleUpdate(textUpdate(user, 'what is an apostille'));
    const answeredFirst = api.calls.slice(before).filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
    expect(answeredFirst).toHaveLength(2);
    expect(answeredFirst[1]).toMatch(/apostille/i);
    await documentsSettled(deps);
    delay.disable();
    const all = api.calls.slice(before).filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
    expect(all.at(-1)).toContain('Commercial invoice → Australia: apostille');
    console.log(`event loop while reading a 2-page scanned PDF: max delay ${(delay.max / 1e6).toFixed(1)} ms`);
  });

  it('a blurred photo of a power of attorney: the right verdict or a clear question', async () => {
    const result = (await send(fileUpdate(user, 'photo', fileId('poa-blurred-photo-spain.jpg')))).at(-1)!;
    if (result.text.includes('→')) expect(result.text).toContain('Power of attorney → Spain: apostille');
    else expect(result.buttons.length).toBeGreaterThan(1);
  });

  it('a business licence names no country: asked with buttons, and a press gives the verdict; Chinese user gets Chinese', async () => {
    const zhUser: LocalUser = { id: 502, first_name: '王', language_code: 'zh-hans' };
    const result = (await send(fileUpdate(zhUser, 'photo', fileId('licence-zh.png')))).at(-1)!;
    expect(result.text).toContain('营业执照：要送往哪个国家？');
    const germany = result.buttons.find((b) => b.text === '德国')!;
    expect(germany.callback_data).toBe('rd:business-licence:DE:f');
    const before = api.calls.length;
    await bot.handleUpdate({ update_id: 999_001, callback_query: { id: 'q1', chat_instance: '1', from: { id: zhUser.id, is_bot: false, first_name: '王', language_code: 'zh-hans' }, data: germany.callback_data, message: { message_id: 5, date: 0, chat: { id: zhUser.id, type: 'private', first_name: '王' }, text: 'x' } } } as Update);
    const verdict = api.calls.slice(before).find((c) => c.method === 'sendMessage')!;
    expect(String(verdict.payload.text)).toContain('营业执照 → 德国：附加证明书');
  });

  it('question buttons carry what is settled in their data; forged or stale data is refused politely', async () => {
    const data: CallbackData = { kind: 'rd', document: 'preferential-certificate-of-origin', country: null, direction: 'to_china' };
    expect(decodeCallback(encodeCallback(data))).toEqual(data);
    expect(encodeCallback({ kind: 'rd', document: 'business-licence', country: 'DE', direction: 'from_china' })).toBe('rd:business-licence:DE:f');
    for (const forged of ['rd:../etc:DE:f', 'rd:business-licence:Germany:f', 'rd:business-licence:DE:x', 'rd:a:DE:f:extra']) expect(decodeCallback(forged), forged).toBeUndefined();
    const before = api.calls.length;
    await bot.handleUpdate({ update_id: 999_002, callback_query: { id: 'q2', chat_instance: '1', from: { id: user.id, is_bot: false, first_name: 'Mei' }, data: 'rd:../etc:DE:f', message: { message_id: 5, date: 0, chat: { id: user.id, type: 'private', first_name: 'Mei' }, text: 'x' } } } as Update);
    const calls = api.calls.slice(before);
    expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
    expect(calls.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toBeTruthy();
  });

  it('a foreign apostille: seen, and the verdict is for use in China', async () => {
    const result = (await send(fileUpdate(user, 'document', fileId('apostille-germany-birth.png')))).at(-1)!;
    expect(result.text).toContain('Birth certificate from Germany → China: apostille');
    expect(result.text).toContain('already carries an apostille');
  });

  it('one document at a time per user; files too big or of another kind get a polite answer', async () => {
    const busyUser: LocalUser = { id: 503, first_name: 'Li', language_code: 'en' };
    const before = api.calls.length;
    await bot.handleUpdate(fileUpdate(busyUser, 'photo', fileId('degree-zh.png')));
    await bot.handleUpdate(fileUpdate(busyUser, 'photo', fileId('degree-zh.png')));
    const texts = api.calls.slice(before).filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
    expect(texts[1]).toContain('still reading the document you sent before');
    await documentsSettled(deps);
    expect((await send(fileUpdate(user, 'document', fileId('co-france.pdf'), { size: 25 * 1024 * 1024, mime: 'application/pdf' })))[0]!.text).toContain('larger than 20 MB');
    expect((await send(fileUpdate(user, 'document', fileId('co-france.pdf'), { mime: 'application/zip' })))[0]!.text).toContain('photos (JPEG, PNG, WebP) and PDF');
  });

  it('a file that is not what it says (text named .png) is answered politely, not a crash', async () => {
    const replies = await send(fileUpdate(user, 'document', fileId('expected.jsonl')));
    expect(replies.at(-1)!.text).toContain('I can read photos');
  });

  it('in a group: only files addressed to the bot (caption mention or reply) are read', async () => {
    expect(await send(fileUpdate(user, 'photo', fileId('co-france.pdf'), { group: true }))).toEqual([]);
    const mentioned = await send(fileUpdate(user, 'document', fileId('co-france.pdf'), { group: true, mime: 'application/pdf', caption: '@apostille_helper_bot is this ok?' }));
    expect(mentioned.at(-1)!.text).toContain('Certificate of origin (CCPIT) → France: apostille');
    const reply = await send(fileUpdate(user, 'document', fileId('co-france.pdf'), { group: true, mime: 'application/pdf', replyToBot: true }));
    expect(reply.at(-1)!.text).toContain('→ France');
  });

  it('a reading that runs past the timeout is stopped and the user told', async () => {
    const slow = new DocumentReader({ dataDir: await tempDir('apostille-ocr-'), timeoutMs: 1 });
    const slowDeps = { ...deps, reader: slow };
    const slowApi = new LocalApi();
    const slowBot = slowApi.install(createBot(TOKEN, slowDeps, { botInfo: LOCAL_BOT_INFO, client: { apiRoot: `http://127.0.0.1:${(server.address() as { port: number }).port}` } }, { rateLimit: false }));
    await slowBot.handleUpdate(fileUpdate(user, 'photo', slowApi.addFile('documents/co-japan-rotated.png', 1000)));
    await documentsSettled(slowDeps);
    expect(String(slowApi.sent().at(-1)!.payload.text)).toContain('took too long');
    await slow.close();
  });
});
