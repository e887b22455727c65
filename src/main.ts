/** Entry point: configuration, dependencies, then Telegram long polling or the console chat. */
import { createDeps } from './app.ts';
import { setCommandMenu } from './bot/commands.ts';
import { createBot } from './bot/index.ts';
import { runConsole } from './cli/console.ts';
import { ConfigError, createConfig, loadDotEnv } from './config.ts';
import { reportReload } from './bot/reload-report.ts';
import { formatIssues } from './data/report.ts';
import { DataLoadError } from './data/service.ts';
import { watchData } from './data/watch.ts';
import { I18n } from './i18n/index.ts';
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
  const stopWatching = watchData(deps.data, (result) => void reportReload(deps, bot.api, result));
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    stopWatching();
    await bot.stop();
    await deps.store.flush();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  logger.info({ username: bot.botInfo.username, apiRoot: config.apiRoot ?? 'https://api.telegram.org' }, 'polling');
  await bot.start({ drop_pending_updates: false });
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof DataLoadError) {
    const t = (await I18n.create()).translator('en');
    process.stderr.write(`Apostille Helper could not start: the data files have errors.\n${formatIssues(error.issues, t, [])}\n`);
  } else {
    process.stderr.write(`Apostille Helper could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
