/** Entry point: configuration, dependencies, then Telegram long polling or the console chat. */
import { createDeps } from './app.ts';
import { setCommandMenu } from './bot/commands.ts';
import { createBot } from './bot/index.ts';
import { runConsole } from './cli/console.ts';
import { ConfigError, createConfig, loadDotEnv } from './config.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  loadDotEnv();
  const config = createConfig(process.env);
  const logger = createLogger(config.logLevel ?? (config.botToken ? 'info' : 'warn'), config.botToken);
  const deps = await createDeps(config, logger);

  if (!config.botToken) {
    await runConsole(deps, { input: process.stdin, output: process.stdout, languageCode: config.consoleLanguage });
    return;
  }

  const bot = createBot(config.botToken, deps, config.apiRoot ? { client: { apiRoot: config.apiRoot } } : undefined);
  await bot.init();
  await setCommandMenu(bot.api, deps.i18n, logger);
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await bot.stop();
    await deps.store.flush();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  logger.info({ username: bot.botInfo.username, apiRoot: config.apiRoot ?? 'https://api.telegram.org' }, 'polling');
  await bot.start({ drop_pending_updates: false });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Apostille Helper could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
