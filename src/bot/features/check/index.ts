/**
 * /check: does a document take an apostille? A wizard on inline buttons
 * (direction → kind → document → country → verdict), with typed answers
 * accepted at the document and country steps, or everything in one line:
 * "/check 原产地证书 德国". Wizard state is kept in the chat session, per chat member:
 * in a group each member has their own check, and only they can press its buttons.
 */
import { randomBytes } from 'node:crypto';
import { Composer, type Middleware } from 'grammy';
import { parseCheckText } from '../../../understand/check-line.ts';
import { verdictReply } from '../../../reply/verdict-card.ts';
import { renderCountry, renderPlaceCard } from '../../../reply/verdict-html.ts';
import { checkDocument, SOURCES, type Direction } from '../../../check/rules.ts';
import { langOf, localized, replyLocale } from '../../../i18n/locale.ts';
import { resolvePlace } from '../../../places/index.ts';
import { escapeHtml, quoteUserText } from '../../../format/html.ts';
import type { WizardState } from '../../../storage/types.ts';
import type { Tables } from '../../../catalogue/tables.ts';
import { onButton } from '../../callback-data.ts';
import type { BotContext } from '../../context.ts';
import { isHarmlessTelegramError, sendReply } from '../../send.ts';
import { FIRST_STEP, previousStep, stepOf } from './steps.ts';
import { countryButtons, documentButtons, documentLabel, frequentCountries, newCheckData, stepView } from './view.ts';

export { FREQUENT_COUNTRIES } from './view.ts';

export const checkFeature = new Composer<BotContext>();

/** This member's wizard in this chat (the session is written back when the update is done). */
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
  ctx.deps.logger.debug({ outcome: verdict.outcome, document: verdict.document?.id, country: verdict.country?.code, place: verdict.place.kind, direction: verdict.direction }, 'check');
  await sendReply(ctx, verdictReply(verdict, ctx.locale, ctx.t, { againData: newCheckData() }));
}

function startState(): WizardState {
  return { nonce: randomBytes(3).toString('hex'), step: FIRST_STEP, updatedAt: new Date().toISOString() };
}

/** A one-line check or a /country answers in the language it is written in. */
function useLocaleOf(ctx: BotContext, text: string): void {
  ctx.locale = replyLocale(text, ctx.locale);
  ctx.t = ctx.deps.i18n.translator(ctx.locale);
}

/** The command a message starts with (without @bot), if any. */
const commandOf = (ctx: BotContext) => (ctx.message?.entities?.[0]?.type === 'bot_command' && ctx.message.entities[0].offset === 0 ? ctx.message.text?.slice(1, ctx.message.entities[0].length).split('@')[0]?.toLowerCase() : undefined);

/**
 * Any other command ends a /check wizard on its way (used in front of every feature): after
 * /faq or /start, typed text is a question again, not the wizard's next answer.
 */
export const leaveWizardOnCommand: Middleware<BotContext> = async (ctx, next) => {
  const command = commandOf(ctx);
  if (command && command !== 'check' && command !== 'cancel' && wizardOf(ctx)) await saveState(ctx, undefined);
  await next();
};

checkFeature.command('cancel', async (ctx) => {
  const running = wizardOf(ctx);
  await saveState(ctx, undefined);
  await ctx.reply(ctx.t(running ? 'check.wizard.cancelled' : 'check.wizard.nothing_to_cancel'));
});

checkFeature.command('check', async (ctx) => {
  const text = ctx.match.trim();
  if (!text && ctx.senderChat) {
    // Sent as the group (an anonymous admin) or a channel: Telegram gives every anonymous
    // admin the same sender, so a step-by-step check could not tell whose it is.
    ctx.outcome = 'check:anonymous';
    await ctx.reply(ctx.t('check.wizard.anonymous'));
    return;
  }
  if (!text) {
    await showStep(ctx, startState(), 'send');
    return;
  }
  useLocaleOf(ctx, text);
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
  useLocaleOf(ctx, text);
  const { tables } = ctx.deps.data.current();
  const place = resolvePlace(text, tables.places);
  if (place.kind === 'unknown' || place.kind === 'ask') {
    const options = place.kind === 'ask' ? place.suggestions.map((s) => localized(s.name[langOf(ctx.locale)], ctx.locale)).join(' / ') : '';
    const notFound = ctx.t(place.kind === 'ask' ? 'check.country_card.did_you_mean' : 'check.country_card.not_found', { text: quoteUserText(text) });
    await ctx.reply(`${notFound}${options ? `\n${ctx.t('check.label.suggest_countries')}: ${escapeHtml(options)}` : ''}`);
    return;
  }
  const row = place.kind === 'country' ? tables.country(place.code) : undefined;
  const html = row
    ? renderCountry(row, ctx.locale, ctx.t, place)
    : renderPlaceCard(place, place.kind === 'country' ? (tables.places.nameOf(place.code) ?? place.name) : place.name, tables.countriesAsOf, ctx.locale, ctx.t, SOURCES.hcchStatus);
  await sendReply(ctx, { html, buttons: [] });
});

onButton(checkFeature, 'chk-new', async (ctx) => {
  await ctx.answerCallbackQuery();
  await showStep(ctx, startState(), 'send');
});

async function expired(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t('check.wizard.expired') });
  await ctx.reply(ctx.t('check.wizard.expired'));
}

onButton(
  checkFeature,
  'chk',
  async (ctx, { owner, nonce, action, value }) => {
    // In a group, a member's check is theirs: someone else's press changes nothing.
    if (owner !== ctx.from?.id) {
      ctx.outcome = 'check:not_owner';
      await ctx.answerCallbackQuery({ text: ctx.t('check.wizard.not_yours') });
      return;
    }
    // The presser is the owner here, so their session holds the wizard.
    const state = wizardOf(ctx);
    if (!state || state.nonce !== nonce) {
      // An old button (another run, or a restart that lost nothing but the run is over).
      await expired(ctx);
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
      case 'back':
        await showStep(ctx, { ...state, step: previousStep(state.step) }, 'edit');
        return;
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
      case 'cty': {
        const place = resolvePlace(value, tables.places);
        if (!state.document || (place.kind !== 'country' && place.kind !== 'taiwan')) break;
        await saveState(ctx, undefined);
        await sendVerdict(ctx, { document: state.document, country: value, direction: state.direction ?? 'from_china' });
        return;
      }
    }
    await ctx.reply(ctx.t('check.wizard.expired'));
  },
  expired,
);

/** A question mark, or more words than a document or country name has. */
const readsAsQuestion = (text: string) => /[?？]/.test(text) || text.split(/\s+/).length > 6 || (text.match(/\p{Script=Han}/gu)?.length ?? 0) > 16;

/** Whether the text names what the step asks for (a document, or a country or Taiwan). */
function answersStep(state: WizardState, text: string, tables: Tables): boolean {
  if (state.step === 'document') return Boolean(tables.documentNames.resolve(text).item);
  const kind = resolvePlace(text, tables.places).kind;
  return kind === 'country' || kind === 'taiwan';
}

// Typed answers at the document and country steps; any other text goes on to the Q&A.
// In a group only text addressed to the bot gets here (the gate in middleware.ts, which
// also removes the @mention), so the wizard never answers the chat's other talk.
checkFeature.on('message:text', async (ctx, next) => {
  const state = wizardOf(ctx);
  if (!state || ctx.message.text.startsWith('/') || !stepOf(state.step).typed) return next();
  const text = ctx.message.text.trim();
  if (!text) return next();
  const { tables } = ctx.deps.data.current();
  if (readsAsQuestion(text) && !answersStep(state, text, tables)) {
    // Not an answer to the step but a question of its own: the wizard ends, the Q&A answers it.
    await saveState(ctx, undefined);
    return next();
  }
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
  const place = resolvePlace(text, tables.places);
  if ((place.kind === 'country' || place.kind === 'taiwan') && state.document) {
    await saveState(ctx, undefined);
    await sendVerdict(ctx, { document: state.document, country: text, direction: state.direction ?? 'from_china' });
    return;
  }
  const quoted = { text: quoteUserText(text) };
  if (place.kind === 'ask') {
    await ctx.reply(ctx.t('check.wizard.country_did_you_mean', quoted), { reply_markup: countryButtons(ctx, state, place.suggestions) });
  } else if (place.kind === 'mainland-china') {
    await ctx.reply(ctx.t('check.wizard.country_is_mainland', quoted), { reply_markup: countryButtons(ctx, state, frequentCountries(ctx)) });
  } else {
    await ctx.reply(ctx.t('check.wizard.country_not_found', quoted), { reply_markup: countryButtons(ctx, state, frequentCountries(ctx)) });
  }
});

