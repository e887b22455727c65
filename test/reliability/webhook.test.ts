/**
 * Issue 11, problem 4: the webhook with the right secret. Before: invalid JSON or a
 * `null` body → HTTP 500 with no log line (Telegram re-sends 5xx again and again), and
 * no body limit (20 × 5 MB posts: RSS 190 → 262 MB). The real server, in process.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookServer, MAX_BODY_BYTES } from '../../src/server/webhook.ts';
import { createTestBot, type TestBot } from '../helpers/bot.ts';

const SECRET = 'webhook_secret-0123456789';
const logs: Record<string, unknown>[] = [];
let test: TestBot;
let server: ReturnType<typeof createWebhookServer>;
let port: number;

beforeAll(async () => {
  test = await createTestBot();
  const logger = pino({ level: 'info', base: undefined }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  server = createWebhookServer(test.bot, { path: '/telegram', secret: SECRET, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  logs.length = 0;
  test.api.clear();
});

interface Sent {
  status: number;
  body: string;
}

/** A POST with node:http (a server may answer 413 and close before the body is all sent). */
function post(body: Buffer | string, headers: Record<string, string | number> = {}, options: { secret?: string | null; chunked?: boolean } = {}): Promise<Sent> {
  const data = typeof body === 'string' ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/telegram',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.secret === null ? {} : { 'x-telegram-bot-api-secret-token': options.secret ?? SECRET }),
          ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': data.length }),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // The server may close the connection before the whole body is written.
    req.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
    if (options.chunked) {
      // In pieces, as a client without Content-Length sends it.
      for (let i = 0; i < data.length; i += 64 * 1024) req.write(data.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(data);
  });
}

const rejected = () => logs.filter((l) => String(l.msg).startsWith('webhook request rejected'));
const update = (id: number, text: string) =>
  JSON.stringify({ update_id: id, message: { message_id: id, date: 0, chat: { id: 9, type: 'private', first_name: 'W' }, from: { id: 9, is_bot: false, first_name: 'W' }, text } });

describe('webhook: what Telegram must not be made to re-send', () => {
  for (const [name, body] of [
    ['invalid JSON', '{"update_id": 1, "message": '],
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['an object that is not an update', '{"hello":"world"}'],
    ['an update_id that is not a number', '{"update_id":"7"}'],
  ] as const) {
    it(`${name}: 200 (so it is not re-sent), one log line, nothing sent to the chat`, async () => {
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(rejected()).toHaveLength(1);
      expect(rejected()[0]).toMatchObject({ status: 200 });
      expect(test.api.calls).toHaveLength(0);
    });
  }

  it('a good update is answered with 200 and handled', async () => {
    const res = await post(update(10, 'what is an apostille'));
    expect(res.status).toBe(200);
    expect(String(test.api.sent()[0]?.payload.text)).toContain('An apostille');
    expect(rejected()).toHaveLength(0);
  });
});

describe('webhook: oversized bodies and strangers', () => {
  it('a body over 1 MB with its Content-Length: 413 at once, logged once', async () => {
    const res = await post(Buffer.alloc(MAX_BODY_BYTES + 1, 'a'));
    expect(res.status).toBe(413);
    expect(rejected()).toEqual([expect.objectContaining({ status: 413, reason: 'body too large' })]);
  });

  it('a chunked body that grows past 1 MB: 413 as soon as it does, logged once', async () => {
    const res = await post(Buffer.alloc(3 * MAX_BODY_BYTES, 'a'), {}, { chunked: true });
    expect(res.status).toBe(413);
    expect(rejected()).toHaveLength(1);
  });

  it('20 posts of 5 MB at once: all 413, and the server still answers updates', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 'a');
    const results = await Promise.all(Array.from({ length: 20 }, () => post(big)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(413));
    expect(rejected()).toHaveLength(20);
    expect((await post(update(11, 'what is an apostille'))).status).toBe(200);
    expect(test.api.sent()).toHaveLength(1);
  });

  it('a missing or wrong secret: 401, logged once, the body never handled', async () => {
    expect((await post(update(12, 'hi'), {}, { secret: null })).status).toBe(401);
    expect((await post(update(13, 'hi'), {}, { secret: 'wrong-wrong-wrong' })).status).toBe(401);
    expect(rejected().map((l) => l.status)).toEqual([401, 401]);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
    expect(test.api.calls).toHaveLength(0);
  });
});

describe('webhook: failures worth another delivery, and the health check', () => {
  class StoreAway extends Error {}
  it('an update whose handling says "later" gets 503 (Telegram delivers it again); other failures 200 and a log line', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ base: undefined }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    let failWith: Error = new StoreAway('database unreachable');
    let healthy = false;
    const failing = { handleUpdate: async () => Promise.reject(failWith) } as unknown as TestBot['bot'];
    const other = createWebhookServer(failing, {
      path: '/telegram',
      secret: SECRET,
      logger,
      retryLater: (error) => error instanceof StoreAway,
      ping: async () => {
        if (!healthy) throw new StoreAway('database unreachable');
      },
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as AddressInfo).port;
    const send = () =>
      fetch(`http://127.0.0.1:${otherPort}/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: update(20, 'hi') });
    expect((await send()).status).toBe(503);
    failWith = new Error('a bug');
    expect((await send()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.map((l) => l.msg)).toEqual(['update not handled now; 503 so Telegram delivers it again', 'update failed outside the features']);
    expect((await fetch(`http://127.0.0.1:${otherPort}/healthz`)).status).toBe(503);
    healthy = true;
    expect((await fetch(`http://127.0.0.1:${otherPort}/healthz`)).status).toBe(200);
    await new Promise((resolve) => other.close(resolve));
  });
});
