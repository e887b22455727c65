import type { Api } from 'grammy';
import { formatIssues } from '../data/report.ts';
import type { LoadResult } from '../data/service.ts';
import { redact } from '../infra/logger.ts';
import { escapeHtml } from '../format/html.ts';
import { userSessionKey } from '../storage/types.ts';
import type { BotDeps } from './context.ts';
import { DEFAULT_LANG } from '../i18n/languages.ts';

/**
 * What a reload did: logged; a rejected edit is also sent to every admin, in the admin's language.
 * The report is worded in plain text (the log shows it as is) and escaped once for the HTML message.
 */
export async function reportReload(deps: BotDeps, api: Api, result: LoadResult): Promise<void> {
  if (result.ok) {
    deps.logger.info({ entries: result.snapshot.knowledge.kb.entries.length, warnings: result.issues.length }, 'data reloaded');
    return;
  }
  deps.logger.error({ report: formatIssues(result.issues, deps.i18n.plainTranslator('en'), []) }, 'data edit rejected; still serving the last good data');
  for (const adminId of deps.adminIds) {
    // The admin's language if the store can tell now; English otherwise.
    const locale = (await deps.store.sessions.user.read(userSessionKey(adminId)).catch(() => undefined))?.locale ?? DEFAULT_LANG;
    const t = deps.i18n.translator(locale);
    // Keep the report inside one message; the log has all of it.
    const report = redact(formatIssues(result.issues, deps.i18n.plainTranslator(locale), []).slice(0, 3500));
    const html = `${t('validate.reload_failed')}\n\n<pre>${escapeHtml(report)}</pre>`;
    try {
      await api.sendMessage(adminId, html, { parse_mode: 'HTML' });
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message, adminId }, 'could not send the reload report to an admin');
    }
  }
}

