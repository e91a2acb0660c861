// The app's shared API client and outbox (browser side).
import { createApi, NetworkError, readCookie, type Api } from './api';
import { setMeta } from './db';
import { Outbox, type OutboxEntry } from './outbox';
import { createStore } from './store';
import { noteSentSessions } from './safety';
import { lang } from './i18n';

export const api: Api = createApi({
  fetch: (...args) => fetch(...args),
  getCookie: (name) => readCookie(document.cookie, name),
  // The service worker cannot read cookies everywhere: leave it the token.
  onToken: (t) => void setMeta('csrf', t),
  language: () => lang.get(),
});

export const outbox = new Outbox();

export const sendEntry = (e: OutboxEntry) => api.send('POST', e.url, e.body);

export interface SyncState {
  pending: number;
  attention: number;
  syncing: boolean;
  online: boolean;
  /** Of `pending`, how many are messages (not sessions): the status line names each. */
  messages?: number;
  /** Of `pending`, how many are movement breaks ("Done" on a break screen while offline). */
  breaks?: number;
}

// The outbox counts are re-read after every flush and outbox change, mostly unchanged: the
// same state again must not re-render Today (a large screen) and the shell.
export const sync = createStore<SyncState>({ pending: 0, attention: 0, syncing: false, online: typeof navigator === 'undefined' ? true : navigator.onLine }, { skipSame: true });

/** An outbox entry that records a movement break. */
export function isBreakUrl(url: string): boolean {
  return /^\/api\/nudges\/(\d+\/ack|walk)\/$/.test(url);
}

export async function refreshSyncCounts(): Promise<void> {
  try {
    const c = await outbox.counts();
    const pending = (await outbox.all()).filter((e) => e.state === 'pending');
    const messages = pending.filter((e) => e.url === '/api/messages/').length;
    const breaks = pending.filter((e) => isBreakUrl(e.url)).length;
    sync.set({ ...sync.get(), ...c, messages, breaks });
  } catch {
    /* IndexedDB unavailable */
  }
}

/** Results of sessions sent by the outbox, by id, so the player can show safety advice. */
export const sentResults = new Map<string, unknown>();

export async function flushOutbox(force = false) {
  sync.set({ ...sync.get(), syncing: true });
  try {
    const report = await outbox.flush(sendEntry, { force });
    for (const s of report.sent) sentResults.set(s.id, s.data);
    // A break the server refused (its reminder was answered meanwhile) is nothing to ask about.
    for (const id of report.attention) if (id.startsWith('ack-') || id.startsWith('walk-')) await outbox.remove(id).catch(() => undefined);
    noteSentSessions(report.sent);
    return report;
  } finally {
    sync.set({ ...sync.get(), syncing: false });
    await refreshSyncCounts();
  }
}

/** Asks the service worker to retry in the background too, where Background Sync exists. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const reg = await navigator.serviceWorker?.ready;
    const s = (reg as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })?.sync;
    await s?.register('upright-outbox');
  } catch {
    /* not supported or not allowed: the online event and app start still flush */
  }
}

export function isOffline(e: unknown): boolean {
  return e instanceof NetworkError;
}

// Copies for localStorage, written when the page is idle rather than while the screen is
// being drawn (stringifying Today's payload is a long task on a slow phone); written at once
// if the page is hidden or unloaded first, so a reload offline still finds them.
const unsaved = new Map<string, unknown>();
let saveScheduled = false;

/** Writes the waiting copies: all of them, or (when idle) one, then waits for idle again. */
function writeUnsaved(all = true): void {
  saveScheduled = false;
  for (const [key, data] of unsaved) {
    unsaved.delete(key);
    try {
      localStorage.setItem(key, JSON.stringify(data));
    } catch {
      /* quota */
    }
    if (!all) break;
  }
  if (unsaved.size) scheduleSave();
}

function scheduleSave(): void {
  if (saveScheduled) return;
  saveScheduled = true;
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(() => writeUnsaved(false), { timeout: 2000 });
  else setTimeout(() => writeUnsaved(false), 0);
}

function saveLater(key: string, data: unknown): void {
  unsaved.set(key, data);
  scheduleSave();
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => writeUnsaved());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && writeUnsaved());
}

/** GET with a copy kept in localStorage, used when the network and the SW cache both fail. */
export async function getWithFallback<T>(path: string, key: string): Promise<{ data: T; stale: boolean }> {
  try {
    const data = await api.get<T>(path);
    saveLater(key, data);
    return { data, stale: false };
  } catch (e) {
    if (e instanceof NetworkError) {
      if (unsaved.has(key)) return { data: unsaved.get(key) as T, stale: true };
      const saved = localStorage.getItem(key);
      if (saved) return { data: JSON.parse(saved) as T, stale: true };
    }
    throw e;
  }
}
