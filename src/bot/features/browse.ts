/**
 * /faq: browse the FAQ by topic in one message edited in place: categories →
 * the questions of one category → the answer, with Back buttons, in the user's
 * language. Buttons (src/bot/callback-data.ts, kind "menu") carry a short version
 * of the FAQ they were made from: after a data reload changes the lists, an old
 * menu says so and shows the fresh one.
 */
import { createHash } from 'node:crypto';
import { Composer } from 'grammy';
import type { Translate } from '../../i18n/index.ts';
import type { KnowledgeBase } from '../../knowledge/load.ts';
import type { FaqEntry } from '../../knowledge/schema.ts';
import { buttonLabel, entryTitle, type Button, type Reply } from '../../reply/answer.ts';
import { answerInOneMessage } from '../../reply/fit.ts';
import { encodeCallback, onButton } from '../callback-data.ts';
import type { BotContext } from '../context.ts';
import { isHarmlessTelegramError, keyboardOf, sendReply } from '../send.ts';
import { feedbackRow } from './feedback.ts';

export const browseFeature = new Composer<BotContext>();

/** Where a menu button leads: the categories, one category's questions, or one answer. */
export type MenuView = { view: 'categories' } | { view: 'category'; category: number } | { view: 'answer'; category: number; id: string };

/** "Browse all topics" under /start and the fallback: opens a new menu message. */
export const openMenuData = () => encodeCallback({ kind: 'menu-open' });

export function menuData(version: string, view: MenuView): string {
  if (view.view === 'categories') return encodeCallback({ kind: 'menu', version });
  if (view.view === 'category') return encodeCallback({ kind: 'menu', version, category: view.category });
  return encodeCallback({ kind: 'menu', version, category: view.category, id: view.id });
}

function viewOf(data: { category?: number; id?: string }): MenuView {
  if (data.category === undefined) return { view: 'categories' };
  if (data.id === undefined) return { view: 'category', category: data.category };
  return { view: 'answer', category: data.category, id: data.id };
}

const versions = new WeakMap<KnowledgeBase, string>();

/** Changes whenever a category or an entry's place in the lists changes: old buttons are then stale. */
export function menuVersion(kb: KnowledgeBase): string {
  let version = versions.get(kb);
  if (!version) {
    const shape = [kb.categories.join(','), ...kb.entries.map((e) => `${e.id}@${e.category}`)].join('\n');
    version = createHash('sha256').update(shape).digest('hex').slice(0, 6);
    versions.set(kb, version);
  }
  return version;
}

/** Categories that have entries, with their index in the file's list (the index goes into buttons). */
function categoriesWithEntries(kb: KnowledgeBase): { index: number; name: string; entries: FaqEntry[] }[] {
  return kb.categories
    .map((name, index) => ({ index, name, entries: kb.entries.filter((e) => e.category === name) }))
    .filter((c) => c.entries.length > 0);
}

/** A category's name for readers; staff may add a category before it has a translation: then its id. */
function categoryLabel(name: string, t: Translate): string {
  const key = `faq_menu.category.${name}`;
  const label = t(key);
  return label === key ? name : label;
}

export function menuReply(kb: KnowledgeBase, view: MenuView, ctx: Pick<BotContext, 'locale' | 't'>): Reply {
  const { locale, t } = ctx;
  const version = menuVersion(kb);
  const categories = categoriesWithEntries(kb);
  if (view.view === 'categories') {
    const buttons: Button[][] = [];
    categories.forEach((c, i) => {
      const button = { text: `${categoryLabel(c.name, t)} (${c.entries.length})`, data: menuData(version, { view: 'category', category: c.index }) };
      if (i % 2 === 0) buttons.push([button]);
      else buttons.at(-1)!.push(button);
    });
    return { html: t('faq_menu.title'), buttons };
  }
  const category = categories.find((c) => c.index === view.category);
  if (!category) return menuReply(kb, { view: 'categories' }, ctx);
  const back = (to: MenuView, text: string): Button[] => [{ text, data: menuData(version, to) }];
  if (view.view === 'category') {
    return {
      html: t('faq_menu.category_title', { category: categoryLabel(category.name, t) }),
      buttons: [
        ...category.entries.map((e) => [{ text: buttonLabel(entryTitle(e, locale)), data: menuData(version, { view: 'answer', category: category.index, id: e.id }) }]),
        back({ view: 'categories' }, t('faq_menu.back_topics')),
      ],
    };
  }
  const entry = category.entries.find((e) => e.id === view.id);
  if (!entry) return menuReply(kb, { view: 'category', category: category.index }, ctx);
  const answer = answerInOneMessage(entry, locale, t);
  return { html: answer.html, buttons: [...answer.buttons, feedbackRow(entry.id, t), back({ view: 'category', category: category.index }, t('faq_menu.back'))] };
}

async function editMenu(ctx: BotContext, reply: Reply): Promise<void> {
  try {
    await ctx.editMessageText(reply.html, { reply_markup: keyboardOf(reply.buttons), link_preview_options: { is_disabled: true } });
  } catch (error) {
    if (!isHarmlessTelegramError(error)) throw error;
  }
}

browseFeature.command('faq', async (ctx) => {
  ctx.outcome = 'menu:categories';
  await sendReply(ctx, menuReply(ctx.deps.data.current().knowledge.kb, { view: 'categories' }, ctx));
});

onButton(browseFeature, 'menu-open', async (ctx) => {
  await ctx.answerCallbackQuery();
  ctx.outcome = 'menu:categories';
  await sendReply(ctx, menuReply(ctx.deps.data.current().knowledge.kb, { view: 'categories' }, ctx));
});

/** A menu made from data that has been reloaded since: say so, and show the fresh menu in its place. */
async function menuChanged(ctx: BotContext): Promise<void> {
  ctx.outcome = 'menu:changed';
  await ctx.answerCallbackQuery({ text: ctx.t('faq_menu.changed') });
  const fresh = menuReply(ctx.deps.data.current().knowledge.kb, { view: 'categories' }, ctx);
  await editMenu(ctx, { ...fresh, html: `${ctx.t('faq_menu.changed')}\n\n${fresh.html}` });
}

onButton(
  browseFeature,
  'menu',
  async (ctx, data) => {
    const { kb } = ctx.deps.data.current().knowledge;
    if (data.version !== menuVersion(kb)) return menuChanged(ctx);
    const view = viewOf(data);
    await ctx.answerCallbackQuery();
    ctx.outcome = view.view === 'answer' ? `menu:answer:${view.id}` : `menu:${view.view}`;
    await editMenu(ctx, menuReply(kb, view, ctx));
  },
  menuChanged,
);
