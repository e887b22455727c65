/** Starts the real bot (`npm start` without npm: tsx src/main.ts) as a child process and reads its JSON log. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_TOKEN = '123456789:TEST-token_abcdefghijklmnopqrstuvwxyz';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A webhook-mode bot on 127.0.0.1:`port` with its own DATA_DIR, against a local Bot API, outgoing throttling off. */
export async function webhookEnv(apiRoot: string, port: number, secret: string): Promise<Record<string, string>> {
  return {
    BOT_TOKEN: TEST_TOKEN,
    BOT_API_ROOT: apiRoot,
    DATA_DIR: await mkdtemp(join(tmpdir(), 'apostille-bot-')),
    MODE: 'webhook',
    WEBHOOK_URL: 'https://bot.example.org/tg',
    WEBHOOK_SECRET: secret,
    PORT: String(port),
    HOST: '127.0.0.1',
    THROTTLE: 'off',
  };
}

export interface BotProcess {
  child: ChildProcess;
  /** Every log line so far, parsed (non-JSON lines kept as { raw }). */
  logs: Record<string, unknown>[];
  stderr: () => string;
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  exit: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startBot(env: Record<string, string>): BotProcess {
  // Node itself with tsx as a loader (not the tsx CLI, which runs the bot in a child process):
  // a signal, SIGKILL included, reaches the bot.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, MODE: '', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let err = '';
  let buffer = '';
  const waiters: { predicate: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk;
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        parsed = { raw: line };
      }
      logs.push(parsed);
      for (const w of [...waiters]) if (w.predicate(parsed)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(parsed));
    }
  });
  child.stdout!.resume();
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    logs,
    stderr: () => err,
    exit,
    waitForLog(predicate, timeoutMs = 15_000) {
      const found = logs.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`log line not seen in ${timeoutMs} ms; stderr:\n${err.slice(-3000)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exit;
    },
  };
}
