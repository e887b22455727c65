import type { Translate } from '../i18n/index.ts';
import type { Issue } from './validate.ts';

/** Plain-text report, one line per issue: where (file, entry, field), then what is wrong and the fix. */
export function formatIssues(issues: Issue[], t: Translate, files: string[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (!issues.length) return t('validate.ok', { files: files.join(', ') });
  const lines = issues.map((issue) => {
    const where = [issue.file, issue.entry && t('validate.where_entry', { entry: issue.entry }), issue.field && t('validate.where_field', { field: issue.field })]
      .filter(Boolean)
      .join(', ');
    return `${issue.severity === 'error' ? t('validate.error') : t('validate.warning')}: ${where}: ${t(`validate.code.${issue.code}`, issue.params)}`;
  });
  lines.push('', t('validate.summary', { errors, warnings: issues.length - errors }));
  return lines.join('\n');
}
