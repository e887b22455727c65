import type { Api } from 'grammy';
import type { I18n } from '../i18n/index.ts';
import type { Logger } from '../infra/logger.ts';
import { LANGS } from '../i18n/languages.ts';

export const COMMANDS = ['start', 'faq', 'check', 'country', 'human', 'subscribe', 'subscriptions', 'cancel', 'help', 'lang'] as const;

/**
 * Sets the command menu in English (default) and Chinese; a failure is logged and start-up goes on.
 * /human is listed only when a staff chat is set up: without one it could only say it is not available.
 */
export async function setCommandMenu(api: Api, i18n: I18n, logger: Logger, options: { staffChat: boolean } = { staffChat: true }): Promise<void> {
  const listed = COMMANDS.filter((command) => command !== 'human' || options.staffChat);
  for (const locale of LANGS) {
    const t = i18n.translator(locale);
    const commands = listed.map((command) => ({ command, description: t(`commands.${command}`) }));
    try {
      await api.setMyCommands(commands, locale === 'zh' ? { language_code: 'zh' } : undefined);
    } catch (error) {
      logger.warn({ err: (error as Error).message, locale }, 'setMyCommands failed; going on without the command menu');
    }
  }
}
