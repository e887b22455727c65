/**
 * Bot-owned state in one lowdb JSON file (never the staff-edited data files).
 * One Low instance per file, created by the entry point: two writers on one file
 * race on the temp file. `new Low(new JSONFile())` on purpose: JSONFilePreset
 * silently uses memory when NODE_ENV=test.
 */
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { isLocale, type Locale } from '../knowledge/language.ts';

export interface UserRecord {
  locale?: Locale;
}

/** Where a chat is in the /check wizard; `nonce` ties buttons to this run, so old buttons can be told apart. */
export interface WizardState {
  nonce: string;
  step: 'direction' | 'group' | 'document' | 'country';
  direction?: 'from_china' | 'to_china';
  group?: string;
  document?: string;
  updatedAt: string;
}

export interface StoreData {
  version: 1;
  users: Record<string, UserRecord>;
  wizards: Record<string, WizardState>;
}

const emptyData = (): StoreData => ({ version: 1, users: {}, wizards: {} });

export interface StoreWarning {
  message: string;
  movedTo?: string;
}

export class Store {
  private constructor(
    private readonly db: Low<StoreData>,
    readonly warnings: StoreWarning[],
  ) {}

  /** Opens (or creates) the store; a corrupt file is moved aside with a timestamp and a fresh store starts. */
  static async open(path: string, now: () => Date = () => new Date()): Promise<Store> {
    await mkdir(dirname(path), { recursive: true });
    const db = new Low<StoreData>(new JSONFile<StoreData>(path), emptyData());
    const warnings: StoreWarning[] = [];
    try {
      await db.read();
      if (typeof db.data !== 'object' || db.data === null || typeof db.data.users !== 'object') throw new Error('unexpected shape');
      db.data.wizards ??= {};
    } catch (error) {
      const movedTo = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
      await rename(path, movedTo);
      warnings.push({ message: `store file was unreadable (${(error as Error).message}); moved aside`, movedTo });
      db.data = emptyData();
      await db.write();
    }
    return new Store(db, warnings);
  }

  getLocale(userId: number): Locale | undefined {
    const locale = this.db.data.users[String(userId)]?.locale;
    return isLocale(locale) ? locale : undefined;
  }

  async setLocale(userId: number, locale: Locale): Promise<void> {
    const users = this.db.data.users;
    users[String(userId)] = { ...users[String(userId)], locale };
    await this.db.write();
  }

  getWizard(chatId: number): WizardState | undefined {
    return this.db.data.wizards[String(chatId)];
  }

  async setWizard(chatId: number, state: WizardState | undefined): Promise<void> {
    if (state) this.db.data.wizards[String(chatId)] = state;
    else delete this.db.data.wizards[String(chatId)];
    await this.db.write();
  }

  /** Waits for pending writes (lowdb's writer coalesces them; the last data wins). */
  async flush(): Promise<void> {
    await this.db.write();
  }
}
