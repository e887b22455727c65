/**
 * Logging and redaction. Every line the process writes about itself goes through
 * redact(): the pino stream (so nested error objects, Bot API descriptions and
 * request payloads are covered after serialisation), the fatal start-up line and
 * the reload reports. Secrets are registered once, at start.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACTED = '[REDACTED]';
/** A Bot API URL carries the token as its path: /bot<token>/method. */
const BOT_URL_TOKEN = /\/bot\d+:[^/\s"'?#]+/g;
/** A token on its own (as @BotFather gives it: digits, colon, 35 characters). */
const BARE_TOKEN = /\b\d{5,}:[A-Za-z0-9_-]{20,}/g;

const secrets = new Set<string>();

/**
 * Registers values no output may contain (the token, the webhook secret). Their
 * URL-encoded forms are covered too: an error may quote a URL or a form body.
 */
export function registerSecrets(...values: (string | undefined)[]): void {
  for (const value of values) {
    const trimmed = value?.trim();
    // Very short values would blank ordinary words; config rejects such secrets anyway.
    if (!trimmed || trimmed.length < 8) continue;
    secrets.add(trimmed);
    secrets.add(encodeURIComponent(trimmed));
  }
}

/** The text with every registered secret, any /bot<token> URL path and any bare token replaced. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out.replace(BOT_URL_TOKEN, `/bot${REDACTED}`).replace(BARE_TOKEN, REDACTED);
}

/** An error as one redacted line of text, for the few places that print without the logger. */
export function redactedMessage(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}

/** A stream that redacts each serialised line before it reaches stderr (the one exit for logs). */
function redactingStderr(): { write(line: string): boolean } {
  return { write: (line: string) => process.stderr.write(redact(line)) };
}

/** Structured logs on stderr, so the console chat and the CLIs keep stdout for the user. */
export function createLogger(level: string, ...secretValues: (string | undefined)[]): Logger {
  registerSecrets(...secretValues);
  return pino({ level, base: undefined }, redactingStderr());
}

export const silentLogger: Logger = pino({ level: 'silent' });
