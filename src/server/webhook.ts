/**
 * Webhook mode: an HTTP server that hands Telegram's POSTs to the bot (grammY's
 * webhookCallback checks the secret-token header and answers 401 without it)
 * and answers GET /healthz for load balancers. Everything else is 404.
 */
import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { BotContext } from '../bot/context.ts';

export interface WebhookServerOptions {
  path: string;
  secret: string;
}

export function createWebhookServer(bot: Bot<BotContext>, options: WebhookServerOptions): Server {
  // Answer Telegram within its time limit; a slow update finishes in the background.
  const handle = webhookCallback(bot, 'http', { secretToken: options.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (req.method === 'POST' && path === options.path) {
      handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
}
