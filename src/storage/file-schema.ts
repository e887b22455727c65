/**
 * The shape of the lowdb store file, checked field by field on load (the same zod
 * as data/ is checked with): a field of the wrong type goes back to its default with
 * a warning naming it, an invalid entry of a map is dropped with a warning naming it,
 * and everything valid is kept. Maps keyed by user id are objects, never arrays (an
 * array indexed by a user id of 987654321 cannot even be written out).
 */
import { z } from 'zod';
import { LOCALES, type Locale } from '../i18n/locale.ts';
import type { ChatSession, DayCounters, EntryCounters, UnansweredQuestion, UserSession } from './types.ts';
import { LangSchema } from '../i18n/languages.ts';

export interface StoreData {
  version: 1;
  /** User sessions, keyed by user id. */
  users: Record<string, UserSession>;
  /** Chat sessions (wizard, follow-up context), keyed by "chatId:userId". */
  conversations: Record<string, ChatSession>;
  /** Keyed by the normalised question text. */
  unanswered: Record<string, UnansweredQuestion>;
  entries: Record<string, EntryCounters>;
  /** Keyed by YYYY-MM-DD. */
  days: Record<string, DayCounters>;
  /** Who rated which answer, as salted hashes of user and entry: enough to count a vote once, not to tell who voted. */
  votes: Record<string, 'up' | 'down'>;
  /** update_ids handled lately, oldest first (Telegram may deliver one again). */
  recentUpdates: number[];
  /** Salt of the vote hashes when it is not the file's path (set when imported from PostgreSQL). */
  voteSalt?: string;
}

export const emptyStoreData = (): StoreData => ({ version: 1, users: {}, conversations: {}, unanswered: {}, entries: {}, days: {}, votes: {}, recentUpdates: [] });

const count = z.number().int().nonnegative();
const isoTime = z.string().min(1);

const WizardSchema = z.object({
  nonce: z.string().regex(/^[0-9a-f]{6}$/),
  step: z.enum(['direction', 'group', 'document', 'country']),
  direction: z.enum(['from_china', 'to_china']).optional(),
  group: z.string().optional(),
  document: z.string().optional(),
  updatedAt: isoTime,
});
// The context's own shape is checked by understand/ when it is read back.
const FollowUpSchema = z.object({ at: z.number(), context: z.unknown() });

// One bad part of a session costs that part only.
const UserSessionSchema = z.object({ locale: z.enum(LOCALES as [Locale, ...Locale[]]).optional().catch(undefined) });
const LastExchangeSchema = z.object({ question: z.string(), answer: z.string(), at: z.number() });
const HandoffSessionSchema = z.object({ awaitingSince: z.number().optional(), relayedAt: z.number().optional() });
const ChatSessionSchema = z.object({
  wizard: WizardSchema.optional().catch(undefined),
  followUp: FollowUpSchema.optional().catch(undefined),
  lastExchange: LastExchangeSchema.optional().catch(undefined),
  handoff: HandoffSessionSchema.optional().catch(undefined),
});
const UnansweredSchema = z.object({ text: z.string(), lang: LangSchema, firstSeen: isoTime, lastSeen: isoTime, count: count.min(1), lowConfidence: z.boolean() });
const EntrySchema = z.object({ answered: count, helpful: count, unhelpful: count });
const DaySchema = z.object({ questions: count, matched: count });

interface MapField {
  kind: 'map';
  key: RegExp;
  value: z.ZodType;
}
interface PlainField {
  kind: 'plain';
  schema: z.ZodType;
}

const map = (value: z.ZodType, key = /^.{1,400}$/su): MapField => ({ kind: 'map', key, value });
const plain = (schema: z.ZodType): PlainField => ({ kind: 'plain', schema });

const FIELDS: Record<Exclude<keyof StoreData, 'version'>, MapField | PlainField> = {
  users: map(UserSessionSchema, /^\d{1,20}$/),
  conversations: map(ChatSessionSchema, /^-?\d{1,20}:\d{1,20}$/),
  unanswered: map(UnansweredSchema),
  entries: map(EntrySchema),
  days: map(DaySchema, /^\d{4}-\d{2}-\d{2}$/),
  votes: map(z.enum(['up', 'down'])),
  recentUpdates: plain(z.array(z.number().int().nonnegative())),
  voteSalt: plain(z.string().min(1).optional()),
};

const describe = (value: unknown) => (Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);
const listed = (keys: string[]) => `${keys.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;

/**
 * Checks parsed JSON against the store's shape; returns the data to use and one
 * warning per repaired field. Throws only when the whole file is not an object.
 */
export function repairStoreData(raw: unknown): { data: StoreData; repaired: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`expected a JSON object, found ${describe(raw)}`);
  const input = raw as Record<string, unknown>;
  const data = emptyStoreData();
  const repaired: string[] = [];
  const out = data as unknown as Record<string, unknown>;
  for (const [name, field] of Object.entries(FIELDS)) {
    const value = input[name];
    if (value === undefined) continue;
    if (field.kind === 'plain') {
      const parsed = field.schema.safeParse(value);
      if (parsed.success) out[name] = parsed.data;
      else repaired.push(`${name}: expected ${name === 'voteSalt' ? 'a string' : 'a list of update ids'}, found ${describe(value)}; reset to the default`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      repaired.push(`${name}: expected an object keyed by id, found ${describe(value)}; reset to empty`);
      continue;
    }
    const kept: Record<string, unknown> = {};
    const dropped: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      const parsed = field.key.test(key) ? field.value.safeParse(item) : undefined;
      if (parsed?.success) kept[key] = parsed.data;
      else dropped.push(key);
    }
    out[name] = kept;
    if (dropped.length) repaired.push(`${name}: dropped ${dropped.length} invalid ${dropped.length === 1 ? 'entry' : 'entries'} (${listed(dropped)})`);
  }
  return { data, repaired };
}
