/** Outgoing Bot API calls: retries, throttling, failure logging, and a guard for servers that do not long-poll. */
import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { HttpError, type Api, type Transformer } from 'grammy';
import { describeFailure } from './connect.ts';
import type { Logger } from '../infra/logger.ts';

/**
 * Telegram's flood limits: about 30 messages a second overall and 20 a minute per group
 * (the plugin's defaults). Per private chat the plugin spaces calls a full second; we use
 * half that, so a two-part answer or a wizard step does not feel slow, and auto-retry
 * covers the rare 429.
 */
const THROTTLE = {
  global: { reservoir: 30, reservoirRefreshAmount: 30, reservoirRefreshInterval: 1000 },
  group: { maxConcurrent: 1, minTime: 1000, reservoir: 20, reservoirRefreshAmount: 20, reservoirRefreshInterval: 60_000 },
  out: { maxConcurrent: 1, minTime: 500 },
};

export interface TransformerOptions {
  /** Queue outgoing calls within Telegram's flood limits (on in production; tests turn it off for speed). */
  throttle: boolean;
  logger: Logger;
}

/** Logs every failed call with the method and Telegram's description (grammY keeps the token out of these). */
function logFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) logger.warn({ method, error_code: result.error_code, description: result.description }, 'Bot API call failed');
      return result;
    } catch (error) {
      logger.warn({ method, err: (error as Error).message }, 'Bot API call failed');
      throw error;
    }
  };
}

/**
 * Auto-retry repeats network failures without end and without a word; this logs each
 * one it is about to repeat, so an unreachable Bot API is never silent.
 */
function logNetworkFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      if (error instanceof HttpError && !signal?.aborted) logger.warn({ method, failure: describeFailure(error, 500) }, 'Bot API unreachable; auto-retry will try again');
      throw error;
    }
  };
}

export function installTransformers(api: Api, options: TransformerOptions): void {
  // Innermost first: the throttler spaces the real calls, each network failure is logged,
  // auto-retry repeats them, and the log sees each failure auto-retry could not fix.
  if (options.throttle) api.config.use(apiThrottler(THROTTLE));
  api.config.use(logNetworkFailures(options.logger));
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  api.config.use(logFailures(options.logger));
}

/**
 * A real Bot API server holds getUpdates open until updates arrive; one that answers
 * an empty list at once (a local emulator, a misconfigured proxy) would make the
 * poller spin. Then we pause briefly before the next call.
 */
export function pollingGuard(pauseMs = 250): Transformer {
  return async (prev, method, payload, signal) => {
    const started = Date.now();
    const result = await prev(method, payload, signal);
    if (method === 'getUpdates' && result.ok && Array.isArray(result.result) && result.result.length === 0 && Date.now() - started < 1000) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    return result;
  };
}
