import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with stdin from `input`, without network: BOT_TOKEN is cleared unless given. */
export function run(command: string, args: string[], input = '', env: Record<string, string> = {}, timeoutMs = 20_000): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { // Vitest sets MODE=test for its own use; the bot reads MODE (polling | webhook), so it is cleared.
    env: { ...process.env, BOT_TOKEN: '', MODE: '', NODE_ENV: 'production', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out: ${command} ${args.join(' ')}\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

export const TSX = 'node_modules/.bin/tsx';
