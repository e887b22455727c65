/**
 * A photo or a PDF of a document → what it is, who issued it, where it goes,
 * and the /check verdict; whatever the paper leaves open is asked with buttons.
 *
 * The file is downloaded into memory (never to disk), read in the reading process
 * (src/read), and dropped; neither the file nor its text is stored or logged.
 * Reading takes seconds, so it runs after the update is handled: the chat's next
 * messages are answered meanwhile. The "Reading…" message is then edited into the
 * answer (a new message only if the edit fails), so no stale notice stays in the chat.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { Composer } from 'grammy';
import type { Tables } from '../../catalogue/tables.ts';
import type { Direction } from '../../check/rules.ts';
import { replyLocale, type Locale } from '../../i18n/locale.ts';
import { answerFor, settledFrom, type DocumentAnswer } from '../../read/document-verdict.ts';
import { MAX_FILE_BYTES } from '../../read/probe.ts';
import { ReadError, type DocumentReader } from '../../read/reader.ts';
import { countryName, documentName, renderDocumentVerdict, renderReading } from '../../read/document-reply.ts';
import { understandDocument } from '../../read/paper.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { keyboardOf, sendReply } from '../send.ts';
import { splitHtml } from '../../format/html.ts';
import type { Reply } from '../../reply/answer.ts';
import { encodeCallback, onButton } from '../callback-data.ts';
import { FREQUENT_COUNTRIES } from './check/index.ts';
import { newCheckData } from './check/view.ts';

const CHAT_ACTION_EVERY_MS = 4_500;
const DOWNLOAD_TIMEOUT_MS = 30_000;

export const documentFeature = new Composer<BotContext>();

/** Reads still running per bot's deps, so the console and tests can wait for their replies. */
const inFlight = new WeakMap<BotDeps, Set<Promise<void>>>();
/** Users with a document being downloaded or read: one at a time each. */
const readingFor = new WeakMap<BotDeps, Set<number>>();

export async function documentsSettled(deps: BotDeps): Promise<void> {
  const running = inFlight.get(deps);
  while (running?.size) await Promise.allSettled([...running]);
}

/**
 * The file's bytes through the Bot API (getFile, then BOT_API_ROOT/file/bot<token>/<path>),
 * never more than MAX_FILE_BYTES: getFile's file_size may be missing or wrong, so the
 * download is counted as it arrives and cut off past the cap (ReadError 'too_big').
 * A local Bot API server (--local), like the console, answers with a path on this machine instead.
 */
async function download(ctx: BotContext, fileId: string): Promise<Uint8Array> {
  const file = await ctx.api.getFile(fileId);
  if ((file.file_size ?? 0) > MAX_FILE_BYTES) throw new ReadError('too_big');
  if (!file.file_path) throw new ReadError('failed');
  if (isAbsolute(file.file_path)) {
    if ((await stat(file.file_path)).size > MAX_FILE_BYTES) throw new ReadError('too_big');
    return new Uint8Array(await readFile(file.file_path));
  }
  const root = ctx.api.options?.apiRoot ?? 'https://api.telegram.org';
  const response = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  // The URL holds the token: it never goes into an error or a log line.
  if (!response.ok || !response.body) throw new ReadError('failed');
  if (Number(response.headers.get('content-length') ?? 0) > MAX_FILE_BYTES) {
    await response.body.cancel();
    throw new ReadError('too_big');
  }
  return readAtMost(response.body, MAX_FILE_BYTES);
}

/** The whole stream, or ReadError 'too_big' as soon as it passes `limit` bytes (the rest is never read). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    length += chunk.value.byteLength;
    if (length > limit) {
      await reader.cancel();
      throw new ReadError('too_big');
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks, length);
}

const READABLE_MIME = /^(?:image\/(?:jpeg|png|webp)|application\/pdf)$/;

documentFeature.on(['message:photo', 'message:document'], async (ctx, next) => {
  const reader = ctx.deps.reader;
  // In a group only files addressed to the bot get here (a caption with its @name, or a reply to it): the gate in middleware.ts.
  if (!reader) return next();
  const { photo, document } = ctx.message;
  const file = photo ? photo.at(-1)! : document!;
  // A caption written in a language answers in it ("去德国" → Chinese).
  const caption = ctx.message.caption?.replace(new RegExp(`@${ctx.me.username}`, 'ig'), ' ').trim() ?? '';
  const locale = replyLocale(caption, ctx.locale);
  const t = ctx.deps.i18n.translator(locale);
  if (document && !READABLE_MIME.test(document.mime_type ?? '')) {
    ctx.outcome = 'document:unsupported';
    await ctx.reply(t('read.unsupported'));
    return;
  }
  if ((file.file_size ?? 0) > MAX_FILE_BYTES) {
    ctx.outcome = 'document:too_big';
    await ctx.reply(t('read.too_big'));
    return;
  }
  const userId = ctx.from.id;
  const busy = readingFor.get(ctx.deps) ?? new Set<number>();
  readingFor.set(ctx.deps, busy);
  if (busy.has(userId) || reader.isReadingFor(userId)) {
    ctx.outcome = 'document:busy';
    await ctx.reply(t('read.busy'));
    return;
  }
  ctx.outcome = 'document:reading';
  busy.add(userId);
  const notice = await ctx.reply(t('read.reading')).catch((error: unknown) => {
    busy.delete(userId);
    throw error;
  });
  const work = readAndAnswer({ ctx, reader, fileId: file.file_id, userId, caption, locale, t, noticeId: notice.message_id });
  track(ctx.deps, work, () => busy.delete(userId));
});

/** One upload to read, after the update that brought it. */
interface Upload {
  ctx: BotContext;
  reader: DocumentReader;
  fileId: string;
  userId: number;
  caption: string;
  locale: Locale;
  t: BotContext['t'];
  /** The "Reading…" message, edited into the answer. */
  noticeId: number;
}

/**
 * The answer in place of the "Reading…" message: its first part edits it (buttons with
 * the last part). If the edit fails (the notice was deleted, or is too old), the answer
 * is sent as new messages instead.
 */
async function replaceNotice(ctx: BotContext, noticeId: number, reply: Reply): Promise<void> {
  const [first, ...rest] = splitHtml(reply.html);
  const chatId = ctx.chat?.id;
  const edited =
    chatId !== undefined &&
    (await ctx.api
      .editMessageText(chatId, noticeId, first!, { link_preview_options: { is_disabled: true }, reply_markup: rest.length ? undefined : keyboardOf(reply.buttons) })
      .then(() => true, () => false));
  if (!edited) return sendReply(ctx, reply);
  if (rest.length) await sendReply(ctx, { html: rest.join('\n'), buttons: reply.buttons });
}

/** Downloads and reads the file, then sends what it is and the verdict; never rejects (failures are answered). */
async function readAndAnswer({ ctx, reader, fileId, userId, caption, locale, t, noticeId }: Upload): Promise<void> {
  const typing = setInterval(() => void ctx.replyWithChatAction('typing').catch(() => undefined), CHAT_ACTION_EVERY_MS);
  void ctx.replyWithChatAction('typing').catch(() => undefined);
  try {
    let extracted;
    try {
      extracted = await reader.read(await download(ctx, fileId), userId);
    } finally {
      clearInterval(typing);
    }
    if (!extracted.lines.length) {
      await replaceNotice(ctx, noticeId, { html: t('read.nothing_read'), buttons: [] });
      return;
    }
    const { tables } = ctx.deps.data.current();
    const reading = understandDocument(extracted.lines, tables, { caption: caption || undefined });
    // Only what was decided is logged, never the text.
    ctx.deps.logger.info(
      { document: reading.document, country: reading.country, direction: reading.direction, directionSure: reading.directionSure, apostille: reading.apostilleSeen, confidence: reading.confidence, method: extracted.method, pages: extracted.pages },
      'document read',
    );
    const answer = answerFor(settledFrom(reading), tables, ctx.deps.today(), { documents: reading.documentCandidates, countries: reading.countryCandidates });
    const summary = renderReading(reading, tables, locale, t);
    await replaceNotice(ctx, noticeId, answerReply(ctx, answer, tables, t, locale, summary, reading.apostilleSeen));
  } catch (error) {
    const reason = error instanceof ReadError ? error.reason : 'failed';
    ctx.deps.logger.warn({ reason, err: error instanceof ReadError ? undefined : error instanceof Error ? error.name : 'unknown' }, 'document not read');
    await replaceNotice(ctx, noticeId, { html: t(`read.${reason}`), buttons: [] }).catch(() => undefined);
  }
}

/** Keeps `work` in inFlight (for documentsSettled) until it ends, then calls `done`. */
function track(deps: BotDeps, work: Promise<void>, done: () => void): void {
  const running = inFlight.get(deps) ?? new Set<Promise<void>>();
  inFlight.set(deps, running);
  running.add(work);
  void work.finally(() => {
    running.delete(work);
    done();
  });
}

/** Button data: rd:<document id or ->:<country code or ->:<f|t> (src/bot/callback-data.ts). */
const buttonData = (document: string | null, country: string | null, direction: Direction) => encodeCallback({ kind: 'rd', document, country, direction });

/** The verdict, or the one question still open with its buttons. */
function answerReply(ctx: BotContext, answer: DocumentAnswer, tables: Tables, t: BotContext['t'], locale: Locale, summary: string, apostilleSeen: boolean): Reply {
  const other = [{ text: t('read.other'), data: newCheckData() }];
  const withSummary = (question: string) => [summary, question].filter(Boolean).join('\n\n');
  if (answer.kind === 'verdict') {
    ctx.outcome = `document:${answer.verdict.outcome}`;
    const html = [renderDocumentVerdict(answer.verdict, tables, locale, t, apostilleSeen), summary].filter(Boolean).join('\n\n');
    return { html, buttons: [[{ text: t('check.wizard.again'), data: newCheckData() }]] };
  }
  ctx.outcome = `document:${answer.kind}`;
  if (answer.kind === 'ask_direction') {
    const ways = (['from_china', 'to_china'] as const).map((direction) => [{ text: t(`read.way.${direction}`), data: buttonData(answer.document, answer.country, direction) }]);
    return { html: withSummary(t('read.ask_direction')), buttons: [...ways, other] };
  }
  if (answer.kind === 'ask_document') {
    const buttons = answer.candidates.slice(0, 4).map((id) => [{ text: documentName(tables, id, locale), data: buttonData(id, answer.country, answer.direction) }]);
    return { html: withSummary(t('read.ask_document')), buttons: [...buttons, other] };
  }
  const codes = [...new Set([...answer.candidates, ...FREQUENT_COUNTRIES])].slice(0, 9);
  const row = (slice: string[]) => slice.map((code) => ({ text: countryName(tables, code, locale), data: buttonData(answer.document, code, answer.direction) }));
  const buttons = [row(codes.slice(0, 3)), row(codes.slice(3, 6)), row(codes.slice(6, 9)), other].filter((r) => r.length);
  const question = t(answer.direction === 'to_china' ? 'read.ask_country_to_china' : 'read.ask_country_from_china', { document: documentName(tables, answer.document, locale) });
  return { html: withSummary(question), buttons };
}

onButton(documentFeature, 'rd', async (ctx, pressed) => {
  await ctx.answerCallbackQuery();
  const { tables } = ctx.deps.data.current();
  // Ids from an older catalogue are asked again rather than trusted.
  const document = pressed.document && tables.documents.some((d) => d.id === pressed.document) ? pressed.document : null;
  const country = pressed.country && tables.countries.some((c) => c.code === pressed.country) ? pressed.country : null;
  const answer = answerFor({ document, country, direction: pressed.direction }, tables, ctx.deps.today());
  await sendReply(ctx, answerReply(ctx, answer, tables, ctx.t, ctx.locale, '', false));
});
