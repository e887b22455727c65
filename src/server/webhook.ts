/**
 * Webhook mode: an HTTP server that hands Telegram's POSTs to the bot and
 * answers GET /healthz for load balancers. Everything else is 404.
 *
 * What each request gets, and why:
 * - wrong or missing secret-token header → 401 (only Telegram knows the secret);
 * - a body over 1 MB → 413 as soon as that is known (from Content-Length, or while
 *   reading), and the connection is closed: the body is never read whole or kept;
 * - a body that is not an update (invalid JSON, `null`, no numeric update_id) → 200
 *   and one log line. Telegram repeats every delivery that gets a non-2xx status
 *   and holds back the updates behind it until it gives up, so a 400 would have the
 *   same bad update sent again and again; a 200 drops it, and the log keeps it visible;
 * - a good update → 200 once handled (its reply sent and its done mark stored); 503 when
 *   handling failed in a way that is worth another delivery (options.retryLater, e.g. the
 *   store is unreachable), and 503 too when it is not done after 9 s (a stalled database):
 *   it goes on in the background, and Telegram's next delivery of it is either refused
 *   while it runs or skipped once it is done (bot/middleware.ts, oncePerUpdate), so an
 *   update is acknowledged only when its effects are durable, and answered once.
 * Every rejected request is logged once.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { BotContext } from '../bot/context.ts';
import type { Logger } from '../infra/logger.ts';

/** Telegram's updates are a few kilobytes; nothing it sends comes near this. */
export const MAX_BODY_BYTES = 1024 * 1024;
const ANSWER_WITHIN_MS = 9_000;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookServerOptions {
  path: string;
  secret: string;
  logger: Logger;
  maxBodyBytes?: number;
  answerWithinMs?: number;
  /** Failures worth another delivery from Telegram (503 instead of 200). Default: none. */
  retryLater?: (error: unknown) => boolean;
  /** Checked by GET /healthz: a rejection answers 503 (e.g. a database that is away). */
  ping?: () => Promise<void>;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

class TooLarge extends Error {}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The body, read up to `limit` bytes; more than that rejects without reading on. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        chunks.length = 0;
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** An object with a whole-number update_id: anything else is not a Telegram update. */
function asUpdate(value: unknown): Update | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as { update_id?: unknown }).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? (value as Update) : undefined;
}

/** The options with their defaults filled in, shared by the request handlers. */
interface Webhook {
  bot: Bot<BotContext>;
  options: WebhookServerOptions;
  logger: Logger;
  limit: number;
  answerWithinMs: number;
}

export function createWebhookServer(bot: Bot<BotContext>, options: WebhookServerOptions): Server {
  const { logger } = options;
  const hook: Webhook = {
    bot,
    options,
    logger,
    limit: options.maxBodyBytes ?? MAX_BODY_BYTES,
    answerWithinMs: options.answerWithinMs ?? ANSWER_WITHIN_MS,
  };
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/healthz') {
      answerHealth(hook, res);
      return;
    }
    if (req.method === 'POST' && path === options.path) {
      handlePost(hook, req, res).catch((error: unknown) => {
        logger.error({ err: errorText(error) }, 'webhook request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    reject(logger, req, res, 404, 'unknown path or method');
  });
}

/** Logs and answers a rejected request; undefined, so a handler can `return reject(…)`. */
function reject(logger: Logger, req: IncomingMessage, res: ServerResponse, status: number, reason: string, extra: Record<string, unknown> = {}): undefined {
  logger.warn({ status, reason, method: req.method, path: req.url?.split('?')[0], remote: req.socket.remoteAddress, ...extra }, 'webhook request rejected');
  if (status === 413) {
    // Do not read (or keep) the rest of the body: answer and close the connection.
    res.writeHead(413, { connection: 'close' }).end(() => req.destroy());
    return;
  }
  res.writeHead(status).end();
}

function answerHealth({ options, logger }: Webhook, res: ServerResponse): void {
  (options.ping ?? (async () => undefined))().then(
    () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
    (error: unknown) => {
      logger.warn({ err: errorText(error) }, 'health check failed');
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false}');
    },
  );
}

async function handlePost(hook: Webhook, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const update = await receiveUpdate(hook, req, res);
  if (update) await answerUpdate(hook, update, res);
}

/** The update in the request, or undefined once the request has been answered (rejected or dropped). */
async function receiveUpdate({ options, logger, limit }: Webhook, req: IncomingMessage, res: ServerResponse): Promise<Update | undefined> {
  if (!sameSecret(req.headers[SECRET_HEADER], options.secret)) return reject(logger, req, res, 401, 'missing or wrong secret token');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return reject(logger, req, res, 413, 'body too large', { bytes: declared });
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (error) {
    if (error instanceof TooLarge) return reject(logger, req, res, 413, 'body too large', { bytes: `> ${limit}` });
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    logger.warn({ status: 200, reason: 'invalid JSON', bytes: body.length }, 'webhook request rejected: dropped (200, so Telegram does not resend it)');
    res.writeHead(200).end();
    return undefined;
  }
  const update = asUpdate(parsed);
  if (!update) {
    logger.warn({ status: 200, reason: 'not an update', bytes: body.length }, 'webhook request rejected: dropped (200, so Telegram does not resend it)');
    res.writeHead(200).end();
  }
  return update;
}

/** 200 once handled; 503 for a failure worth another delivery, or when not done within answerWithinMs. */
async function answerUpdate({ bot, options, logger, answerWithinMs }: Webhook, update: Update, res: ServerResponse): Promise<void> {
  let failure: { error: unknown } | undefined;
  let done = false;
  const handled = bot.handleUpdate(update).then(
    () => void (done = true),
    (error: unknown) => void ((failure = { error }), (done = true)),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, answerWithinMs)));
  await Promise.race([handled, late]);
  clearTimeout(timer);
  if (!done) {
    logger.warn({ status: 503, update_id: update.update_id }, 'update not done in time; 503 so Telegram delivers it again (a duplicate is skipped)');
    res.writeHead(503).end();
    void handled.then(() => {
      if (failure) logger.error({ err: errorText(failure.error), update_id: update.update_id }, 'update failed outside the features');
    });
    return;
  }
  if (failure && options.retryLater?.(failure.error)) {
    logger.warn({ status: 503, update_id: update.update_id, err: errorText(failure.error) }, 'update not handled now; 503 so Telegram delivers it again');
    res.writeHead(503).end();
    return;
  }
  if (failure) logger.error({ err: errorText(failure.error), update_id: update.update_id }, 'update failed outside the features');
  res.writeHead(200).end();
}
