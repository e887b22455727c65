/**
 * Files that once crashed the bot or blew up its memory (issue 20), sent to the real
 * bot process (`npm start` style, long polling) through a fake Bot API that serves
 * the downloads: each gets a polite reply in the sender's language, the bot lives on,
 * its memory stays bounded, and the next question is answered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedPdf } from '../helpers/encrypted-pdf.ts';
import { FakeBotApi, type ServedFile } from '../helpers/fake-bot-api.ts';
import { corruptJpeg, pdfStream, PNG_SIGNATURE_ONLY, pngDeclaring } from '../helpers/hostile-files.ts';
import { tempDir } from '../helpers/bot.ts';
import { startBot, TEST_TOKEN, type BotProcess } from '../helpers/spawn-bot.ts';

const MB = 1024 * 1024;
const EN = { id: 701, language_code: 'en' };
const ZH = { id: 702, language_code: 'zh-hans' };

/** Peak resident memory of a process (VmHWM), MB. */
function peakRssMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/** The bot's reading process: its child running read/child.ts. */
function readingProcessOf(parent: number): number | undefined {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const [, command, , ppid] = /^\d+ \((.*)\) (\S) (\d+)/.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'))!;
      if (Number(ppid) === parent && command === 'node' && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('child.ts')) return Number(entry);
    } catch {
      // The process ended while the list was read.
    }
  }
  return undefined;
}

describe('untrusted files sent to the running bot', () => {
  let api: FakeBotApi;
  let bot: BotProcess;
  let nextMessage = 1;

  beforeAll(async () => {
    api = new FakeBotApi();
    await api.start();
    bot = startBot({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: api.url, DATA_DIR: await tempDir(), THROTTLE: 'off' });
    await bot.waitForLog((line) => line.msg === 'polling');
  }, 30_000);

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await api?.stop();
  });

  /** Sends a file as a photo or a document (no file_size when the file has none) and waits for the bot's last word on it. */
  const replies = () => api.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText');
  async function upload(user: typeof EN, kind: 'photo' | 'document', file: Omit<ServedFile, 'sent'>, mime = 'image/png'): Promise<{ text: string; served: ServedFile }> {
    const fileId = `f${nextMessage}`;
    const served = api.addFile(fileId, file);
    const size = file.size === undefined ? {} : { file_size: file.size };
    const before = replies().length;
    api.push({
      message: {
        message_id: nextMessage++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: 'private', first_name: 'U' },
        from: { id: user.id, is_bot: false, first_name: 'U', language_code: user.language_code },
        ...(kind === 'photo' ? { photo: [{ file_id: fileId, file_unique_id: fileId, width: 1280, height: 960, ...size }] } : { document: { file_id: fileId, file_unique_id: fileId, file_name: 'scan', mime_type: mime, ...size } }),
      },
    } as Omit<Update, 'update_id'>);
    // "Reading your document…", then the answer (that message edited, or a new one).
    await api.waitFor(() => replies().length >= before + 2, 60_000);
    return { text: String(replies().at(-1)!.payload.text), served };
  }
  const bytes = (data: Uint8Array) => ({ size: data.byteLength, chunks: () => [data] });

  it('each gets a polite reply in its sender\'s language; the bot survives, stays under 600 MB and answers the next question', async () => {
    expect((await upload(EN, 'photo', bytes(PNG_SIGNATURE_ONLY))).text).toContain('I could not open this file; it may be damaged');

    // A header that reads like any photo, and a body that crashes the native decoder: only the reading process dies.
    expect((await upload(ZH, 'photo', bytes(corruptJpeg()))).text).toContain('无法打开这个文件，可能已损坏');
    expect(bot.logs).toContainEqual(expect.objectContaining({ msg: expect.stringContaining('the reading process ended'), signal: 'SIGSEGV', duringJob: true }));

    expect((await upload(EN, 'document', bytes(pngDeclaring(20_000, 20_000)))).text).toContain('This image is too large for me to read (over 40 megapixels)');

    // 60 MB with no file_size anywhere: cut off while streaming, just past 20 MB (what the server
    // counts as sent also holds what sat in socket buffers when the bot hung up).
    const stream = await upload(EN, 'document', { chunks: () => pdfStream(60) }, 'application/pdf');
    expect(stream.text).toContain('This file is larger than 20 MB');
    expect(stream.served.sent).toBeLessThan(30 * MB);
    console.log(`60 MB download without file_size: ${(stream.served.sent / MB).toFixed(1)} MB served before the bot hung up`);

    const locked = encryptedPdf('CERTIFICATE OF ORIGIN  Country of destination: France', 'secret');
    expect((await upload(ZH, 'document', bytes(locked), 'application/pdf')).text).toContain('这个 PDF 设有密码保护');
    expect((await upload(EN, 'document', bytes(locked), 'application/pdf')).text).toContain('This PDF is password-protected');

    // The replacement reading process reads a real scan as before.
    const scan = readFileSync('test/fixtures/documents/co-bilingual-germany.png');
    expect((await upload(EN, 'photo', bytes(scan))).text).toContain('Certificate of origin (CCPIT) → Germany: apostille');

    const before = api.sent().length;
    api.pushText(EN.id, 'what is an apostille');
    await api.waitFor(() => api.sent().length > before);
    expect(String(api.sent().at(-1)!.payload.text)).toContain('An apostille');

    expect(bot.child.exitCode).toBeNull();
    const reading = readingProcessOf(bot.child.pid!);
    expect(reading).toBeDefined();
    const [botPeak, readingPeak] = [peakRssMb(bot.child.pid!), peakRssMb(reading!)];
    console.log(`peak RSS: bot ${botPeak.toFixed(0)} MB, reading process ${readingPeak.toFixed(0)} MB`);
    expect(botPeak).toBeLessThan(600);
    expect(botPeak + readingPeak).toBeLessThan(600);
  }, 150_000);
});
