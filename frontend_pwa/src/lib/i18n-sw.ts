// The service worker's few texts (notification actions and titles) in the language the app
// last used: the app stores it in IndexedDB (meta "lang"), the SW bundle carries only the
// messages src/sw.ts uses, for every language (virtual:upright-catalog/sw).
import { setupI18n } from '@lingui/core';
import { catalogs } from 'virtual:upright-catalog/sw';
import { getMeta } from './db';
import { msgKey } from './msgkey';

const i18n = setupI18n({ locale: 'en', messages: catalogs });

export async function swLanguage(): Promise<void> {
  let code = 'en';
  try {
    code = (await getMeta<string>('lang')) ?? 'en';
  } catch {
    /* IndexedDB unavailable: English */
  }
  i18n.activate(code in catalogs ? code : 'en');
}

export function t(message: string, values?: Record<string, unknown>): string {
  return i18n._(msgKey(message), values, { message });
}
