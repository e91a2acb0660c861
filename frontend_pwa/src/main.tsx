import { render } from 'preact';
import './styles.css';
import { App } from './app';
import { loadMe } from './lib/auth';
import { flushOutbox, outbox, refreshSyncCounts, sync } from './lib/client';
import { navigate } from './lib/router';
import { registerServiceWorker } from './lib/sw-register';
import { watchInstall } from './lib/install';
import { activate, startLanguage } from './lib/i18n';

// The catalogue of the language to start in comes first (from the precache when offline).
void activate(startLanguage())
  .catch(() => activate('en'))
  .finally(() => render(<App />, document.getElementById('app')!));

void loadMe().then(() => {
  // Send anything logged while offline as soon as the app starts.
  void flushOutbox();
});
void refreshSyncCounts();
outbox.subscribe(() => void refreshSyncCounts());

window.addEventListener('online', () => {
  sync.set({ ...sync.get(), online: true });
  void flushOutbox(true);
});
window.addEventListener('offline', () => sync.set({ ...sync.get(), online: false }));

// Retry waiting sessions now and then (respecting their backoff).
window.setInterval(() => {
  if (navigator.onLine && sync.get().pending > 0) void flushOutbox();
}, 60_000);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
    const d = e.data as { type?: string; url?: string } | null;
    if (d?.type === 'outbox-changed') void refreshSyncCounts();
    if (d?.type === 'navigate' && d.url?.startsWith('/')) navigate(d.url);
  });
}
void registerServiceWorker();
watchInstall();
