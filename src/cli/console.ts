/**
 * The local console chat: the real bot, fed one message per input line, its
 * outgoing calls caught in-process and printed. Inline buttons print as numbers;
 * typing a number presses one of the last message's buttons. Works with piped input.
 */
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { BotDeps } from '../bot/context.ts';
import { documentsSettled } from '../bot/features/document.ts';
import { createBot } from '../bot/index.ts';
import { LOCAL_BOT_INFO, LocalApi, type OutgoingCall } from '../bot/local-api.ts';
import { callbackUpdate, documentUpdate, inlineQueryUpdate, textUpdate, type LocalUser } from '../bot/updates.ts';
import type { Translate } from '../i18n/index.ts';
import { localeFromLanguageCode } from '../i18n/locale.ts';
import { htmlToPlain } from '../format/html.ts';
import { userSessionKey } from '../storage/types.ts';
import { DEFAULT_LANG } from '../i18n/languages.ts';

const MIME_BY_EXTENSION: Record<string, string> = { '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

interface InlineButton {
  text: string;
  callback_data?: string;
  /** A Share button: in the console, pressing it shows what "@bot <query>" lists in inline mode. */
  switch_inline_query?: string;
}

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  languageCode?: string;
}

/** The last message that had buttons: pressing one needs its id and text. */
interface Shown {
  buttons: InlineButton[];
  messageId: number;
  text: string;
}

/** What handling one input line needs. */
interface Chat {
  deps: BotDeps;
  output: Writable;
  t: Translate;
  user: LocalUser;
  api: LocalApi;
  bot: ReturnType<typeof createBot>;
}

export async function runConsole(deps: BotDeps, options: ConsoleOptions): Promise<void> {
  const { input, output } = options;
  const user: LocalUser = { id: 1, first_name: 'Console', language_code: options.languageCode ?? 'en' };
  const saved = await deps.store.sessions.user.read(userSessionKey(user.id));
  const t = deps.i18n.translator(saved?.locale ?? localeFromLanguageCode(user.language_code) ?? DEFAULT_LANG);
  const api = new LocalApi();
  const bot = api.install(createBot('0:console', deps, { botInfo: LOCAL_BOT_INFO }));
  const chat: Chat = { deps, output, t, user, api, bot };
  const printer = createPrinter(output, t);
  api.onCall = printer.print;

  output.write(`${t('console.banner')}\n`);
  const lines = createInterface({ input, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const number = /^\d{1,2}$/.test(line) ? Number(line) : undefined;
    const shown = printer.lastShown();
    const file = /^\/file(?:\s+(.*))?$/.exec(line);
    if (number !== undefined && shown) await pressButton(chat, shown, number);
    else if (file) await sendFile(chat, (file[1] ?? '').trim());
    else await bot.handleUpdate(textUpdate(user, line));
  }
  await documentsSettled(deps);
  await deps.store.flush();
}

/** Prints the bot's messages, edits, alerts and inline results; remembers the last buttons shown. */
function createPrinter(output: Writable, t: Translate): { print: (call: OutgoingCall) => void; lastShown: () => Shown | undefined } {
  let lastShown: Shown | undefined;
  let messageIds = 0;
  const print = (call: OutgoingCall) => {
    if (call.method === 'answerInlineQuery') {
      const results = (call.payload.results ?? []) as { title: string; description?: string }[];
      output.write(`\n${t('console.inline_results', { bot: LOCAL_BOT_INFO.username })}\n`);
      results.forEach((r, i) => output.write(`     ${i + 1}. ${r.title}${r.description ? ` — ${r.description}` : ''}\n`));
      return;
    }
    if (call.method !== 'sendMessage' && call.method !== 'editMessageText' && call.method !== 'answerCallbackQuery') return;
    const text = typeof call.payload.text === 'string' ? htmlToPlain(call.payload.text) : '';
    if (!text) return;
    // An edited message (a menu step) prints again in full, marked, so the console reads like the chat looks.
    const who = call.method === 'editMessageText' ? t('console.bot_edited') : t('console.bot');
    output.write(`\n${who}> ${text.replace(/\n/g, '\n     ')}\n`);
    const markup = call.payload.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
    const buttons = markup?.inline_keyboard?.flat() ?? [];
    if (call.method === 'sendMessage') messageIds++;
    if (buttons.length) {
      const messageId = call.method === 'editMessageText' ? Number(call.payload.message_id) : messageIds;
      lastShown = { buttons, messageId, text };
      buttons.forEach((b, i) => output.write(`     [${i + 1}] ${b.text}\n`));
    }
  };
  return { print, lastShown: () => lastShown };
}

async function pressButton({ bot, user, output, t }: Chat, shown: Shown, number: number): Promise<void> {
  const button = shown.buttons[number - 1];
  if (!button) {
    output.write(`${t('console.no_such_button', { number })}\n`);
    return;
  }
  if (button.switch_inline_query !== undefined) await bot.handleUpdate(inlineQueryUpdate(user, button.switch_inline_query));
  else if (button.callback_data !== undefined) await bot.handleUpdate(callbackUpdate(user, button.callback_data, shown.messageId, shown.text));
}

const fileSize = (path: string) => stat(resolve(path)).then((s) => (s.isFile() ? s.size : undefined), () => undefined);

/**
 * "/file PATH [CAPTION]": a file on this machine, sent as if uploaded (the bot reads it through
 * getFile as usual), with the words after the path as its caption ("/file co.jpg 寄去墨西哥用").
 * A path with spaces in it works when it names a file as a whole.
 */
async function sendFile({ deps, bot, api, user, output, t }: Chat, argument: string): Promise<void> {
  if (!argument) {
    output.write(`${t('console.file_usage')}\n`);
    return;
  }
  const whole = await fileSize(argument);
  const [, first = argument, rest = ''] = /^(\S+)\s*(.*)$/s.exec(argument) ?? [];
  const path = whole === undefined ? first : argument;
  const caption = whole === undefined ? rest.trim() : '';
  const size = whole ?? (await fileSize(path));
  if (size === undefined) {
    output.write(`${t('console.file_missing', { path })}\n`);
    return;
  }
  const fileId = api.addFile(resolve(path), size);
  const mime = MIME_BY_EXTENSION[extname(path).toLowerCase()] ?? 'application/octet-stream';
  await bot.handleUpdate(documentUpdate(user, { file_id: fileId, file_name: path.split('/').at(-1)!, mime_type: mime, file_size: size }, caption || undefined));
  // The console is a conversation: wait for the reading before the next line.
  await documentsSettled(deps);
}
