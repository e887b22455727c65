/** Start-up target: everything the bot builds before it can answer (config, data, index, store, i18n, bot). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeps } from '../../src/app.ts';
import { createBot } from '../../src/bot/index.ts';
import { LOCAL_BOT_INFO } from '../../src/bot/local-api.ts';
import { createConfig } from '../../src/infra/config.ts';
import { silentLogger } from '../../src/infra/logger.ts';

const config = createConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-')) });
const deps = await createDeps(config, silentLogger);
createBot('0:bench', deps, { botInfo: LOCAL_BOT_INFO });
process.stdout.write(`ready ${process.memoryUsage().rss}\n`);
