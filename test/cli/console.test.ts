import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/bot.ts';
import { run, TSX } from '../helpers/process.ts';

describe('npm start without a token: the console chat', () => {
  it('says so in one line, answers piped questions in both languages, presses buttons by number, and exits cleanly', async () => {
    const dataDir = await tempDir();
    const input = ['/start', '1', '附加证明书有没有有效期', 'how do I cook rice', '/lang', '2', ''].join('\n');
    const { code, stdout, stderr } = await run(TSX, ['src/main.ts'], input, { DATA_DIR: dataDir });
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toContain('No BOT_TOKEN set');
    expect(stdout).toContain('[1] What is an apostille?');
    // "1" pressed the first button of /start.
    expect(stdout).toContain('certifies the authenticity of the signature');
    expect(stdout).toContain('公约没有规定附加证明书的有效期');
    expect(stdout).toContain('could not find a reliable answer');
    expect(stdout).toContain('语言已设置为简体中文');
    // No HTML reaches the terminal.
    expect(stdout).not.toMatch(/<b>|&amp;|<a href/);
  });

  it('keeps the language chosen in one session for the next', async () => {
    const dataDir = await tempDir();
    await run(TSX, ['src/main.ts'], '/lang\n3\n', { DATA_DIR: dataDir });
    // CONSOLE_LANGUAGE=en at the next start does not override the /lang choice.
    const { stdout } = await run(TSX, ['src/main.ts'], '/help\n', { DATA_DIR: dataDir, CONSOLE_LANGUAGE: 'en' });
    expect(stdout).toContain('使用說明');
    expect(stdout.split('\n')[0]).toContain('BOT_TOKEN');
  });

  it('stops with one clear line on a bad setting', async () => {
    const { code, stderr } = await run(TSX, ['src/main.ts'], '', { BOT_API_ROOT: 'not a url', DATA_DIR: join(await tempDir(), 'x') });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Configuration error: BOT_API_ROOT: /);
  });
});
