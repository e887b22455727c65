/**
 * Country subscriptions: /subscribe <country> (any name the place resolver knows, zh or en),
 * "Tell me when this changes" on a verdict card, /unsubscribe <country>, /subscriptions.
 * When a reload changes a followed country's status, entry into force or relation with
 * China, each subscribed chat gets one message in its language: the country, what changed,
 * and the new verdict. The notice is claimed in the store first, so with several replicas
 * (each reloading the same edit) it still goes out once.
 */
import { Composer, type Api } from 'grammy';
import { checkDocument } from '../../check/rules.ts';
import type { Tables } from '../../catalogue/tables.ts';
import { countryChanges, type CountryChange, type WatchedField } from '../../data/changes.ts';
import { escapeHtml, quoteUserText, splitHtml } from '../../format/html.ts';
import type { Translate } from '../../i18n/index.ts';
import { langOf, localized, replyLocale, type Locale } from '../../i18n/locale.ts';
import { resolvePlace } from '../../places/index.ts';
import { REPRESENTATIVE_DOCUMENT } from '../../reply/answer.ts';
import { renderCountry } from '../../reply/verdict-html.ts';
import { inBackground, pause, SEND_INTERVAL_MS } from '../background.ts';
import { onButton } from '../callback-data.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { sendReply } from '../send.ts';

export const subscriptionsFeature = new Composer<BotContext>();

/** A country's name in the reader's language and script. */
export function countryName(tables: Tables, code: string, locale: Locale): string {
  const name = tables.country(code)?.name ?? tables.places.nameOf(code);
  return name ? localized(name[langOf(locale)], locale) : code;
}

/** The country a typed name means, or the reply that says why there is none. */
function countryOf(ctx: BotContext, text: string): { code: string } | { problem: string } {
  const { tables } = ctx.deps.data.current();
  const place = resolvePlace(text, tables.places);
  const quoted = { text: quoteUserText(text) };
  if (place.kind === 'country') return { code: place.code };
  if (place.kind === 'ask') {
    const options = place.suggestions.map((s) => localized(s.name[langOf(ctx.locale)], ctx.locale)).join(' / ');
    return { problem: `${ctx.t('check.country_card.did_you_mean', quoted)}\n${ctx.t('check.label.suggest_countries')}: ${escapeHtml(options)}` };
  }
  return { problem: ctx.t(place.kind === 'unknown' ? 'check.country_card.not_found' : 'subscriptions.not_a_country', quoted) };
}

/** Reads the command's country in the language it is written in; replies itself when there is none. */
async function commandCountry(ctx: BotContext, usageKey: string): Promise<string | undefined> {
  const text = typeof ctx.match === 'string' ? ctx.match.trim() : '';
  if (!text) {
    await ctx.reply(ctx.t(usageKey));
    return undefined;
  }
  ctx.locale = replyLocale(text, ctx.locale);
  ctx.t = ctx.deps.i18n.translator(ctx.locale);
  const found = countryOf(ctx, text);
  if ('problem' in found) {
    await ctx.reply(found.problem);
    return undefined;
  }
  return found.code;
}

/** Subscriptions belong to the chat the notices go to (in an inline message: the user's own chat). */
const chatOf = (ctx: BotContext) => ctx.chat?.id ?? ctx.from!.id;

async function subscribe(ctx: BotContext, code: string): Promise<string> {
  const added = await ctx.deps.store.support.subscribe({ chatId: chatOf(ctx), country: code, locale: ctx.locale });
  ctx.outcome = `subscribe:${code}`;
  return ctx.t(added ? 'subscriptions.added' : 'subscriptions.already', { country: countryName(ctx.deps.data.current().tables, code, ctx.locale) });
}

subscriptionsFeature.command('subscribe', async (ctx) => {
  const code = await commandCountry(ctx, 'subscriptions.usage');
  if (code) await ctx.reply(await subscribe(ctx, code));
});

subscriptionsFeature.command('unsubscribe', async (ctx) => {
  const code = await commandCountry(ctx, 'subscriptions.unsubscribe_usage');
  if (!code) return;
  const removed = await ctx.deps.store.support.unsubscribe(chatOf(ctx), code);
  ctx.outcome = `unsubscribe:${code}`;
  await ctx.reply(ctx.t(removed ? 'subscriptions.removed' : 'subscriptions.not_following', { country: countryName(ctx.deps.data.current().tables, code, ctx.locale) }));
});

subscriptionsFeature.command('subscriptions', async (ctx) => {
  const list = await ctx.deps.store.support.subscriptionsOf(chatOf(ctx));
  if (!list.length) return void (await ctx.reply(ctx.t('subscriptions.none')));
  const { tables } = ctx.deps.data.current();
  const names = list.map((s) => ({ code: s.country, name: countryName(tables, s.country, ctx.locale) }));
  const html = [ctx.t('subscriptions.list_title'), ...names.map((n) => `• ${escapeHtml(n.name)}`), '', ctx.t('subscriptions.list_hint')].join('\n');
  const buttons = names.map((n) => [{ text: ctx.t('subscriptions.unsubscribe_button', { country: n.name }), action: { kind: 'unsub' as const, country: n.code } }]);
  await sendReply(ctx, { html, buttons });
});

// "Tell me when this changes" under a verdict card: a toast says it is done.
onButton(subscriptionsFeature, 'sub', async (ctx, { country }) => {
  if (!ctx.from) return;
  await ctx.answerCallbackQuery({ text: await subscribe(ctx, country) });
});

onButton(subscriptionsFeature, 'unsub', async (ctx, { country }) => {
  if (!ctx.from) return;
  const removed = await ctx.deps.store.support.unsubscribe(chatOf(ctx), country);
  ctx.outcome = `unsubscribe:${country}`;
  await ctx.answerCallbackQuery({ text: ctx.t(removed ? 'subscriptions.removed' : 'subscriptions.not_following', { country: countryName(ctx.deps.data.current().tables, country, ctx.locale) }) });
});

/** A field's value in words ("Contracting Party", a date, "none"). */
function fieldValue(field: WatchedField, value: string | null | undefined, t: Translate): string {
  if (value === null || value === undefined) return t('subscriptions.value_none');
  if (field === 'status') return t(`subscriptions.status.${value}`);
  if (field === 'chinaRelation') return t(`subscriptions.relation.${value}`);
  return escapeHtml(value);
}

/** The notice: the country, each change before → after, the new verdict, and the country card. */
export function noticeHtml(change: CountryChange, tables: Tables, locale: Locale, t: Translate, today: string): string {
  const country = countryName(tables, change.code, locale);
  const lines = change.fields.map((f) =>
    t('subscriptions.change_line', { field: t(`subscriptions.field.${f}`), before: fieldValue(f, change.before?.[f], t), after: fieldValue(f, change.after[f], t) }),
  );
  const verdict = checkDocument({ document: REPRESENTATIVE_DOCUMENT, country: change.code, direction: 'from_china' }, tables, today);
  return [
    t('subscriptions.notice_title', { country }),
    ...lines,
    '',
    t('subscriptions.notice_verdict', { outcome: t(`check.outcome.${verdict.outcome}`) }),
    '',
    renderCountry(change.after, locale, t),
    '',
    t('subscriptions.notice_footer', { country }),
  ].join('\n');
}

/** Sends each change's notice to its subscribers, each claimed first (once per change and chat, across replicas). */
export async function notifySubscribers(deps: BotDeps, api: Api, changes: CountryChange[], tables: Tables): Promise<number> {
  let sent = 0;
  for (const change of changes) {
    for (const subscriber of await deps.store.support.subscribersOf(change.code)) {
      if (!(await deps.store.support.claimNotice(change.code, change.key, subscriber.chatId))) continue;
      const html = noticeHtml(change, tables, subscriber.locale, deps.i18n.translator(subscriber.locale), deps.today());
      try {
        for (const part of splitHtml(html)) await api.sendMessage(subscriber.chatId, part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
        sent++;
      } catch (error) {
        deps.logger.warn({ err: (error as Error).message, chatId: subscriber.chatId, country: change.code }, 'could not send a country change notice');
      }
      await pause(SEND_INTERVAL_MS);
    }
  }
  if (sent) deps.logger.info({ sent, countries: changes.map((c) => c.code) }, 'country change notices sent');
  return sent;
}

/** After each reload that changed the countries table: notices in the background (a reload never waits for them). */
export function watchCountryChanges(deps: BotDeps, api: Api): () => void {
  return deps.data.onSwap((before, after) => {
    if (before.tablesKey !== undefined && before.tablesKey === after.tablesKey) return;
    const changes = countryChanges(before.tables.countries, after.tables.countries);
    if (changes.length) inBackground(deps, notifySubscribers(deps, api, changes, after.tables));
  });
}
