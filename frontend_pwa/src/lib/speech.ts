// Spoken cues and vibration, both optional and quiet by request.
import { createStore } from './store';
import { locale } from './i18n';

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
    // A voice of the app's language when the device has one; else the browser's default.
    u.lang = locale();
    const voice = pickVoice(window.speechSynthesis.getVoices?.() ?? [], locale());
    if (voice) u.voice = voice;
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

/** The device's voice for a language ("es" matches "es-ES", "es-MX"…), local voices first. */
export function pickVoice<V extends { lang: string; localService?: boolean; default?: boolean }>(voices: readonly V[], code: string): V | null {
  const mine = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === code);
  return mine.find((v) => v.default) ?? mine.find((v) => v.localService) ?? mine[0] ?? null;
}
