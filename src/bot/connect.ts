/**
 * Start-up against the Bot API: getMe, with a clear line per failed attempt
 * (the URL without the token, and what failed), retried with back-off while
 * the failure can pass (network, timeout, 5xx, 429), and a non-zero exit when
 * it cannot (401: wrong token; 404: not a Bot API at that URL).
 *
 * Why not bot.init(): it calls getMe through the bot's own transformers, where
 * auto-retry repeats network errors silently for as long as it takes, and
 * grammY's default request timeout is 500 s. An operator saw nothing at all.
 */
import { Api, GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { redact, type Logger } from '../infra/logger.ts';

export const DEFAULT_API_ROOT = 'https://api.telegram.org';

export interface ConnectOptions {
  apiRoot?: string;
  logger: Logger;
  /** Per attempt; a server that never answers is reported after this long. */
  timeoutSeconds?: number;
  /** Back-off between attempts: first delay, doubled each time up to the maximum. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Test seam: how to wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

/** Failures no retry can fix: start-up stops with this message (main exits 1). */
export class BotApiStartError extends Error {}

/** What went wrong, in words an operator can act on (never with the token: see redact). */
export function describeFailure(error: unknown, timeoutSeconds: number): string {
  if (error instanceof GrammyError) return `the server answered ${error.error_code}: ${error.description}`;
  if (error instanceof HttpError) {
    const cause = error.error as { code?: string; message?: string; name?: string; cause?: { code?: string; message?: string } } | undefined;
    const code = cause?.code ?? cause?.cause?.code;
    const detail = cause?.message ?? String(cause ?? '');
    if (/timed out/i.test(`${error.message} ${detail}`) || cause?.name === 'AbortError') return `no answer within ${timeoutSeconds} s`;
    if (/invalid json/i.test(detail)) return 'the server did not answer like a Bot API (not JSON)';
    return code ? `${code}: ${detail}` : detail || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function permanent(error: unknown, apiRoot: string): string | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  if (error.error_code === 401) return `the Bot API at ${apiRoot} rejected the token (401: ${error.description}): check BOT_TOKEN`;
  if (error.error_code === 404) return `${apiRoot} answered 404 (${error.description}): check BOT_API_ROOT (or BOT_TOKEN: Telegram answers 404 to a malformed one)`;
  return undefined;
}

/** getMe until it succeeds; logs every failed attempt; throws BotApiStartError when retrying cannot help. */
export async function connectToBotApi(token: string, options: ConnectOptions): Promise<UserFromGetMe> {
  const apiRoot = options.apiRoot ?? DEFAULT_API_ROOT;
  // getMe is tiny: a Bot API that has not answered in 5 s is reported (start-up itself may take seconds on a busy host, and the line must come within 15 s).
  const timeoutSeconds = options.timeoutSeconds ?? 5;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // A bare client: no auto-retry, and a timeout an operator can wait for.
  const api = new Api(token, { apiRoot, timeoutSeconds });
  options.logger.info({ apiRoot }, 'connecting to the Bot API');
  let delayMs = options.firstDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      const me = await api.getMe();
      if (attempt > 1) options.logger.info({ apiRoot, attempt }, 'connected to the Bot API');
      return me;
    } catch (error) {
      const fatal = permanent(error, apiRoot);
      if (fatal) throw new BotApiStartError(redact(fatal));
      options.logger.error(
        { apiRoot, attempt, retryInSeconds: Math.round(delayMs / 1000), failure: redact(describeFailure(error, timeoutSeconds)) },
        `cannot reach the Bot API at ${apiRoot}; retrying`,
      );
      await sleep(delayMs);
      delayMs = Math.min(maxDelayMs, delayMs * 2);
    }
  }
}
