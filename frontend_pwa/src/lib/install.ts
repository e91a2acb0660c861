// "Install Upright": the browser's install prompt where there is one (Chromium), Home
// Screen guidance on iPhone and iPad (needed there for notifications).
import { isIOS, isStandalone } from './push';
import { createStore } from './store';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOffer = { kind: 'prompt' } | { kind: 'ios' } | null;

const DISMISSED = 'upright.install-dismissed';
let deferred: InstallPromptEvent | null = null;
export const installOffer = createStore<InstallOffer>(null);

function dismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED) === '1';
  } catch {
    return false;
  }
}

/** Called once at start-up. */
export function watchInstall(): void {
  if (typeof window === 'undefined' || isStandalone() || dismissed()) return;
  if (isIOS()) {
    installOffer.set({ kind: 'ios' });
    return;
  }
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    deferred = e as InstallPromptEvent;
    installOffer.set({ kind: 'prompt' });
  });
  window.addEventListener('appinstalled', () => installOffer.set(null));
}

export async function install(): Promise<void> {
  if (!deferred) return;
  await deferred.prompt();
  const choice = await deferred.userChoice.catch(() => ({ outcome: 'dismissed' as const }));
  deferred = null;
  if (choice.outcome === 'accepted') installOffer.set(null);
}

export function dismissInstall(): void {
  try {
    localStorage.setItem(DISMISSED, '1');
  } catch {
    /* private mode: hide for this visit only */
  }
  installOffer.set(null);
}
