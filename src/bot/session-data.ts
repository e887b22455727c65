/** What a grammY session holds: its two fragments (see session.ts), apart so context.ts and session.ts need not import each other. */
import type { ChatSession, UserSession } from '../storage/types.ts';

export interface SessionData {
  user: UserSession;
  chat: ChatSession;
}
