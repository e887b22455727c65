/**
 * /broadcast <text> for admins (ADMIN_IDS): a preview with Send / Cancel; on Send, every user
 * who has written to the bot gets the text, one message at least SEND_INTERVAL_MS apart
 * (under Telegram's ~30 a second), while one progress message is edited for the admin.
 * Each recipient's state is in the store (pending → sending → sent | blocked | failed), so a
 * restart resumes the rest (resumeBroadcasts) and never sends anyone the text twice.
 */
import { randomBytes } from 'node:crypto';
import { Composer, GrammyError, type Api, type Middleware } from 'grammy';
import { escapeHtml } from '../../format/html.ts';
import type { Broadcast, BroadcastCounts } from '../../storage/support-types.ts';
import { inBackground, isStopping, pause, SEND_INTERVAL_MS } from '../background.ts';
import { onButton } from '../callback-data.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { isHarmlessTelegramError, sendReply } from '../send.ts';

export const broadcastFeature = new Composer<BotContext>();

/** Users this process already recorded (a write per user, not per message); forgotten past the limit. */
const remembered = new WeakMap<object, Set<number>>();
const REMEMBERED_LIMIT = 100_000;

/** Records everyone who writes to the bot in private: the audience of a broadcast. */
export const rememberUser: Middleware<BotContext> = async (ctx, next) => {
  const userId = ctx.from?.id;
  if (userId !== undefined && ctx.chat?.type === 'private') {
    let seen = remembered.get(ctx.deps.store);
    if (!seen || seen.size >= REMEMBERED_LIMIT) remembered.set(ctx.deps.store, (seen = new Set()));
    if (!seen.has(userId)) {
      await ctx.deps.store.support.rememberUser(userId);
      seen.add(userId);
    }
  }
  await next();
};
const admin = broadcastFeature.filter((ctx) => ctx.from !== undefined && ctx.deps.adminIds.has(ctx.from.id));

/** The text must fit one message with nothing added (Telegram: 4096 characters after escaping). */
const MAX_TEXT = 3500;
/** The progress message is edited at most this often. */
const PROGRESS_EVERY_MS = 1000;

export interface BroadcastOptions {
  /** Between two messages; tests shorten it. */
  intervalMs?: number;
}

admin.command('broadcast', async (ctx) => {
  const text = ctx.match.trim();
  if (!text) return void (await ctx.reply(ctx.t('broadcast.usage')));
  if (escapeHtml(text).length > MAX_TEXT) return void (await ctx.reply(ctx.t('broadcast.too_long', { max: MAX_TEXT })));
  const support = ctx.deps.store.support;
  const broadcast = await support.createBroadcast({ id: randomBytes(4).toString('hex'), adminId: ctx.from!.id, adminChatId: ctx.chat.id, locale: ctx.locale, text });
  const users = (await support.knownUsers()).length;
  ctx.outcome = 'broadcast_preview';
  await sendReply(ctx, {
    html: `${ctx.t('broadcast.confirm', { users })}\n\n${escapeHtml(text)}`,
    buttons: [
      [
        { text: ctx.t('broadcast.send_button', { users }), action: { kind: 'bc', id: broadcast.id, send: true } },
        { text: ctx.t('broadcast.cancel_button'), action: { kind: 'bc', id: broadcast.id, send: false } },
      ],
    ],
  });
});

onButton(broadcastFeature, 'bc', async (ctx, { id, send }) => {
  if (!ctx.from || !ctx.deps.adminIds.has(ctx.from.id) || !ctx.chat) return void (await ctx.answerCallbackQuery({ text: ctx.t('stale_button') }));
  const support = ctx.deps.store.support;
  if (!send) {
    const cancelled = await support.cancelBroadcast(id);
    await ctx.answerCallbackQuery({ text: ctx.t(cancelled ? 'broadcast.cancelled' : 'broadcast.already_started') });
    if (cancelled) await ctx.editMessageReplyMarkup().catch(ignoreHarmless);
    return;
  }
  const broadcast = await support.broadcast(id);
  if (broadcast?.status !== 'draft') return void (await ctx.answerCallbackQuery({ text: ctx.t('broadcast.already_started') }));
  const recipients = await support.knownUsers();
  const progress = await ctx.reply(progressText(ctx.deps, broadcast, { pending: recipients.length, sending: 0, sent: 0, blocked: 0, failed: 0 }, false), { parse_mode: 'HTML' });
  if (!(await support.startBroadcast(id, recipients, progress.message_id))) return void (await ctx.answerCallbackQuery({ text: ctx.t('broadcast.already_started') }));
  await ctx.answerCallbackQuery({ text: ctx.t('broadcast.started') });
  await ctx.editMessageReplyMarkup().catch(ignoreHarmless);
  ctx.outcome = `broadcast_start:${recipients.length}`;
  inBackground(ctx.deps, runBroadcast(ctx.deps, ctx.api, { ...broadcast, status: 'sending', progressMessageId: progress.message_id }));
});

function ignoreHarmless(error: unknown): void {
  if (!isHarmlessTelegramError(error)) throw error;
}

/** The admin's progress line: sent, blocked, failed and left; the final one says it is done. */
function progressText(deps: BotDeps, broadcast: Broadcast, c: BroadcastCounts, done: boolean): string {
  const t = deps.i18n.translator(broadcast.locale);
  const total = c.pending + c.sending + c.sent + c.blocked + c.failed;
  const counts = { total, sent: c.sent, blocked: c.blocked, failed: c.failed + (done ? c.sending : 0), left: c.pending + (done ? 0 : c.sending) };
  return t(done ? 'broadcast.done' : 'broadcast.progress', counts);
}

async function showProgress(deps: BotDeps, api: Api, broadcast: Broadcast, done: boolean): Promise<void> {
  if (broadcast.progressMessageId === undefined) return;
  const counts = await deps.store.support.broadcastCounts(broadcast.id);
  try {
    await api.editMessageText(broadcast.adminChatId, broadcast.progressMessageId, progressText(deps, broadcast, counts, done), { parse_mode: 'HTML' });
  } catch (error) {
    if (!isHarmlessTelegramError(error)) deps.logger.warn({ err: (error as Error).message, broadcast: broadcast.id }, 'could not update the broadcast progress');
  }
}

/** One recipient: sent, blocked (403: the user blocked the bot or deleted the account), or failed. */
async function sendTo(deps: BotDeps, api: Api, broadcast: Broadcast, userId: number): Promise<'sent' | 'blocked' | 'failed'> {
  try {
    await api.sendMessage(userId, escapeHtml(broadcast.text), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    return 'sent';
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) return 'blocked';
    deps.logger.warn({ err: (error as Error).message, broadcast: broadcast.id }, 'broadcast message failed');
    return 'failed';
  }
}

/** Sends to every pending recipient (claimed one at a time, so replicas share the work), then reports once. */
export async function runBroadcast(deps: BotDeps, api: Api, broadcast: Broadcast, options: BroadcastOptions = {}): Promise<void> {
  const support = deps.store.support;
  const interval = options.intervalMs ?? SEND_INTERVAL_MS;
  let shown = Date.now();
  const next = async () => (isStopping(deps) ? undefined : support.claimRecipient(broadcast.id));
  for (let userId = await next(); userId !== undefined; userId = await next()) {
    const started = Date.now();
    await support.finishRecipient(broadcast.id, userId, await sendTo(deps, api, broadcast, userId));
    if (Date.now() - shown >= PROGRESS_EVERY_MS) {
      shown = Date.now();
      await showProgress(deps, api, broadcast, false);
    }
    await pause(Math.max(0, interval - (Date.now() - started)));
  }
  // Stopped with recipients left: the next start resumes it.
  if (isStopping(deps) && (await support.broadcastCounts(broadcast.id)).pending > 0) return;
  if (await support.finishBroadcast(broadcast.id)) {
    await showProgress(deps, api, broadcast, true);
    deps.logger.info({ broadcast: broadcast.id, ...(await support.broadcastCounts(broadcast.id)) }, 'broadcast finished');
  }
}

/** At start: broadcasts a stop interrupted go on with the recipients still pending. */
export async function resumeBroadcasts(deps: BotDeps, api: Api, options: BroadcastOptions = {}): Promise<number> {
  const sending = await deps.store.support.broadcastsSending();
  for (const broadcast of sending) {
    deps.logger.info({ broadcast: broadcast.id }, 'resuming a broadcast');
    inBackground(deps, runBroadcast(deps, api, broadcast, options));
  }
  return sending.length;
}
