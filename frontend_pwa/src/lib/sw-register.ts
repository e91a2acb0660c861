// Service worker registration with a user-confirmed update.
import { createStore } from './store';

export const updateReady = createStore<boolean>(false);
/** True while a guided session runs: no update prompt then. */
export const sessionRunning = createStore<boolean>(false);

let waiting: ServiceWorker | null = null;
let accepted = false;

function offer(sw: ServiceWorker | null) {
  if (!sw) return;
  waiting = sw;
  updateReady.set(true);
}

export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return null;
  try {
    const reg = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const sw = reg.installing;
      sw?.addEventListener('statechange', () => {
        if (sw.state === 'installed' && navigator.serviceWorker.controller) offer(sw);
      });
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (accepted) window.location.reload();
    });
    // Look for a new version now and then, and when the app comes back to the front.
    const check = () => void reg.update().catch(() => undefined);
    setInterval(check, 60 * 60 * 1000);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
    return reg;
  } catch {
    return null;
  }
}

export function applyUpdate(): void {
  if (!waiting || sessionRunning.get()) return;
  accepted = true;
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
