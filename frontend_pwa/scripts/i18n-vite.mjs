// Vite plugin: `import('virtual:upright-catalog/es')` → src/locales/es.json compiled with
// Lingui's message compiler, so the phone gets ready-to-render messages and no ICU parser.
// `virtual:upright-catalog/sw` holds, for every language, only the messages src/sw.ts uses.
// The clinician workspace (src/physio/, its own lazy chunk) has its own catalogue,
// `virtual:upright-catalog/physio-<lang>`: the messages only src/physio/ uses, loaded with that
// chunk (loadPart in src/lib/i18n.ts), so patients never download them.
import { readFileSync } from 'node:fs';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { extractFile, walkSources } from './i18n-core.mjs';

const PREFIX = 'virtual:upright-catalog/';
const LANGS = ['en', 'es', 'de'];
const dir = new URL('../src/locales/', import.meta.url).pathname;
const swFile = new URL('../src/sw.ts', import.meta.url).pathname;
const srcDir = new URL('../src/', import.meta.url).pathname;
const PARTS = { physio: `${srcDir}physio/` };

/** The messages used only by files under a part's folder (ids), and the files read. */
export function partMessages(part) {
  const folder = PARTS[part];
  if (!folder) throw new Error(`No catalogue part ${part}`);
  const inside = new Set();
  const outside = new Set();
  const files = walkSources(srcDir);
  for (const file of files) {
    const into = file.startsWith(folder) ? inside : outside;
    for (const m of extractFile(file).found) into.add(m.id);
  }
  return { ids: new Set([...inside].filter((id) => !outside.has(id))), files };
}

export function readCatalog(lang) {
  return JSON.parse(readFileSync(`${dir}${lang}.json`, 'utf8'));
}

/** A short key for a message (FNV-1a, base 36): the same function as msgKey in src/lib/i18n.ts. */
export function msgKey(message) {
  let h = 0x811c9dc5;
  for (let i = 0; i < message.length; i++) {
    h ^= message.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Compiled messages keyed by msgKey(English text), so the English ids do not ship twice. */
export function compileCatalog(catalog, only) {
  const out = {};
  const from = {};
  for (const [id, text] of Object.entries(catalog)) {
    if (only && !only.has(id)) continue;
    const key = msgKey(id);
    if (key in from) throw new Error(`Two messages share the key ${key}: ${JSON.stringify(from[key])} and ${JSON.stringify(id)}`);
    from[key] = id;
    // An untranslated entry falls back to the English source text.
    out[key] = compileMessage(text || id);
  }
  return out;
}

export function uprightCatalogs() {
  return {
    name: 'upright-catalogs',
    resolveId(id) {
      return id.startsWith(PREFIX) ? '\0' + id : null;
    },
    load(id) {
      if (!id.startsWith('\0' + PREFIX)) return null;
      const name = id.slice(PREFIX.length + 1);
      if (name === 'sw') {
        this.addWatchFile(swFile);
        const only = new Set(extractFile(swFile).found.map((m) => m.id));
        const all = Object.fromEntries(LANGS.map((l) => [l, compileCatalog(readCatalog(l), only)]));
        LANGS.forEach((l) => this.addWatchFile(`${dir}${l}.json`));
        return `export const catalogs = ${JSON.stringify(all)};`;
      }
      const [part, lang] = name.includes('-') ? name.split('-') : [null, name];
      if (!LANGS.includes(lang) || (part && !(part in PARTS))) throw new Error(`No catalogue for ${name}`);
      this.addWatchFile(`${dir}${lang}.json`);
      const { ids, files } = partMessages('physio');
      files.forEach((f) => this.addWatchFile(f));
      const catalog = readCatalog(lang);
      const mine = part ? ids : new Set(Object.keys(catalog).filter((id) => !ids.has(id)));
      return `export const messages = ${JSON.stringify(compileCatalog(catalog, mine))};`;
    },
  };
}
