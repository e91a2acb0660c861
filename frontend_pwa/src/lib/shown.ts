// Pushes the service worker has shown, remembered in IndexedDB, so a push that arrives
// twice (the server cannot always know a push service accepted it: a worker killed
// between the push service's 201 and the ledger write sends it again) shows once.
import { DB_NAME, openUprightDB } from './db';

export const SHOWN_KEY = 'shown-pushes';
/** How many ids are kept, and for how long: far more than a day of nudges. */
export const SHOWN_LIMIT = 300;
export const SHOWN_MAX_AGE_MS = 3 * 24 * 3600 * 1000;

export interface ShownEntry {
  id: string;
  at: number;
}

/** The key that names one message of a push payload, or null when it names none. */
export function shownKey(payload: { message?: unknown; nudge?: unknown }): string | null {
  if (typeof payload.message === 'number' && Number.isFinite(payload.message)) return `m${payload.message}`;
  if (typeof payload.nudge === 'number' && Number.isFinite(payload.nudge)) return `n${payload.nudge}`;
  return null;
}

/**
 * Pure: the remembered list after showing `id` at `now`, or null when `id` was shown
 * already (a repeat). Old and surplus entries are dropped, newest kept.
 */
export function rememberShown(
  list: readonly ShownEntry[],
  id: string,
  now: number,
  limit = SHOWN_LIMIT,
  maxAgeMs = SHOWN_MAX_AGE_MS,
): ShownEntry[] | null {
  const fresh = list.filter((e) => now - e.at <= maxAgeMs);
  if (fresh.some((e) => e.id === id)) return null;
  const next = [...fresh, { id, at: now }];
  return next.slice(Math.max(0, next.length - limit));
}

/**
 * True when this push is new (show it) and remembers it; false for a repeat. Read and
 * write happen in one IndexedDB transaction, so two deliveries racing in the service
 * worker cannot both win. If storage fails the push is shown: better twice than never.
 */
export async function firstShowing(
  id: string,
  { now = Date.now(), dbName = DB_NAME }: { now?: number; dbName?: string } = {},
): Promise<boolean> {
  try {
    const db = await openUprightDB(dbName);
    const tx = db.transaction('meta', 'readwrite');
    const stored = (await tx.store.get(SHOWN_KEY)) as ShownEntry[] | undefined;
    const next = rememberShown(Array.isArray(stored) ? stored : [], id, now);
    if (next === null) {
      await tx.done;
      return false;
    }
    await tx.store.put(next, SHOWN_KEY);
    await tx.done;
    return true;
  } catch {
    return true;
  }
}
