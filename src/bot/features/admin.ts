/**
 * Staff commands, for ADMIN_IDS only: /stats, /unanswered, /reload. Anyone else
 * falls through to the ordinary unknown-command reply, so the commands are not
 * even visible as such.
 */
import { Composer, InputFile } from 'grammy';
import { formatGaps, groupUnanswered } from '../../data/gaps.ts';
import { formatIssues } from '../../data/report.ts';
import { langOf } from '../../i18n/locale.ts';
import { escapeHtml } from '../../format/html.ts';
import type { BotContext } from '../context.ts';
import { sendReply } from '../send.ts';

export const adminFeature = new Composer<BotContext>();
const admin = adminFeature.filter((ctx) => ctx.from !== undefined && ctx.deps.adminIds.has(ctx.from.id));

const TOP = 10;

function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

admin.command('stats', async (ctx) => {
  const { store } = ctx.deps;
  const today = ctx.deps.today();
  const [days, unanswered, entryCounters] = await Promise.all([store.dayCounters(), store.unanswered(), store.entryCounters()]);
  const todayCounters = days[today] ?? { questions: 0, matched: 0 };
  const weekStart = daysBefore(today, 6);
  const week = Object.entries(days).filter(([day]) => day >= weekStart && day <= today);
  const weekQuestions = week.reduce((n, [, d]) => n + d.questions, 0);
  const weekMatched = week.reduce((n, [, d]) => n + d.matched, 0);
  const lines = [
    ctx.t('admin.stats', {
      today: todayCounters.questions,
      todayMatched: todayCounters.matched,
      week: weekQuestions,
      rate: weekQuestions ? Math.round((100 * weekMatched) / weekQuestions) : 0,
      unanswered: unanswered.length,
    }),
    '',
    ctx.t('admin.top_entries'),
  ];
  const entries = Object.entries(entryCounters).sort(([, a], [, b]) => b.answered - a.answered || b.helpful - a.helpful);
  if (!entries.length) lines.push(ctx.t('admin.no_entries'));
  for (const [id, c] of entries.slice(0, TOP)) lines.push(ctx.t('admin.entry_line', { id, answered: c.answered, helpful: c.helpful, unhelpful: c.unhelpful }));
  await sendReply(ctx, { html: lines.join('\n'), buttons: [] });
});

// The same groups as `npm run faq:gaps`: what to write next, largest group first.
admin.command('unanswered', async (ctx) => {
  const items = await ctx.deps.store.unanswered();
  if (!items.length) {
    await ctx.reply(ctx.t('admin.unanswered_none'));
    return;
  }
  const groups = groupUnanswered(items, ctx.deps.data.current().knowledge);
  await sendReply(ctx, { html: formatGaps(groups, ctx.t, { lang: langOf(ctx.locale), maxGroups: TOP, maxQuestions: 5 }), buttons: [] });
  const file = new InputFile(Buffer.from(`${JSON.stringify(items, null, 2)}\n`), `unanswered-${ctx.deps.today()}.json`);
  await ctx.replyWithDocument(file, { caption: ctx.t('admin.unanswered_file_caption') });
});

admin.command('reload', async (ctx) => {
  const result = await ctx.deps.data.reload();
  const summary = result.ok
    ? ctx.t('validate.reload_ok', {
        entries: result.snapshot.knowledge.kb.entries.length,
        countries: result.snapshot.tables.countries.length,
        documents: result.snapshot.tables.documents.length,
      })
    : ctx.t('validate.reload_failed');
  const report = result.issues.length ? `\n\n<pre>${escapeHtml(formatIssues(result.issues, ctx.t, []))}</pre>` : '';
  await sendReply(ctx, { html: `${summary}${report}`, buttons: [] });
});
