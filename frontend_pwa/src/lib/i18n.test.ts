// @vitest-environment happy-dom
// Catalogues are complete and plurals follow each language's rules (issue #19).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import es from '../locales/es.json';
import de from '../locales/de.json';
import { activate, formatNumber, loadPart, msgKey, pickLanguage, t } from './i18n';
import { msgKey as buildKey } from '../../scripts/i18n-vite.mjs';
import { pickVoice } from './speech';

const CATALOGS: Record<string, Record<string, string>> = { es, de };
const names = (m: string) => [...new Set([...m.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((x) => x[1]))].sort();

describe('catalogues', () => {
  for (const [code, cat] of Object.entries(CATALOGS)) {
    it(`${code} has every English message, translated, with the same placeholders`, () => {
      const missing = Object.keys(en).filter((id) => !cat[id]);
      expect(missing).toEqual([]);
      const extra = Object.keys(cat).filter((id) => !(id in en));
      expect(extra).toEqual([]);
      const wrong = Object.keys(en).filter((id) => names(id).join() !== names(cat[id]).join());
      expect(wrong).toEqual([]);
    });
  }
  it('the build and the app compute the same catalogue keys', () => {
    for (const id of Object.keys(en)) expect(msgKey(id)).toBe(buildKey(id));
  });
  it('en maps each message to itself', () => {
    expect(Object.entries(en).every(([k, v]) => k === v)).toBe(true);
  });
});

describe('plurals and switching', () => {
  const SECONDS = '{seconds, plural, one {# second left} other {# seconds left}}';
  const SETS = '{sets, plural, one {# set} other {# sets}}';
  it('English', async () => {
    await activate('en');
    expect(t(SECONDS, { seconds: 1 })).toBe('1 second left');
    expect(t(SECONDS, { seconds: 2 })).toBe('2 seconds left');
    expect(t(SETS, { sets: 0 })).toBe('0 sets');
    expect(document.documentElement.lang).toBe('en');
  });
  it('Spanish', async () => {
    await activate('es');
    expect(t(SECONDS, { seconds: 1 })).toBe('Queda 1 segundo');
    expect(t(SECONDS, { seconds: 5 })).toBe('Quedan 5 segundos');
    expect(t(SETS, { sets: 1 })).toBe('1 serie');
    expect(t(SETS, { sets: 3 })).toBe('3 series');
    expect(t('Today')).toBe('Hoy');
    expect(formatNumber(1234.5)).toBe('1234,5');
  });
  it('German', async () => {
    await activate('de');
    expect(t(SECONDS, { seconds: 1 })).toBe('Noch 1 Sekunde');
    expect(t(SECONDS, { seconds: 0 })).toBe('Noch 0 Sekunden');
    expect(t(SETS, { sets: 1 })).toBe('1 Satz');
    expect(t(SETS, { sets: 2 })).toBe('2 Sätze');
    expect(t('Signed in as {email}', { email: 'a@b.de' })).toBe('Angemeldet als a@b.de');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    await activate('en');
  });
});

describe("the clinician workspace's own catalogue", () => {
  it('holds the messages only src/physio uses; with the main one they make the whole catalogue', async () => {
    const main = (await import('virtual:upright-catalog/es')).messages;
    const part = (await import('virtual:upright-catalog/physio-es')).messages;
    const mainKeys = Object.keys(main);
    const partKeys = Object.keys(part);
    expect(partKeys).toContain(msgKey('Micro-breaks at work'));
    expect(mainKeys).not.toContain(msgKey('Micro-breaks at work'));
    expect(mainKeys).toContain(msgKey('Today'));
    expect(partKeys.filter((k) => mainKeys.includes(k))).toEqual([]);
    expect(new Set([...mainKeys, ...partKeys])).toEqual(new Set(Object.keys(en).map(msgKey)));
  });
  it('is loaded with that part and follows a language switch', async () => {
    await activate('es');
    await loadPart('physio');
    expect(t('Micro-breaks at work')).toBe('Micropausas en el trabajo');
    await activate('de');
    expect(t('Micro-breaks at work')).toBe('Mikropausen bei der Arbeit');
    expect(t('Today')).toBe(de.Today);
    await activate('en');
    expect(t('Micro-breaks at work')).toBe('Micro-breaks at work');
  });
});

describe('choosing a language', () => {
  it('takes the first supported one, by its primary subtag', () => {
    expect(pickLanguage(null, 'fr-FR', 'es-MX', 'de')).toBe('es');
    expect(pickLanguage('de_AT')).toBe('de');
    expect(pickLanguage(undefined, 'pt-BR')).toBe('en');
  });
  it('picks a voice of the language, the default or a local one first', () => {
    const voices = [
      { lang: 'en-US', default: true },
      { lang: 'es-MX', localService: false },
      { lang: 'es-ES', localService: true },
    ];
    expect(pickVoice(voices, 'es')?.lang).toBe('es-ES');
    expect(pickVoice(voices, 'de')).toBeNull();
  });
});
