/// <reference lib="webworker" />
// Upright service worker: app-shell precache, a few runtime caches, push and the outbox.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import type { PrecacheEntry } from 'workbox-precaching';
import { createApi } from './lib/api';
import { getMeta, setMeta } from './lib/db';
import { Outbox } from './lib/outbox';
import { firstShowing, shownKey } from './lib/shown';
import { swLanguage, t } from './lib/i18n-sw';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any page of the app opens index.html, but never the API, the admin or server files.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/admin(\/|$)/, /^\/static\//, /^\/media\//],
  }),
);

const sameOriginGet = (url: URL, request: Request) => url.origin === self.location.origin && request.method === 'GET';

// Today's plan: fresh when online, the last copy when not.
registerRoute(
  ({ url, request }) => sameOriginGet(url, request) && url.pathname === '/api/today/',
  new NetworkFirst({
    cacheName: 'upright-today',
    networkTimeoutSeconds: 6,
    plugins: [new ExpirationPlugin({ maxEntries: 4, maxAgeSeconds: 7 * 24 * 3600 })],
  }),
);

// The exercise library and its pose drawings change rarely.
registerRoute(
  ({ url, request }) => sameOriginGet(url, request) && url.pathname.startsWith('/api/exercises/'),
  new StaleWhileRevalidate({
    cacheName: 'upright-library',
    plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600 })],
  }),
);
// Every other /api/ request goes to the network untouched (no route matches it).

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// ---- CSRF for requests the worker makes itself ----

async function cookieValue(name: string): Promise<string | null> {
  const store = (self as unknown as { cookieStore?: { get(n: string): Promise<{ value: string } | null> } }).cookieStore;
  try {
    const c = await store?.get(name);
    if (c?.value) return c.value;
  } catch {
    /* not available */
  }
  return null;
}

const api = createApi({
  fetch: (...args) => fetch(...args),
  getCookie: async (name) => (await cookieValue(name)) ?? (name === 'csrftoken' ? ((await getMeta<string>('csrf')) ?? null) : null),
  credentials: 'include',
});

// ---- push ----

interface PushPayload {
  kind?: 'nudge' | 'reminder' | string;
  title?: string;
  body?: string;
  nudge?: number | null;
  message?: number;
  url?: string;
  /** Micro-breaks: what the nudge asks for (a move nudge names an exercise and its dose). */
  nudge_kind?: 'move' | 'tip' | 'stand' | 'sit' | null;
  exercise?: string | null;
  dose?: { sets: number; reps: number | null; hold_seconds: number | null } | null;
}

/** How many action buttons a notification may have here (Chromium: 2). */
function maxActions(): number {
  const n = (self as unknown as { Notification?: { maxActions?: number } }).Notification?.maxActions;
  return typeof n === 'number' ? n : 2;
}

self.addEventListener('push', (event) => {
  let p: PushPayload = {};
  try {
    p = (event.data?.json() as PushPayload) ?? {};
  } catch {
    p = { body: event.data?.text() };
  }
  const kind = p.kind === 'nudge' ? 'nudge' : 'reminder';
  const fallback = kind === 'nudge' ? (p.nudge_kind === 'move' && p.nudge != null ? `/break/${p.nudge}` : '/inbox') : '/today';
  const data: Record<string, unknown> = { kind, nudge: p.nudge ?? null, url: p.url || fallback };
  // Only when the payload names one, so the "I moved" action can say which exercise.
  if (p.exercise) data.exercise = p.exercise;
  const options: NotificationOptions & { actions?: { action: string; title: string }[] } = {
    body: p.body ?? '',
    // Messages and alerts get their own notification per thread or patient, instead of
    // replacing the last reminder.
    tag: p.kind === 'message' || p.kind === 'alert' ? `${p.kind}:${p.url ?? ''}` : kind,
    data,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
  };
  const key = shownKey(p);
  event.waitUntil(
    (async () => {
      // Our own texts in the patient's language (the app keeps it in IndexedDB).
      await swLanguage();
      if (kind === 'nudge') {
        options.actions = [
          { action: 'moved', title: t('I moved') },
          { action: 'snooze', title: t('Snooze 15 min') },
        ];
        // "Busy for an hour" where the platform shows a third button.
        if (maxActions() >= 3) options.actions.push({ action: 'busy', title: t('Busy for 1 hour') });
      }
      const title = p.title || (kind === 'nudge' ? t('Time to move') : 'Upright');
      // A repeat of a push already shown (sent twice after a server crash) is dropped.
      if (key !== null && !(await firstShowing(key))) return;
      // The break screen opens offline too: keep what this nudge asks for.
      if (kind === 'nudge' && p.nudge != null && p.exercise) await setMeta(`break:${p.nudge}`, { nudge: p.nudge, exercise: p.exercise, dose: p.dose ?? null });
      await Promise.all([self.registration.showNotification(title, options), tellWindows({ type: 'inbox-changed' })]);
    })(),
  );
});

/** Lets open pages know the inbox changed, so the tab badge updates. */
async function tellWindows(message: { type: string }): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window' });
  for (const c of windows) c.postMessage(message);
}

async function openUrl(url: string): Promise<void> {
  const target = new URL(url, self.location.origin);
  if (target.origin !== self.location.origin) return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) {
    if (new URL(client.url).origin === self.location.origin) {
      // Focusing may be refused (no user gesture): the page still moves to the target.
      await client.focus().catch(() => undefined);
      client.postMessage({ type: 'navigate', url: target.pathname + target.search });
      return;
    }
  }
  await self.clients.openWindow(target.href);
}

self.addEventListener('notificationclick', (event) => {
  const n = event.notification;
  const data = (n.data ?? {}) as { nudge?: number | null; url?: string; exercise?: string };
  n.close();
  const action = event.action;
  if ((action === 'moved' || action === 'snooze' || action === 'busy') && data.nudge != null) {
    const body = action === 'snooze' ? { action: 'snooze', minutes: 15 } : data.exercise ? { action: 'moved', exercise: data.exercise } : { action: 'moved' };
    const [url, sent] = action === 'busy' ? ['/api/nudges/busy/', { minutes: 60 }] : [`/api/nudges/${data.nudge}/ack/`, body];
    event.waitUntil(
      api
        .send('POST', url, sent)
        .then((r) => {
          if (!r.ok) return openUrl('/inbox');
          return tellWindows({ type: 'inbox-changed' });
        })
        .catch(() => openUrl('/inbox')),
    );
    return;
  }
  event.waitUntil(openUrl(data.url || '/today'));
});

// ---- background sync of the outbox (a bonus: the page also flushes on start and online) ----

const outbox = new Outbox();

async function flushFromWorker(): Promise<void> {
  const report = await outbox.flush((e) => api.send('POST', e.url, e.body));
  const windows = await self.clients.matchAll({ type: 'window' });
  for (const c of windows) c.postMessage({ type: 'outbox-changed', sent: report.sent });
  if (report.kept.length) throw new Error('Some sessions are still waiting');
}

self.addEventListener('sync', (event) => {
  const e = event as ExtendableEvent & { tag: string };
  if (e.tag === 'upright-outbox') e.waitUntil(flushFromWorker());
});
