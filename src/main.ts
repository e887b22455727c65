/** Entry point: configuration, dependencies, then Telegram (polling or webhook) or the console chat. */
import type { Server } from 'node:http';
import type { Bot } from 'grammy';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { createDeps } from './app.ts';
import type { BotContext, BotDeps } from './bot/context.ts';
import { setCommandMenu } from './bot/commands.ts';
import { createBot } from './bot/index.ts';
import { resumeBroadcasts } from './bot/features/broadcast.ts';
import { backgroundIdle, stopBackground } from './bot/background.ts';
import { reportReload } from './bot/reload-report.ts';
import { holdUpdatesWhileStorageDown } from './bot/outage.ts';
import { pollingGuard } from './bot/transformers.ts';
import { runConsole } from './cli/console.ts';
import { BotApiStartError, connectToBotApi, DEFAULT_API_ROOT } from './bot/connect.ts';
import { ConfigError, createConfig, loadDotEnv, type Config } from './infra/config.ts';
import { formatIssues } from './data/report.ts';
import { DataLoadError } from './data/service.ts';
import { watchData } from './data/watch.ts';
import { I18n } from './i18n/index.ts';
import { createLogger, redact, redactedMessage, registerSecrets, type Logger } from './infra/logger.ts';
import { createWebhookServer } from './server/webhook.ts';
import { databasePassword, PostgresStore } from './storage/postgres.ts';
import { isRetryLater } from './storage/types.ts';

/** Update kinds the bot handles; Telegram sends nothing else. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'inline_query'] as const;
/** A stop that takes longer than this is forced (exit 1), so a stuck call cannot hang a deploy. */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  loadDotEnv();
  // Before anything can fail: even the fatal line below must not print these.
  registerSecrets(process.env.BOT_TOKEN, process.env.WEBHOOK_SECRET, databasePassword(process.env.DATABASE_URL));
  const config = createConfig(process.env);
  const logger = createLogger(config.logLevel ?? (config.botToken ? 'info' : 'warn'), config.botToken, config.webhook?.secret);
  const deps = await createDeps(config, logger);

  if (!config.botToken) {
    await runConsole(deps, { input: process.stdin, output: process.stdout, languageCode: config.consoleLanguage });
    await deps.reader?.close();
    return;
  }

  const bot = createBot(config.botToken, deps, config.apiRoot ? { client: { apiRoot: config.apiRoot } } : undefined, {
    throttle: config.throttle,
    rateLimit: config.rateLimitPerMinute > 0 ? { limit: config.rateLimitPerMinute, windowMs: 60_000 } : false,
    dedupeUpdates: true,
  });
  // Our own getMe instead of bot.init(): a line per failed attempt, never silence (see connect.ts).
  bot.botInfo = await connectToBotApi(config.botToken, { apiRoot: config.apiRoot, logger });
  // In the background: the menu is a nicety, and a Bot API server that refuses it must not delay start-up.
  void setCommandMenu(bot.api, deps.i18n, logger, { staffChat: deps.staffChatId !== undefined });
  const stopWatching = watchData(deps.data, (result) => void reportReload(deps, bot.api, result));
  // A broadcast a stop interrupted goes on with those not yet sent to (never twice).
  void resumeBroadcasts(deps, bot.api).catch((error: unknown) => logger.error({ err: redactedMessage(error) }, 'could not resume broadcasts'));

  const receiving: Receiving =
    config.mode === 'webhook' && config.webhook
      ? { server: await startWebhook(bot, config, config.webhook, deps, logger) }
      : { runner: await startPolling(bot, config, deps, logger) };
  stopOnSignals({ ...receiving, stopWatching }, deps, logger);
}

/** How updates arrive: the webhook's server or the poller. */
interface Receiving {
  server?: Server;
  runner?: RunnerHandle;
}

async function startWebhook(bot: Bot<BotContext>, config: Config, webhook: NonNullable<Config['webhook']>, deps: BotDeps, logger: Logger): Promise<Server> {
  const server = createWebhookServer(bot, { path: webhook.path, secret: webhook.secret, logger, retryLater: isRetryLater, ping: () => deps.store.ping() });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ username: bot.botInfo.username, port: config.port, path: webhook.path }, 'webhook server listening');
  return server;
}

async function startPolling(bot: Bot<BotContext>, config: Config, deps: BotDeps, logger: Logger): Promise<RunnerHandle> {
  // Telegram allows one poller per bot; on a shared database a second one says so and leaves.
  if (deps.store instanceof PostgresStore) {
    const lostLock = () => {
      logger.fatal('another long-polling process took over this database while it was away; exiting');
      process.exit(1);
    };
    if (!(await deps.store.acquirePollingLock(lostLock))) {
      logger.fatal('another long-polling process already uses this database: Telegram allows one poller per bot. For several replicas use MODE=webhook (see README).');
      await deps.store.close();
      process.exit(1);
    }
  }
  await bot.api.deleteWebhook();
  bot.api.config.use(holdUpdatesWhileStorageDown(bot, deps.store, logger));
  bot.api.config.use(pollingGuard());
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, retryInterval: 'exponential', maxRetryTime: 24 * 60 * 60 * 1000, silent: true } });
  logger.info({ username: bot.botInfo.username, apiRoot: config.apiRoot ?? DEFAULT_API_ROOT }, 'polling');
  return runner;
}

/** SIGINT/SIGTERM: stop taking updates, finish those in flight, close everything, exit. */
function stopOnSignals({ server, runner, stopWatching }: Receiving & { stopWatching: () => void }, deps: BotDeps, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new updates; finishing those in flight');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stopWatching();
    // A broadcast under way stops after its current message (a restart resumes it); notices finish.
    stopBackground(deps);
    if (server) await new Promise((resolve) => server.close(resolve));
    if (runner) {
      // stop() ends fetching; updates already fetched run on concurrently, so wait for them.
      await runner.stop();
      while (runner.size() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await backgroundIdle(deps);
    await deps.store.close();
    await deps.reader?.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

// The fatal line bypasses the logger (it may not exist yet), so it is redacted here.
main().catch(async (error: unknown) => {
  if (error instanceof ConfigError || error instanceof BotApiStartError) {
    process.stderr.write(`${redact(error.message)}\n`);
  } else if (error instanceof DataLoadError) {
    const t = (await I18n.create()).plainTranslator('en');
    process.stderr.write(redact(`Apostille Helper could not start: the data files have errors.\n${formatIssues(error.issues, t, [])}\n`));
  } else {
    process.stderr.write(`Apostille Helper could not start: ${redactedMessage(error)}\n`);
  }
  process.exit(1);
});
