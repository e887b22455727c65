/**
 * What a button does, as a typed value: the answer layer says which action a button
 * takes, and the bot alone encodes it into Telegram's callback data
 * (`bot/callback-data.ts`, at most 64 bytes).
 */
import type { Locale } from '../i18n/locale.ts';

export type WizardAction = 'dir' | 'grp' | 'doc' | 'cty' | 'back' | 'cancel';

export type CallbackData =
  /** Start a new /check (from /start and under a verdict). */
  | { kind: 'chk-new' }
  /** A /check wizard button: the run it belongs to (owner + nonce), what it does, and its value. */
  | { kind: 'chk'; owner: number; nonce: string; action: WizardAction; value: string }
  /** A related-question button, answered in the locale of the message it was on. */
  | { kind: 'faq'; id: string; locale: Locale }
  | { kind: 'fb'; id: string; vote: 'up' | 'down' }
  /** The full verdict card under an answer: document (null: none named), country, direction, locale. */
  | { kind: 'vrd'; document: string | null; country: string; direction: 'from_china' | 'to_china'; locale: Locale }
  | { kind: 'lang-menu' }
  | { kind: 'lang-set'; locale: Locale }
  /** "Browse all topics" (under /start and the fallback): opens a new /faq menu message. */
  | { kind: 'menu-open' }
  /**
   * A /faq menu button: the FAQ version it was made from (a stale menu is told apart),
   * and where it leads: the categories, one category (its index), or one entry of it.
   */
  | { kind: 'menu'; version: string; category?: number; id?: string }
  /** An answer to a question about a document that was read: what is settled so far (null: still open). */
  | { kind: 'rd'; document: string | null; country: string | null; direction: 'from_china' | 'to_china' }
  /** "Ask a person" (under a fallback and an answer's feedback row): the bot asks what to pass on to staff. */
  | { kind: 'human' }
  /** "Tell me when this changes" on a verdict card, and its undo in /subscriptions: an ISO country code. */
  | { kind: 'sub'; country: string }
  | { kind: 'unsub'; country: string }
  /** An admin's answer to "send this broadcast?": the broadcast's id and whether to send it. */
  | { kind: 'bc'; id: string; send: boolean };


/** A button that does something in the bot: its label and its action (encoded only when sent). */
export interface ActionButton {
  text: string;
  action: CallbackData;
}
