import { InlineKeyboard, type Transformer } from 'grammy';
import type { Button, Reply, ShareButton } from '../reply/answer.ts';
import { splitHtml } from '../format/html.ts';
import type { BotContext } from './context.ts';
import { encodeCallback } from './callback-data.ts';

export function keyboardOf(buttons: (Button | ShareButton)[][]): InlineKeyboard | undefined {
  if (!buttons.length) return undefined;
  return InlineKeyboard.from(
    buttons.map((row) => row.map((b) => ('shareQuery' in b ? InlineKeyboard.switchInline(b.text, b.shareQuery) : InlineKeyboard.text(b.text, 'action' in b ? encodeCallback(b.action) : b.data)))),
  );
}

/** Sends a reply in HTML, split to Telegram's limit; the buttons go with the last part. */
export async function sendReply(ctx: BotContext, reply: Reply): Promise<void> {
  const parts = splitHtml(reply.html);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(part, {
      link_preview_options: { is_disabled: true },
      reply_markup: last ? keyboardOf(reply.buttons) : undefined,
    });
  }
}

/** Telegram errors that mean "nothing to do": an old button, or an edit that changes nothing. */
export function isHarmlessTelegramError(error: unknown): boolean {
  const description = (error as { description?: string })?.description ?? '';
  return /query is too old|query ID is invalid|message is not modified/i.test(description);
}

/** Methods whose text the bot writes; every one of them is HTML, escaped by the i18n layer and the renderers. */
const HTML_METHODS = new Set(['sendMessage', 'editMessageText', 'sendDocument']);

/**
 * Sets parse_mode HTML on every message an update sends, unless a call says otherwise.
 * Installed on the update's own API client (the outermost transformer), so features never repeat it.
 */
export const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown> | undefined;
  if (p && HTML_METHODS.has(method) && p.parse_mode === undefined && (p.text !== undefined || p.caption !== undefined)) {
    return prev(method, { ...p, parse_mode: 'HTML' } as typeof payload, signal);
  }
  return prev(method, payload, signal);
};
