// Upright's message tooling (see README.md, "Languages").
//   node scripts/i18n.mjs extract  → rewrites src/locales/en.json from the t()/msg()/<Trans id>
//                                    calls in src/, adds new ids to es.json and de.json with an
//                                    empty value (to translate) and drops ids no longer used.
//   node scripts/i18n.mjs lint     → fails on hard-coded user-facing text in src/ (file:line and
//                                    the literal), on en.json being out of date, and on empty or
//                                    missing translations in es.json / de.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { extractFile, lintFile, walkSources } from './i18n-core.mjs';
import { compileMessage } from '@lingui/message-utils/compileMessage';

const root = new URL('../', import.meta.url).pathname;
const src = `${root}src`;
const loc = `${src}/locales`;
const LANGS = ['es', 'de'];
const rel = (f) => f.slice(root.length);
const read = (l) => JSON.parse(readFileSync(`${loc}/${l}.json`, 'utf8'));
const write = (l, obj) => writeFileSync(`${loc}/${l}.json`, JSON.stringify(obj, null, 2) + '\n');
const sorted = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function collect() {
  const ids = new Map();
  const problems = [];
  for (const file of walkSources(src)) {
    const { found, problems: p } = extractFile(file);
    for (const m of found) if (!ids.has(m.id)) ids.set(m.id, `${rel(file)}:${m.line}`);
    for (const x of p) problems.push(`${rel(file)}:${x.line}: ${x.why}: ${x.text}`);
  }
  return { ids, problems };
}

/** Placeholder names in an ICU message ({name}, {n, plural, …}). */
export function placeholders(message) {
  return [...message.matchAll(/\{\s*([\w]+)\s*[,}]/g)].map((m) => m[1]).sort().filter((v, i, a) => a.indexOf(v) === i);
}

const cmd = process.argv[2];
if (cmd === 'extract') {
  const { ids } = collect();
  const en = sorted(Object.fromEntries([...ids.keys()].map((id) => [id, id])));
  write('en', en);
  for (const l of LANGS) {
    let cat = {};
    try {
      cat = read(l);
    } catch {
      /* new language */
    }
    const next = sorted(Object.fromEntries(Object.keys(en).map((id) => [id, cat[id] ?? ''])));
    const dropped = Object.keys(cat).filter((id) => !(id in en));
    const todo = Object.values(next).filter((v) => !v).length;
    write(l, next);
    console.log(`${l}.json: ${Object.keys(next).length} messages, ${todo} to translate${dropped.length ? `, ${dropped.length} no longer used (removed)` : ''}`);
  }
  console.log(`en.json: ${Object.keys(en).length} messages`);
} else if (cmd === 'lint') {
  const errors = [];
  for (const file of walkSources(src)) {
    for (const x of lintFile(file)) errors.push(`${rel(file)}:${x.line}: hard-coded text (${x.why}): ${JSON.stringify(x.text)}`);
  }
  const { ids, problems } = collect();
  errors.push(...problems);
  const en = read('en');
  for (const [id, where] of ids) if (!(id in en)) errors.push(`${where}: message not in src/locales/en.json (run npm run i18n:extract): ${JSON.stringify(id)}`);
  for (const id of Object.keys(en)) if (!ids.has(id)) errors.push(`src/locales/en.json: message no longer used (run npm run i18n:extract): ${JSON.stringify(id)}`);
  for (const l of LANGS) {
    const cat = read(l);
    for (const id of Object.keys(en)) {
      const v = cat[id];
      if (!v) errors.push(`src/locales/${l}.json: missing translation: ${JSON.stringify(id)}`);
      else {
        try {
          compileMessage(v);
        } catch (e) {
          errors.push(`src/locales/${l}.json: not valid ICU (${e.message}): ${JSON.stringify(v)}`);
        }
        const a = placeholders(id).join(',');
        const b = placeholders(v).join(',');
        if (a !== b) errors.push(`src/locales/${l}.json: placeholders {${b}} differ from the English {${a}}: ${JSON.stringify(id)}`);
      }
    }
  }
  for (const e of errors) console.error(e);
  if (errors.length) {
    console.error(`\n${errors.length} i18n problem(s). Wrap text in t('…') (see frontend_pwa/README.md, "Languages"), then npm run i18n:extract and translate.`);
    process.exit(1);
  }
  console.log(`i18n: ${ids.size} messages, catalogues complete for en, ${LANGS.join(', ')}; no hard-coded text found.`);
} else {
  console.error('usage: node scripts/i18n.mjs extract|lint');
  process.exit(2);
}
