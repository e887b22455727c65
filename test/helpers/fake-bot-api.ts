/**
 * A small Bot API server on 127.0.0.1 for fault tests: it queues updates for
 * getUpdates (with offset and long polling, as Telegram does), records every
 * call, can be told to fail a method, delay it, or go away for a while, and
 * serves uploaded files (getFile, then /file/bot<token>/<path>) as streams.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** What the fake answered (e.g. the message with its message_id), once it has. */
  result?: unknown;
}

type Scripted = { status: number; body: Record<string, unknown> };

/** A file a user "uploaded": getFile reports `size` (omitted when undefined), the download streams `chunks`. */
export interface ServedFile {
  size?: number;
  chunks: () => Iterable<Uint8Array>;
  /** Bytes written to the bot so far (a download cut short stops early). */
  sent: number;
}
/** A scripted answer computed from the request (e.g. an error that echoes the URL and the payload, token and all). */
type ScriptedFrom = (request: { url: string; payload: Record<string, unknown> }) => Scripted;

export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  private updates: Update[] = [];
  private nextUpdateId = 1;
  private server?: Server;
  private port = 0;
  private readonly scripts = new Map<string, (Scripted | ScriptedFrom)[]>();
  private readonly delays = new Map<string, number>();
  private readonly rules = new Map<string, ((payload: Record<string, unknown>) => Scripted | undefined)[]>();
  private waiting: (() => void)[] = [];
  private messageId = 0;
  private readonly files = new Map<string, ServedFile>();

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.url?.startsWith('/file/')) return void this.serveFile(req, res);
      void this.handle(req).then(({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Closes the port (connections are refused) until up() is called. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }

  async up(): Promise<void> {
    await this.start(this.port);
  }

  async stop(): Promise<void> {
    this.waiting.forEach((w) => w());
    await this.down();
  }

  /** The next calls of `method` get these answers, in order; then normal service. */
  script(method: string, ...responses: (Scripted | ScriptedFrom)[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...responses]);
  }

  /** From now on, calls of `method` the rule answers (not undefined) get its answer: e.g. one chat that blocked the bot. */
  rule(method: string, answer: (payload: Record<string, unknown>) => Scripted | undefined): void {
    this.rules.set(method, [...(this.rules.get(method) ?? []), answer]);
  }

  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** Registers an uploaded file: its file_id (also its path), for a photo or document update. */
  addFile(fileId: string, file: Omit<ServedFile, 'sent'>): ServedFile {
    const served = { ...file, sent: 0 };
    this.files.set(fileId, served);
    return served;
  }

  /** A user's text message (a leading /command gets its entity). */
  pushText(chatId: number, text: string): void {
    const command = /^\/\w+/.exec(text);
    this.push({
      message: {
        message_id: 1000 + this.nextUpdateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'U' },
        from: { id: chatId, is_bot: false, first_name: 'U', language_code: 'en' },
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    } as Omit<Update, 'update_id'>);
  }

  push(update: Omit<Update, 'update_id'>): void {
    this.updates.push({ ...update, update_id: this.nextUpdateId++ } as Update);
    this.waiting.splice(0).forEach((w) => w());
  }

  sent(method = 'sendMessage'): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (!predicate()) {
      if (Date.now() - started > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(',')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fileId = /^\/file\/bot[^/]+\/documents\/(.+)$/.exec(req.url ?? '')?.[1];
    const file = fileId === undefined ? undefined : this.files.get(decodeURIComponent(fileId));
    this.calls.push({ method: 'file', payload: { file_id: fileId }, at: Date.now() });
    if (!file) return void res.writeHead(404).end();
    await streamTo(res, file);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let payload: Record<string, unknown> = {};
    try {
      payload = raw && (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      // multipart bodies (files) are recorded without their payload
    }
    const call: RecordedCall = { method, payload, at: Date.now() };
    this.calls.push(call);
    const answer = await this.answer(method, payload, req.url ?? '');
    call.result = answer.body.result;
    return answer;
  }

  private async answer(method: string, payload: Record<string, unknown>, url: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const scripted = this.scripts.get(method)?.shift();
    if (scripted) return typeof scripted === 'function' ? scripted({ url, payload }) : scripted;
    for (const rule of this.rules.get(method) ?? []) {
      const ruled = rule(payload);
      if (ruled) return ruled;
    }
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    switch (method) {
      case 'getMe':
        return ok({ id: 42, is_bot: true, first_name: 'Test', username: 'test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0);
        this.updates = this.updates.filter((u) => u.update_id >= offset);
        if (!this.updates.length) {
          const timeout = Math.min(Number(payload.timeout ?? 0), 2) * 1000;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeout);
            this.waiting.push(() => (clearTimeout(timer), resolve()));
          });
        }
        return ok(this.updates.slice(0, Number(payload.limit ?? 100)));
      }
      case 'getFile': {
        const fileId = String(payload.file_id);
        const file = this.files.get(fileId);
        if (!file) return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' } };
        return ok({ file_id: fileId, file_unique_id: fileId, file_path: `documents/${fileId}`, ...(file.size === undefined ? {} : { file_size: file.size }) });
      }
      case 'sendMessage':
        return ok({ message_id: ++this.messageId, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' }, text: payload.text });
      default:
        return ok(true);
    }
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Streams a file chunk by chunk, waiting whenever the bot stops reading, so `sent` counts what it took. */
async function streamTo(res: ServerResponse, file: ServedFile): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  for (const chunk of file.chunks()) {
    if (res.destroyed) return;
    file.sent += chunk.byteLength;
    if (!res.write(chunk)) await drainedOrClosed(res);
  }
  res.end();
}

const ok = (result: unknown) => ({ status: 200, body: { ok: true, result } });
