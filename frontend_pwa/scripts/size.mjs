// Prints gzipped sizes of the built files and fails when the initial load is over budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 60 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(1);
}
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set();
for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) initial.add(m[1]);

const assets = readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`);
console.log('file'.padEnd(46), 'gzip');
for (const f of [...assets, 'sw.js'].filter((f) => existsSync(join(dist, f)))) {
  console.log(`${initial.has(f) ? '* ' : '  '}${f}`.padEnd(46), kb(gz(f)));
}
let total = 0;
for (const f of initial) total += gz(f);
// The active language's catalogue is fetched before the first render (src/main.tsx): count the
// largest of them as part of the initial load.
const catalogs = assets.filter((f) => /^assets\/(en|es|de)-[\w-]+\.js$/.test(f));
const biggest = catalogs.sort((a, b) => gz(b) - gz(a))[0];
if (biggest) {
  total += gz(biggest);
  console.log(`\nLargest language catalogue (loaded at start): ${biggest} ${kb(gz(biggest))}`);
}
console.log(`\nInitial JS + CSS (marked *, plus one catalogue): ${kb(total)} gzipped, budget ${kb(BUDGET)}`);
if (initial.size === 0) {
  console.error('No initial scripts found in index.html.');
  process.exit(1);
}
if (total > BUDGET) {
  console.error('Over budget.');
  process.exit(1);
}
