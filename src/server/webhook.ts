/**
 * Webhook mode: an HTTP server that hands Telegram's POSTs to the bot (grammY's
 * webhookCallback checks the secret-token header and answers 401 without it)
 * and answers GET /healthz for load balancers. Everything else is 404.
 */
import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { BotContext } from '../bot/context.ts';
import type { Logger } from '../logger.ts';
import { isRetryLater } from '../storage/types.ts';

export interface WebhookServerOptions {
  path: string;
  secret: string;
  /** Throws when a dependency (the database) is unreachable: /healthz then answers 503. */
  ping?: () => Promise<void>;
  logger?: Logger;
}

export function createWebhookServer(bot: Bot<BotContext>, options: WebhookServerOptions): Server {
  // Answer Telegram within its time limit; a slow update finishes in the background.
  const handle = webhookCallback(bot, 'http', { secretToken: options.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/healthz') {
      const ping = options.ping ?? (async () => undefined);
      ping().then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
        (error: unknown) => {
          options.logger?.warn({ err: (error as Error).message }, 'health check failed');
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false}');
        },
      );
      return;
    }
    if (req.method === 'POST' && path === options.path) {
      handle(req, res).catch((error: unknown) => {
        // Database away or the update busy on another replica: 503, so Telegram delivers it again.
        const retry = isRetryLater(error);
        if (retry) options.logger?.warn({ err: (error as { error?: Error }).error?.message ?? (error as Error).message }, 'update not handled now; Telegram will re-send it');
        if (!res.headersSent) res.writeHead(retry ? 503 : 500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
}
