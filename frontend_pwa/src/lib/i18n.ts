// The app's languages (issue #19). Lingui's small runtime (@lingui/core, about 2.6 KB gzipped)
// renders catalogues that the Vite plugin in scripts/i18n-vite.mjs compiles at build time from
// src/locales/<lang>.json, so no ICU parser ships to the phone. Each language is its own lazily
// loaded chunk; only the active one is fetched (the service worker precaches them all, so an
// offline reload keeps the language). Message ids are the English source texts: see README.md.
import { i18n, type Messages } from '@lingui/core';
import { createStore } from './store';
import { msgKey } from './msgkey';

export { msgKey };

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'de', name: 'Deutsch' },
] as const;
export type Lang = (typeof LANGUAGES)[number]['code'];

const loaders: Record<Lang, () => Promise<{ messages: Messages }>> = {
  en: () => import('virtual:upright-catalog/en'),
  es: () => import('virtual:upright-catalog/es'),
  de: () => import('virtual:upright-catalog/de'),
};

/** Catalogues of a lazily loaded part of the app (its messages are not in the main one). */
const partLoaders: Record<'physio', Record<Lang, () => Promise<{ messages: Messages }>>> = {
  physio: {
    en: () => import('virtual:upright-catalog/physio-en'),
    es: () => import('virtual:upright-catalog/physio-es'),
    de: () => import('virtual:upright-catalog/physio-de'),
  },
};
export type Part = keyof typeof partLoaders;
const parts = new Set<Part>();

const KEY = 'upright.lang';

// English until a catalogue is loaded (tests run without one: ids are the English texts).
i18n.load('en', {});
i18n.activate('en');

/** The active language; components re-render from the app root when it changes. */
export const lang = createStore<Lang>('en');

/** The first supported language among the candidates ("es-MX" → "es"), else English. */
export function pickLanguage(...candidates: readonly (string | null | undefined)[]): Lang {
  for (const c of candidates) {
    const base = c?.toLowerCase().split(/[-_]/)[0];
    const hit = LANGUAGES.find((l) => l.code === base);
    if (hit) return hit.code;
  }
  return 'en';
}

/** At start: the signed-in user's language (last known), else the device's, else English. */
export function startLanguage(): Lang {
  let saved: string | null = null;
  let me: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
    me = (JSON.parse(localStorage.getItem('upright.me') ?? 'null') as { language?: string } | null)?.language ?? null;
  } catch {
    /* storage unavailable */
  }
  const device = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return pickLanguage(me, saved, ...device);
}

/** Loads a language's catalogue and makes it the active one. */
export async function activate(code: Lang): Promise<void> {
  const [{ messages }, ...more] = await Promise.all([loaders[code](), ...[...parts].map((p) => partLoaders[p][code]())]);
  i18n.load(code, messages);
  for (const m of more) i18n.load(code, m.messages);
  i18n.activate(code);
  try {
    localStorage.setItem(KEY, code);
  } catch {
    /* quota */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = code;
  // The service worker reads this for its notification texts.
  void import('./db').then((db) => db.setMeta('lang', code)).catch(() => undefined);
  lang.set(code);
}

/** Loads a part's messages (the clinician workspace) in the active language, and in every
 * language switched to later. Call it with the part's lazy import, before it renders. */
export async function loadPart(part: Part): Promise<void> {
  parts.add(part);
  let code: Lang;
  do {
    code = lang.get();
    const { messages } = await partLoaders[part][code]();
    i18n.load(code, messages);
  } while (lang.get() !== code); // switched meanwhile: load the new language's too
}

/** A message in the active language; `message` is the English text with ICU {placeholders}. */
export function t(message: string, values?: Record<string, unknown>): string {
  return i18n._(msgKey(message), values, { message });
}

/** Marks a message to translate later with t(variable) (tables built at module load). */
export function msg(message: string): string {
  return message;
}

/** The active locale, for Intl formatting. */
export function locale(): Lang {
  return lang.get();
}

export function formatDate(d: Date | string | number, opts?: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale(), opts).format(typeof d === 'string' ? new Date(d) : d);
}

export function formatNumber(n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), opts).format(n);
}
