// Spoken cues and vibration, both optional and quiet by request.
import { createStore } from './store';

const KEY = 'upright.muted';

function readMuted(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export const muted = createStore<boolean>(typeof localStorage === 'undefined' ? false : readMuted());

export function setMuted(v: boolean): void {
  try {
    localStorage.setItem(KEY, v ? '1' : '0');
  } catch {
    /* ignore */
  }
  muted.set(v);
  if (v) window.speechSynthesis?.cancel();
}

export const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;

export function speak(text: string): void {
  if (!canSpeak || muted.get()) return;
  try {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'en';
    u.rate = 0.95;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(u);
  } catch {
    /* ignore */
  }
}

export function buzz(pattern: number | number[] = 200): void {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    /* ignore */
  }
}
