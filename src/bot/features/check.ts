/**
 * /check: does a document take an apostille? A wizard on inline buttons
 * (direction → kind → document → country → verdict), with typed answers
 * accepted at the document and country steps, or everything in one line:
 * "/check 原产地证书 德国". Wizard state is kept in the chat session (per chat and user).
 */
import { randomBytes } from 'node:crypto';
import { Composer, InlineKeyboard } from 'grammy';
import { parseCheckText } from '../../check/parse.ts';
import { renderCountry, renderVerdict } from '../../check/render.ts';
import { checkDocument, type Direction } from '../../check/rules.ts';
import type { Country, DocumentType } from '../../check/schema.ts';
import { detectLocale, langOf } from '../../knowledge/language.ts';
import { localized } from '../../reply/answer.ts';
import { escapeHtml, quoteUserText } from '../../reply/html.ts';
import type { WizardState } from '../../storage/types.ts';
import type { BotContext } from '../context.ts';
import { isHarmlessTelegramError, sendReply } from '../send.ts';

/** Destinations offered as buttons at the country step (most asked by exporters). */
export const FREQUENT_COUNTRIES = ['US', 'DE', 'JP', 'KR', 'GB', 'FR', 'RU', 'AU', 'AE', 'IN', 'VN', 'HK'];
const STEPS: WizardState['step'][] = ['direction', 'group', 'document', 'country'];

export const checkFeature = new Composer<BotContext>();

const data = (state: WizardState, action: string, value = '') => `chk:${state.nonce}:${action}${value ? `:${value}` : ''}`;

function countryLabel(ctx: BotContext, country: Country): string {
  return localized(country.name[langOf(ctx.locale)], ctx.locale);
}

function documentLabel(ctx: BotContext, document: DocumentType): string {
  return localized(document.name[langOf(ctx.locale)], ctx.locale);
}

function navigation(ctx: BotContext, state: WizardState, keyboard: InlineKeyboard): InlineKeyboard {
  keyboard.row();
  if (state.step !== 'direction') keyboard.text(ctx.t('check.wizard.back'), data(state, 'back'));
  return keyboard.text(ctx.t('check.wizard.cancel'), data(state, 'cancel'));
}

function documentButtons(ctx: BotContext, state: WizardState, documents: DocumentType[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  documents.forEach((d) => keyboard.text(documentLabel(ctx, d), data(state, 'doc', d.id)).row());
  return navigation(ctx, state, keyboard);
}

function countryButtons(ctx: BotContext, state: WizardState, countries: Country[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  countries.forEach((c, i) => {
    keyboard.text(countryLabel(ctx, c), data(state, 'cty', c.code));
    if (i % 3 === 2) keyboard.row();
  });
  return navigation(ctx, state, keyboard);
}

/** The prompt and buttons for the step the wizard is at. */
function stepView(ctx: BotContext, state: WizardState): { text: string; keyboard: InlineKeyboard } {
  const { tables } = ctx.deps.data.current();
  switch (state.step) {
    case 'direction':
      return {
        text: ctx.t('check.wizard.direction_prompt'),
        keyboard: navigation(
          ctx,
          state,
          new InlineKeyboard().text(ctx.t('check.wizard.from_china'), data(state, 'dir', 'from_china')).row().text(ctx.t('check.wizard.to_china'), data(state, 'dir', 'to_china')),
        ),
      };
    case 'group': {
      const keyboard = new InlineKeyboard();
      tables.groups.forEach((g, i) => {
        keyboard.text(ctx.t(`check.group.${g}`), data(state, 'grp', g));
        if (i % 2 === 1) keyboard.row();
      });
      return { text: ctx.t('check.wizard.group_prompt'), keyboard: navigation(ctx, state, keyboard) };
    }
    case 'document':
      return { text: ctx.t('check.wizard.document_prompt'), keyboard: documentButtons(ctx, state, tables.documents.filter((d) => d.group === state.group)) };
    case 'country': {
      const countries = FREQUENT_COUNTRIES.map((code) => tables.countries.find((c) => c.code === code)).filter((c) => c !== undefined);
      const prompt = state.direction === 'to_china' ? 'check.wizard.country_prompt_to_china' : 'check.wizard.country_prompt';
      return { text: ctx.t(prompt), keyboard: countryButtons(ctx, state, countries) };
    }
  }
}

/** The user's wizard in this chat (sessions are written back when the update is done). */
function wizardOf(ctx: BotContext): WizardState | undefined {
  return ctx.chat && ctx.from ? ctx.session.chat.wizard : undefined;
}

async function saveState(ctx: BotContext, state: WizardState | undefined): Promise<void> {
  ctx.session.chat.wizard = state ? { ...state, updatedAt: new Date().toISOString() } : undefined;
}

async function showStep(ctx: BotContext, state: WizardState, mode: 'edit' | 'send'): Promise<void> {
  await saveState(ctx, state);
  const view = stepView(ctx, state);
  if (mode === 'edit') {
    try {
      await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
      return;
    } catch (error) {
      if (isHarmlessTelegramError(error)) return;
      throw error;
    }
  }
  await ctx.reply(view.text, { reply_markup: view.keyboard });
}

async function sendVerdict(ctx: BotContext, input: { document: string; country: string; direction: Direction }): Promise<void> {
  const verdict = checkDocument(input, ctx.deps.data.current().tables, ctx.deps.today());
  ctx.outcome = `check:${verdict.outcome}`;
  ctx.deps.logger.debug({ outcome: verdict.outcome, document: verdict.document?.id, country: verdict.country?.code, direction: verdict.direction }, 'check');
  await sendReply(ctx, { html: renderVerdict(verdict, ctx.locale, ctx.t), buttons: [[{ text: ctx.t('check.wizard.again'), data: 'chk:new' }]] });
}

function startState(): WizardState {
  return { nonce: randomBytes(3).toString('hex'), step: 'direction', updatedAt: new Date().toISOString() };
}

checkFeature.command('check', async (ctx) => {
  const text = ctx.match.trim();
  if (!text) {
    await showStep(ctx, startState(), 'send');
    return;
  }
  // A one-line check answers in the language it is written in.
  const locale = detectLocale(text) ?? ctx.locale;
  ctx.locale = locale;
  ctx.t = ctx.deps.i18n.translator(locale);
  const parsed = parseCheckText(text, ctx.deps.data.current().tables);
  if (!parsed) {
    await ctx.reply(ctx.t('check.usage'));
    return;
  }
  await sendVerdict(ctx, parsed);
});

checkFeature.command('country', async (ctx) => {
  const text = ctx.match.trim();
  if (!text) {
    await ctx.reply(ctx.t('check.country_card.usage'));
    return;
  }
  const locale = detectLocale(text) ?? ctx.locale;
  const t = ctx.deps.i18n.translator(locale);
  const resolved = ctx.deps.data.current().tables.countryNames.resolve(text);
  if (!resolved.item) {
    const suggestions = resolved.suggestions.map((c) => localized(c.name[langOf(locale)], locale)).join(' / ');
    await ctx.reply(`${t('check.country_card.not_found', { text: quoteUserText(text) })}${suggestions ? `\n${t('check.label.suggest_countries')}: ${escapeHtml(suggestions)}` : ''}`);
    return;
  }
  await sendReply(ctx, { html: renderCountry(resolved.item, locale, t), buttons: [] });
});

checkFeature.callbackQuery('chk:new', async (ctx) => {
  await ctx.answerCallbackQuery();
  await showStep(ctx, startState(), 'send');
});

checkFeature.callbackQuery(/^chk:([0-9a-f]{6}):(dir|grp|doc|cty|back|cancel)(?::(.+))?$/, async (ctx) => {
  const [, nonce, action, value = ''] = ctx.match;
  const state = wizardOf(ctx);
  if (!state || state.nonce !== nonce) {
    // An old button (another run, or a restart that lost nothing but the run is over).
    await ctx.answerCallbackQuery({ text: ctx.t('check.wizard.expired') });
    await ctx.reply(ctx.t('check.wizard.expired'));
    return;
  }
  await ctx.answerCallbackQuery();
  const { tables } = ctx.deps.data.current();
  switch (action) {
    case 'cancel':
      await saveState(ctx, undefined);
      await ctx.editMessageText(ctx.t('check.wizard.cancelled')).catch((e: unknown) => {
        if (!isHarmlessTelegramError(e)) throw e;
      });
      return;
    case 'back': {
      const previous = STEPS[Math.max(0, STEPS.indexOf(state.step) - 1)]!;
      await showStep(ctx, { ...state, step: previous }, 'edit');
      return;
    }
    case 'dir':
      if (value !== 'from_china' && value !== 'to_china') break;
      await showStep(ctx, { ...state, direction: value, step: 'group' }, 'edit');
      return;
    case 'grp':
      if (!tables.groups.includes(value)) break;
      await showStep(ctx, { ...state, group: value, step: 'document' }, 'edit');
      return;
    case 'doc':
      if (!tables.documents.some((d) => d.id === value)) break;
      await showStep(ctx, { ...state, document: value, step: 'country' }, 'edit');
      return;
    case 'cty':
      if (!state.document || !tables.countries.some((c) => c.code === value)) break;
      await saveState(ctx, undefined);
      await sendVerdict(ctx, { document: state.document, country: value, direction: state.direction ?? 'from_china' });
      return;
  }
  await ctx.reply(ctx.t('check.wizard.expired'));
});

// Typed answers at the document and country steps; any other text goes on to the Q&A.
checkFeature.on('message:text', async (ctx, next) => {
  const text = ctx.message.text.trim();
  const state = wizardOf(ctx);
  if (!state || text.startsWith('/') || (state.step !== 'document' && state.step !== 'country')) return next();
  const { tables } = ctx.deps.data.current();
  if (state.step === 'document') {
    const resolved = tables.documentNames.resolve(text);
    if (resolved.item) {
      await ctx.reply(ctx.t('check.wizard.chosen', { value: documentLabel(ctx, resolved.item) }));
      await showStep(ctx, { ...state, document: resolved.item.id, step: 'country' }, 'send');
    } else {
      const options = resolved.suggestions.length ? resolved.suggestions : tables.documents.filter((d) => d.group === state.group);
      await ctx.reply(ctx.t('check.wizard.document_not_found', { text: quoteUserText(text) }), { reply_markup: documentButtons(ctx, state, options) });
    }
    return;
  }
  const resolved = tables.countryNames.resolve(text);
  if (resolved.item && state.document) {
    await saveState(ctx, undefined);
    await sendVerdict(ctx, { document: state.document, country: resolved.item.code, direction: state.direction ?? 'from_china' });
    return;
  }
  const options = resolved.suggestions.length ? resolved.suggestions : FREQUENT_COUNTRIES.map((code) => tables.countries.find((c) => c.code === code)).filter((c) => c !== undefined);
  await ctx.reply(ctx.t('check.wizard.country_not_found', { text: quoteUserText(text) }), { reply_markup: countryButtons(ctx, state, options) });
});
