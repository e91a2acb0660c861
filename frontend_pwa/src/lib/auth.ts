import type { Me } from '../types';
import { ApiError, NetworkError } from './api';
import { api } from './client';
import { createStore } from './store';
import { activate, lang, pickLanguage } from './i18n';

const KEY = 'upright.me';

export interface AuthState {
  ready: boolean;
  me: Me | null;
}

export const auth = createStore<AuthState>({ ready: false, me: null });

function remember(me: Me | null) {
  try {
    if (me) localStorage.setItem(KEY, JSON.stringify(me));
    else localStorage.removeItem(KEY);
  } catch {
    /* ignore */
  }
}

export function setMe(me: Me | null): void {
  remember(me);
  // The account's language wins over the device's (issue #19).
  const wanted = me?.language ? pickLanguage(me.language) : null;
  if (wanted && wanted !== lang.get()) void activate(wanted).finally(() => auth.set({ ready: true, me }));
  else auth.set({ ready: true, me });
}

export async function loadMe(): Promise<void> {
  try {
    const me = await api.get<Me>('/api/me/');
    setMe(me);
  } catch (e) {
    if (e instanceof NetworkError) {
      // Offline: trust the last known account so today's plan still opens.
      let cached: Me | null = null;
      try {
        cached = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Me | null;
      } catch {
        cached = null;
      }
      auth.set({ ready: true, me: cached });
    } else if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      setMe(null);
    } else {
      auth.set({ ready: true, me: null });
    }
  }
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout/');
  } finally {
    setMe(null);
    try {
      localStorage.removeItem('upright.today');
      localStorage.removeItem('upright.progress');
      await caches?.delete('upright-today');
    } catch {
      /* ignore */
    }
  }
}
