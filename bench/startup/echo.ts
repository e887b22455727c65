/** Start-up floor: a bare grammY echo bot. */
import { Bot } from 'grammy';
import { LOCAL_BOT_INFO } from '../../src/bot/local-api.ts';

const bot = new Bot('0:bench', { botInfo: LOCAL_BOT_INFO });
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
process.stdout.write(`ready ${process.memoryUsage().rss}\n`);
