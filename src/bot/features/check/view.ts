/** What the /check wizard shows: prompts, keyboards and the verdict card's buttons. */
import { InlineKeyboard } from 'grammy';
import type { Country, DocumentType } from '../../../catalogue/schema.ts';
import { langOf, localized } from '../../../i18n/locale.ts';
import type { PlaceOption } from '../../../places/index.ts';
import type { WizardState } from '../../../storage/types.ts';
import { encodeCallback, type WizardAction } from '../../callback-data.ts';
import type { BotContext } from '../../context.ts';
import { STEPS, stepNumber, stepOf } from './steps.ts';

/** Destinations offered as buttons at the country step (most asked by exporters). */
export const FREQUENT_COUNTRIES = ['US', 'DE', 'JP', 'KR', 'GB', 'FR', 'RU', 'AU', 'AE', 'IN', 'VN', 'HK'];

/** A wizard button: bound to this run (owner and nonce), so stale or borrowed presses are told apart. */
export function wizardData(ctx: BotContext, state: WizardState, action: WizardAction, value = ''): string {
  return encodeCallback({ kind: 'chk', owner: ctx.from!.id, nonce: state.nonce, action, value });
}

export const newCheckData = () => encodeCallback({ kind: 'chk-new' });

export function countryLabel(ctx: BotContext, country: Country | PlaceOption): string {
  return localized(country.name[langOf(ctx.locale)], ctx.locale);
}

export function documentLabel(ctx: BotContext, document: DocumentType): string {
  return localized(document.name[langOf(ctx.locale)], ctx.locale);
}

function navigation(ctx: BotContext, state: WizardState, keyboard: InlineKeyboard): InlineKeyboard {
  keyboard.row();
  if (state.step !== STEPS[0]!.id) keyboard.text(ctx.t('check.wizard.back'), wizardData(ctx, state, 'back'));
  return keyboard.text(ctx.t('check.wizard.cancel'), wizardData(ctx, state, 'cancel'));
}

export function documentButtons(ctx: BotContext, state: WizardState, documents: DocumentType[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  documents.forEach((d) => keyboard.text(documentLabel(ctx, d), wizardData(ctx, state, 'doc', d.id)).row());
  return navigation(ctx, state, keyboard);
}

/** The button value of a place: a territory's own ISO code keeps its name ("VG" is the British Virgin Islands). */
function placeValue(place: Country | PlaceOption): string {
  if (!('kind' in place)) return place.code;
  if (place.kind === 'taiwan') return 'TW';
  if (place.kind === 'mainland-china') return 'CN';
  return place.territoryCode ?? place.code;
}

export function countryButtons(ctx: BotContext, state: WizardState, places: (Country | PlaceOption)[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  places.forEach((place, i) => {
    keyboard.text(countryLabel(ctx, place), wizardData(ctx, state, 'cty', placeValue(place)));
    if (i % 3 === 2) keyboard.row();
  });
  return navigation(ctx, state, keyboard);
}

export function frequentCountries(ctx: BotContext): Country[] {
  const { tables } = ctx.deps.data.current();
  return FREQUENT_COUNTRIES.map((code) => tables.country(code)).filter((c) => c !== undefined);
}

/** The prompt and buttons for the step the wizard is at. */
export function stepView(ctx: BotContext, state: WizardState): { text: string; keyboard: InlineKeyboard } {
  const { tables } = ctx.deps.data.current();
  const header = ctx.t('check.wizard.header', { step: stepNumber(state.step), steps: STEPS.length });
  const text = `${header}\n${ctx.t(stepOf(state.step).prompt(state))}`;
  switch (state.step) {
    case 'direction': {
      const keyboard = new InlineKeyboard()
        .text(ctx.t('check.wizard.from_china'), wizardData(ctx, state, 'dir', 'from_china'))
        .row()
        .text(ctx.t('check.wizard.to_china'), wizardData(ctx, state, 'dir', 'to_china'));
      return { text, keyboard: navigation(ctx, state, keyboard) };
    }
    case 'group': {
      const keyboard = new InlineKeyboard();
      tables.groups.forEach((g, i) => {
        keyboard.text(ctx.t(`check.group.${g}`), wizardData(ctx, state, 'grp', g));
        if (i % 2 === 1) keyboard.row();
      });
      return { text, keyboard: navigation(ctx, state, keyboard) };
    }
    case 'document':
      return { text, keyboard: documentButtons(ctx, state, tables.documents.filter((d) => d.group === state.group)) };
    case 'country':
      return { text, keyboard: countryButtons(ctx, state, frequentCountries(ctx)) };
  }
}
