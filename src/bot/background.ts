/**
 * Work an update starts but does not wait for (a broadcast's sending, change notices
 * after a reload): a webhook must be answered within seconds. Tracked per bot (its
 * deps), so tests and a graceful stop can wait until it is done.
 */
const running = new WeakMap<object, Set<Promise<unknown>>>();

export function inBackground(owner: object, work: Promise<unknown>): void {
  let set = running.get(owner);
  if (!set) running.set(owner, (set = new Set()));
  const tracked = work.catch(() => undefined).finally(() => set.delete(tracked));
  set.add(tracked);
}

/** Resolves when nothing started with inBackground(owner, …) is running any more (including work started meanwhile). */
export async function backgroundIdle(owner: object): Promise<void> {
  for (let set = running.get(owner); set?.size; set = running.get(owner)) await Promise.all(set);
}

const stopping = new WeakSet<object>();

/** A stop is under way: long work (a broadcast) takes nothing new and ends; a restart resumes it. */
export function stopBackground(owner: object): void {
  stopping.add(owner);
}

export function isStopping(owner: object): boolean {
  return stopping.has(owner);
}

/** Telegram allows about 30 messages a second to different chats: background sends keep under 25. */
export const SEND_INTERVAL_MS = 40;

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
