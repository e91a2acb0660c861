// One IndexedDB database shared by the page and the service worker.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface OutboxEntry {
  id: string;
  url: string;
  body: unknown;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  state: 'pending' | 'attention';
  lastStatus?: number;
  lastError?: string;
}

export interface UprightDB extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'upright';

const cache = new Map<string, Promise<IDBPDatabase<UprightDB>>>();

export function openUprightDB(name = DB_NAME): Promise<IDBPDatabase<UprightDB>> {
  let p = cache.get(name);
  if (!p) {
    p = openDB<UprightDB>(name, 1, {
      upgrade(db) {
        if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      },
      blocking() {
        // A newer version wants the database: let it.
        cache.delete(name);
      },
    });
    cache.set(name, p);
  }
  return p;
}

export async function getMeta<T>(key: string, name = DB_NAME): Promise<T | undefined> {
  try {
    const db = await openUprightDB(name);
    return (await db.get('meta', key)) as T | undefined;
  } catch {
    return undefined;
  }
}

export async function setMeta(key: string, value: unknown, name = DB_NAME): Promise<void> {
  try {
    const db = await openUprightDB(name);
    await db.put('meta', value, key);
  } catch {
    /* storage may be unavailable (private mode); nothing to do */
  }
}
