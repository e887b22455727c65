/**
 * Hardening probes (issue 11), the same ones an operator would run: time to the
 * first line against an unreachable Bot API, the worst CPU one message can cost,
 * resident memory after oversized webhook posts, the longest event-loop block
 * during a 5,000-entry reload, and resident memory at start vs a bare bot.
 * `npm run bench` reports them; `node --import tsx bench/probes.ts` prints them alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataService } from '../src/data/service.ts';
import type { KnowledgeBase } from '../src/knowledge/load.ts';
import { buttonsOf, createTestBot, DATA_PATHS, USER_ZH } from '../test/helpers/bot.ts';
import { FakeBotApi } from '../test/helpers/fake-bot-api.ts';
import { freePort, TEST_TOKEN } from '../test/helpers/spawn-bot.ts';
import { median } from './stats.ts';
import { syntheticKnowledgeBase } from './synthetic.ts';

const tempDir = () => mkdtemp(join(tmpdir(), 'apostille-probe-'));

/** The bot process itself (node with the tsx loader, not the tsx wrapper), so its RSS is the bot's. */
function startBotProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, MODE: '', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Against a closed port: milliseconds from spawn to the first line on stderr, and to the
 * first line that says what failed (names ECONNREFUSED); undefined = not within `limitMs`.
 */
export async function firstLineOnUnreachableApi(limitMs = 20_000): Promise<{ ms?: number; failureMs?: number; line?: string }> {
  const closedPort = await freePort();
  const child = startBotProcess({ BOT_TOKEN: TEST_TOKEN, BOT_API_ROOT: `http://127.0.0.1:${closedPort}`, DATA_DIR: await tempDir(), LOG_LEVEL: 'trace' });
  const started = performance.now();
  const result = await new Promise<{ ms?: number; failureMs?: number; line?: string }>((resolve) => {
    const found: { ms?: number; failureMs?: number; line?: string } = {};
    const timer = setTimeout(() => resolve(found), limitMs);
    let text = '';
    child.stderr!.on('data', (d: Buffer) => {
      text += d;
      if (found.ms === undefined && text.includes('\n')) found.ms = performance.now() - started;
      const failure = text.split('\n').find((l) => l.includes('ECONNREFUSED'));
      if (failure) {
        clearTimeout(timer);
        resolve({ ...found, failureMs: performance.now() - started, line: failure });
      }
    });
    child.on('exit', () => (clearTimeout(timer), resolve(found)));
  });
  child.kill('SIGKILL');
  return result;
}

/** Generous 4,096-character texts of several kinds: Latin words, Han characters, one long token, mixed. */
export function longTexts(): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(4096 / unit.length)).slice(0, 4096);
  return {
    latin: fill('germany certificate origin apostille '),
    han: fill('德国原产地证书附加证明书海牙认证'),
    token: fill('x'),
    mixed: fill('加拿大 birth 证书 q '),
  };
}

export interface CpuProbe {
  feature: string;
  kind: string;
  ms: number;
}

/**
 * CPU milliseconds per message (handleUpdate with outgoing calls answered in-process):
 * process CPU time rather than wall time, so other processes on a busy machine do not
 * count; everything here runs on the event loop, so it is also how long the loop is held.
 */
export async function cpuPerMessage(repeats = 3): Promise<CpuProbe[]> {
  const results: CpuProbe[] = [];
  const test = await createTestBot({ runtime: { rateLimit: false } });
  const time = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const started = process.cpuUsage();
      await run();
      const used = process.cpuUsage(started);
      times.push((used.user + used.system) / 1000);
    }
    return median(times);
  };
  // A wizard waiting for a typed document (and one waiting for a typed country).
  const wizardAt = async (step: 'document' | 'country') => {
    await test.say('/check');
    const press = async (prefix: string) => {
      // The last message with buttons (a step is sent, or edited in place after a press).
      const last = [...test.api.calls].reverse().find((c) => c.payload.reply_markup !== undefined);
      const button = buttonsOf({ reply_markup: last?.payload.reply_markup }).find((b) => b.callback_data.includes(prefix));
      await test.press(button!.callback_data);
    };
    await press(':dir:from_china');
    await press(':grp:');
    if (step === 'country') await press(':doc:');
  };
  for (const [kind, text] of Object.entries(longTexts())) {
    results.push({ feature: '/country', kind, ms: await time(() => test.say(`/country ${text}`.slice(0, 4096))) });
    results.push({ feature: '/check', kind, ms: await time(() => test.say(`/check ${text}`.slice(0, 4096))) });
    // Another user, so no wizard of the runs above is waiting in this chat.
    results.push({ feature: 'question', kind, ms: await time(() => test.say(text, USER_ZH)) });
    results.push({ feature: 'wizard document', kind, ms: await time(async () => (await wizardAt('document'), test.say(text))) - (await time(() => wizardAt('document'))) });
    results.push({ feature: 'wizard country', kind, ms: await time(async () => (await wizardAt('country'), test.say(text))) - (await time(() => wizardAt('country'))) });
  }
  return results;
}

/** Resident memory of the webhook process before and after `count` posts of `mb` MB with the right secret. */
export async function rssAfterOversizedPosts(count = 20, mb = 5): Promise<{ before: number; after: number; statuses: number[] }> {
  const api = new FakeBotApi();
  await api.start();
  const port = await freePort();
  const secret = 'probe_secret-0123456789';
  const child = startBotProcess({
    BOT_TOKEN: TEST_TOKEN,
    BOT_API_ROOT: api.url,
    DATA_DIR: await tempDir(),
    MODE: 'webhook',
    WEBHOOK_URL: 'https://bot.example.org/telegram',
    WEBHOOK_SECRET: secret,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  await new Promise<void>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`webhook bot did not start:\n${text}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      text += d;
      if (text.includes('webhook server listening')) (clearTimeout(timer), resolve());
    });
  });
  await new Promise((r) => setTimeout(r, 500));
  const before = rssOf(child.pid!);
  const body = Buffer.alloc(mb * 1024 * 1024, 'a');
  body.write('{"update_id":1,"message":{"text":"');
  const statuses = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<number>((resolve) => {
        const req = request({ host: '127.0.0.1', port, path: '/telegram', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-telegram-bot-api-secret-token': secret } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', () => resolve(0));
        req.end(body);
      }),
    ),
  );
  await new Promise((r) => setTimeout(r, 500));
  const after = rssOf(child.pid!);
  child.kill('SIGKILL');
  await api.stop();
  return { before, after, statuses };
}

/** Watches the event loop: the longest gap between ticks of a 1 ms timer while `work` runs. */
export async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await work();
  clearInterval(tick);
  longest = Math.max(longest, performance.now() - last);
  return longest;
}

/** Longest event-loop block while the data service reloads a 5,000-entry knowledge base from disk. */
export async function reloadBlock(size = 5000): Promise<{ blockMs: number; reloadMs: number; entries: number }> {
  const dir = await tempDir();
  const paths = { faqFile: join(dir, 'faq.json'), countriesFile: join(dir, 'countries.json'), documentsFile: join(dir, 'documents.json') };
  await Promise.all([copyFile(DATA_PATHS.countriesFile, paths.countriesFile), copyFile(DATA_PATHS.documentsFile, paths.documentsFile)]);
  const real = (await DataService.load(DATA_PATHS)).current().knowledge.kb;
  const synthetic: KnowledgeBase = syntheticKnowledgeBase(real, size);
  const shipped = JSON.parse(readFileSync(DATA_PATHS.faqFile, 'utf8')) as Record<string, unknown>;
  // Staff data must validate: each synthetic question variant is made distinct with the entry's tag word.
  const entries = synthetic.entries.map((entry, i) => {
    if (i < real.entries.length) return entry;
    const tag = entry.keywords.at(-1)!;
    const own = (questions: string[]) => questions.map((q) => (q.includes(tag) ? q : `${q} ${tag}`));
    return { ...entry, questions: { zh: own(entry.questions.zh), en: own(entry.questions.en) } };
  });
  await writeFile(paths.faqFile, JSON.stringify({ ...shipped, entries }));
  const service = await DataService.load(paths);
  const started = performance.now();
  let ok = false;
  const blockMs = await longestBlock(async () => {
    ok = (await service.reload()).ok;
  });
  if (!ok) throw new Error('the synthetic knowledge base did not validate');
  return { blockMs, reloadMs: performance.now() - started, entries: service.current().knowledge.kb.entries.length };
}

/** V8 flags `npm start` gives the bot (package.json): a smaller young generation, see README "Memory". */
export const START_FLAGS = ['--max-semi-space-size=4'];

export interface StartupRss {
  /** Median resident memory when ready, bytes, and time to ready, ms. */
  ours: number;
  bare: number;
  oursMs: number;
  bareMs: number;
}

/** Resident memory when ready: our start-up vs a bare grammY bot (bench/startup/*), both with `flags`, median of `runs`, interleaved. */
export async function startupRss(runs = 3, flags: string[] = START_FLAGS): Promise<StartupRss> {
  const once = (script: string) =>
    new Promise<{ ms: number; rss: number }>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (d) => {
        text += d;
        const match = /ready (\d+)/.exec(text);
        if (match) resolve({ ms: performance.now() - started, rss: Number(match[1]) });
      });
      child.on('exit', (code) => code && reject(new Error(`${script} exited ${code}`)));
    });
  const ours: { ms: number; rss: number }[] = [];
  const bare: { ms: number; rss: number }[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await once('bench/startup/ours.ts'));
    bare.push(await once('bench/startup/echo.ts'));
  }
  return { ours: median(ours.map((s) => s.rss)), bare: median(bare.map((s) => s.rss)), oursMs: median(ours.map((s) => s.ms)), bareMs: median(bare.map((s) => s.ms)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  if (want('unreachable')) {
    const first = await firstLineOnUnreachableApi();
    const after = (ms?: number) => (ms === undefined ? 'none within 20 s' : `${ms.toFixed(0)} ms`);
    console.log(`unreachable API: first line after ${after(first.ms)}; first line naming the failure after ${after(first.failureMs)}: ${first.line ?? ''}`);
  }
  if (want('cpu')) {
    const cpu = await cpuPerMessage();
    for (const c of cpu) console.log(`cpu ${c.feature} ${c.kind}: ${c.ms.toFixed(1)} ms`);
    const worst = cpu.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`cpu worst: ${worst.feature} (${worst.kind}) ${worst.ms.toFixed(1)} ms`);
  }
  if (want('posts')) {
    const posts = await rssAfterOversizedPosts();
    console.log(`20 x 5 MB posts: RSS ${mb(posts.before)} -> ${mb(posts.after)} MB; statuses ${[...new Set(posts.statuses)].join(',')}`);
  }
  if (want('reload')) {
    const reload = await reloadBlock();
    console.log(`reload ${reload.entries} entries: longest block ${reload.blockMs.toFixed(0)} ms, reload took ${reload.reloadMs.toFixed(0)} ms`);
  }
  if (want('startup')) {
    for (const flags of [START_FLAGS, []]) {
      const start = await startupRss(3, flags);
      console.log(`start RSS (${flags.join(' ') || 'default V8 flags'}): ours ${mb(start.ours)} MB vs bare ${mb(start.bare)} MB = ${(start.ours / start.bare).toFixed(2)}x`);
    }
  }
}
