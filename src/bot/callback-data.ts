/**
 * Every button's callback data, encoded and decoded in one place.
 *
 * Data is `<prefix>:<field>:<field>…`, ASCII, at most 64 bytes (Telegram's limit).
 * Anything that does not decode (an old layout, a forged or truncated string, an
 * id that no longer exists) is a stale button: `onButton` answers it politely and
 * the feature never sees it.
 *
 * To add a prefix: add its shape to `CallbackData`, one entry to `CODECS`, and
 * register the handler with `onButton(composer, '<prefix>', …)`.
 */
import type { Composer } from 'grammy';
import { isLocale } from '../i18n/locale.ts';
import type { CallbackData, WizardAction } from '../reply/actions.ts';
import type { BotContext } from './context.ts';

export const CALLBACK_DATA_LIMIT = 64;

export type { CallbackData, WizardAction } from '../reply/actions.ts';

export type CallbackKind = CallbackData['kind'];
type Of<K extends CallbackKind> = Extract<CallbackData, { kind: K }>;

interface Codec<K extends CallbackKind> {
  /** The data's first field; unique among codecs. A codec whose prefix is a fixed string has no other fields. */
  prefix: string;
  encode(data: Of<K>): string[];
  decode(fields: string[]): Of<K> | undefined;
}

const ID = /^[a-z0-9][a-z0-9-]{0,47}$/;
const NONCE = /^[0-9a-f]{6}$/;
const MENU_VERSION = /^[0-9a-f]{6}$/;
const ACTIONS: readonly WizardAction[] = ['dir', 'grp', 'doc', 'cty', 'back', 'cancel'];
/** Telegram user ids in base 36: shorter, so the wizard's longest document id still fits. */
const OWNER = /^[0-9a-z]{1,11}$/;

const CODECS: { [K in CallbackKind]: Codec<K> } = {
  'chk-new': { prefix: 'chk:new', encode: () => [], decode: (f) => (f.length === 0 ? { kind: 'chk-new' } : undefined) },
  chk: {
    prefix: 'chk',
    encode: (d) => [d.owner.toString(36), d.nonce, d.action, ...(d.value ? [d.value] : [])],
    decode: ([owner = '', nonce = '', action = '', value = '', ...rest]) => {
      const ownerId = OWNER.test(owner) ? Number.parseInt(owner, 36) : NaN;
      if (rest.length || !Number.isSafeInteger(ownerId) || !NONCE.test(nonce) || !ACTIONS.includes(action as WizardAction)) return undefined;
      if (value && !/^[A-Za-z0-9_-]{1,48}$/.test(value)) return undefined;
      return { kind: 'chk', owner: ownerId, nonce, action: action as WizardAction, value };
    },
  },
  faq: {
    prefix: 'faq',
    encode: (d) => [d.id, d.locale],
    decode: ([id = '', locale = '', ...rest]) => (!rest.length && ID.test(id) && isLocale(locale) ? { kind: 'faq', id, locale } : undefined),
  },
  fb: {
    prefix: 'fb',
    encode: (d) => [d.id, d.vote],
    decode: ([id = '', vote = '', ...rest]) => (!rest.length && ID.test(id) && (vote === 'up' || vote === 'down') ? { kind: 'fb', id, vote } : undefined),
  },
  vrd: {
    prefix: 'vrd',
    encode: (d) => [d.document ?? '-', d.country, d.direction === 'to_china' ? 't' : 'f', d.locale],
    decode: ([document = '', country = '', direction = '', locale = '', ...rest]) =>
      !rest.length && (document === '-' || ID.test(document)) && /^[A-Z]{2}$/.test(country) && (direction === 'f' || direction === 't') && isLocale(locale)
        ? { kind: 'vrd', document: document === '-' ? null : document, country, direction: direction === 't' ? 'to_china' : 'from_china', locale }
        : undefined,
  },
  rd: {
    prefix: 'rd',
    encode: (d) => [d.document ?? '-', d.country ?? '-', d.direction === 'to_china' ? 't' : 'f'],
    decode: ([document = '', country = '', way = '', ...rest]) => {
      if (rest.length || (document !== '-' && !ID.test(document)) || !/^(?:[A-Z]{2}|-)$/.test(country) || (way !== 'f' && way !== 't')) return undefined;
      return { kind: 'rd', document: document === '-' ? null : document, country: country === '-' ? null : country, direction: way === 't' ? 'to_china' : 'from_china' };
    },
  },
  'lang-menu': { prefix: 'lang:menu', encode: () => [], decode: (f) => (f.length === 0 ? { kind: 'lang-menu' } : undefined) },
  'menu-open': { prefix: 'menu:open', encode: () => [], decode: (f) => (f.length === 0 ? { kind: 'menu-open' } : undefined) },
  menu: {
    prefix: 'menu',
    encode: (d) => [d.version, ...(d.category !== undefined ? [String(d.category)] : []), ...(d.id !== undefined ? [d.id] : [])],
    decode: ([version = '', category, id, ...rest]) => {
      if (rest.length || !MENU_VERSION.test(version)) return undefined;
      if (category === undefined) return { kind: 'menu', version };
      if (!/^\d{1,3}$/.test(category)) return undefined;
      if (id === undefined) return { kind: 'menu', version, category: Number(category) };
      return ID.test(id) ? { kind: 'menu', version, category: Number(category), id } : undefined;
    },
  },
  human: { prefix: 'hum', encode: () => [], decode: (f) => (f.length === 0 ? { kind: 'human' } : undefined) },
  sub: {
    prefix: 'sub',
    encode: (d) => [d.country],
    decode: ([country = '', ...rest]) => (!rest.length && /^[A-Z]{2}$/.test(country) ? { kind: 'sub', country } : undefined),
  },
  unsub: {
    prefix: 'unsub',
    encode: (d) => [d.country],
    decode: ([country = '', ...rest]) => (!rest.length && /^[A-Z]{2}$/.test(country) ? { kind: 'unsub', country } : undefined),
  },
  bc: {
    prefix: 'bc',
    encode: (d) => [d.id, d.send ? 'go' : 'no'],
    decode: ([id = '', action = '', ...rest]) => (!rest.length && ID.test(id) && (action === 'go' || action === 'no') ? { kind: 'bc', id, send: action === 'go' } : undefined),
  },
  'lang-set': {
    prefix: 'lang:set',
    encode: (d) => [d.locale],
    decode: ([locale = '', ...rest]) => (!rest.length && isLocale(locale) ? { kind: 'lang-set', locale } : undefined),
  },
};

/** Longest prefix first, so "chk:new" is tried before "chk". */
const BY_PREFIX = Object.values(CODECS).sort((a, b) => b.prefix.length - a.prefix.length) as Codec<CallbackKind>[];

export function encodeCallback(data: CallbackData): string {
  const codec = CODECS[data.kind] as Codec<CallbackKind>;
  const text = [codec.prefix, ...codec.encode(data)].join(':');
  if (Buffer.byteLength(text) > CALLBACK_DATA_LIMIT) throw new Error(`callback data over ${CALLBACK_DATA_LIMIT} bytes: ${text}`);
  return text;
}

/** The decoded data, or undefined for anything this version of the bot did not write. */
export function decodeCallback(text: string | undefined): CallbackData | undefined {
  if (!text || Buffer.byteLength(text) > CALLBACK_DATA_LIMIT) return undefined;
  for (const codec of BY_PREFIX) {
    if (text === codec.prefix) return codec.decode([]);
    if (text.startsWith(`${codec.prefix}:`)) return codec.decode(text.slice(codec.prefix.length + 1).split(':'));
  }
  return undefined;
}

/** The prefix a piece of data starts with, so a stale button can still be told apart by feature. */
function prefixOf(kind: CallbackKind): string {
  return CODECS[kind].prefix.split(':')[0]!;
}

/**
 * Registers a handler for one kind of button. Data that starts with the kind's
 * prefix but does not decode gets `stale` (by default the polite "start again").
 */
export function onButton<K extends CallbackKind>(
  composer: Composer<BotContext>,
  kind: K,
  handler: (ctx: BotContext, data: Of<K>) => Promise<void>,
  stale: (ctx: BotContext) => Promise<void> = staleButton,
): void {
  const prefix = CODECS[kind].prefix;
  composer.on('callback_query:data', async (ctx, next) => {
    const text = ctx.callbackQuery.data;
    if (text !== prefix && !text.startsWith(`${prefix}:`)) return next();
    const data = decodeCallback(text);
    if (data?.kind === kind) return handler(ctx, data as Of<K>);
    // A longer prefix of another kind ("chk:new" under "chk") belongs to that kind's handler.
    if (data) return next();
    ctx.outcome = `stale_button:${prefixOf(kind)}`;
    await stale(ctx);
  });
}

export async function staleButton(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t('stale_button') });
}
