// The unread count for the Inbox tab badge.
import { api } from './client';
import { createStore } from './store';

export const inboxUnread = createStore<number>(0);

/** The count from `GET /api/inbox/?unread=true` (a page or a bare list). */
export function unreadCount(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  if (data && typeof data === 'object') {
    const o = data as { count?: unknown; results?: unknown };
    if (typeof o.count === 'number' && o.count >= 0) return Math.floor(o.count);
    if (Array.isArray(o.results)) return o.results.length;
  }
  return 0;
}

/** What the badge shows: nothing for 0, "99+" past 99. */
export function badgeText(n: number): string {
  if (!n || n < 0) return '';
  return n > 99 ? '99+' : String(n);
}

let inflight: Promise<void> | null = null;

/** Asks the server again. Keeps the last count when offline. */
export function refreshInboxUnread(): Promise<void> {
  inflight ??= api
    .get<unknown>('/api/inbox/?unread=true&page_size=1')
    .then((d) => inboxUnread.set(unreadCount(d)))
    .catch(() => undefined)
    .finally(() => {
      inflight = null;
    });
  return inflight;
}
