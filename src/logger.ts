import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs on stderr, so the console chat and the CLIs keep stdout for the user. */
export function createLogger(level: string, token?: string): Logger {
  return pino(
    {
      level,
      base: undefined,
      // Never print the token, wherever it would end up (URLs in errors, config dumps).
      ...(token
        ? {
            hooks: {
              logMethod(args, method) {
                const redacted = args.map((arg) => redactToken(arg, token));
                method.apply(this, redacted as Parameters<typeof method>);
              },
            },
          }
        : {}),
    },
    pino.destination(2),
  );
}

function redactToken(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.split(token).join('[BOT_TOKEN]');
  if (value && typeof value === 'object') return JSON.parse(JSON.stringify(value).split(token).join('[BOT_TOKEN]'));
  return value;
}

export const silentLogger: Logger = pino({ level: 'silent' });
