import { InlineKeyboard } from 'grammy';
import type { Button, Reply } from '../reply/answer.ts';
import { splitHtml } from '../reply/html.ts';
import type { BotContext } from './context.ts';

export function keyboardOf(buttons: Button[][]): InlineKeyboard | undefined {
  if (!buttons.length) return undefined;
  return InlineKeyboard.from(buttons.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))));
}

/** Sends a reply in HTML, split to Telegram's limit; the buttons go with the last part. */
export async function sendReply(ctx: BotContext, reply: Reply): Promise<void> {
  const parts = splitHtml(reply.html);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(part, {
      parse_mode: 'HTML',
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
