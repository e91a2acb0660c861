// API types generated from the server's OpenAPI schema (README.md, "API types").
//   node scripts/api-types.mjs          → dumps the schema with drf-spectacular and rewrites
//                                         src/api/schema.d.ts (committed) with openapi-typescript.
//   node scripts/api-types.mjs --check  → the same into a temporary file; fails when it differs
//                                         from the committed one (a serializer changed and the
//                                         types were not regenerated). `tsc` then checks the
//                                         PWA against the committed file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url).pathname;
const repo = new URL('../../', import.meta.url).pathname;
const target = `${root}src/api/schema.d.ts`;
const check = process.argv.includes('--check');
const python = process.env.PYTHON ?? `${repo}.venv/bin/python`;

const dir = mkdtempSync(join(tmpdir(), 'upright-schema-'));
try {
  const schemaFile = join(dir, 'schema.json');
  // --lang en: descriptions (they become doc comments) must not follow the machine's locale.
  // On the embedded defaults whatever the environment says: integer fields' bounds (and so
  // "format: int64") come from the database backend, and CI lints on SQLite and PostgreSQL.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.BROKER_URL;
  execFileSync(python, ['manage.py', 'spectacular', '--format', 'openapi-json', '--lang', 'en', '--file', schemaFile], { cwd: repo, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const ast = await openapiTS(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const header = '/**\n * Generated from /api/schema/ by scripts/api-types.mjs (openapi-typescript). Do not edit:\n * run `npm run api:types` after changing a serializer.\n */\n\n';
  const text = header + astToString(ast);
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      /* missing: reported below */
    }
    if (committed !== text) {
      console.error('src/api/schema.d.ts is out of date with the API schema: run `npm run api:types` in frontend_pwa and commit it.');
      process.exit(1);
    }
    console.log('api types: src/api/schema.d.ts matches /api/schema/.');
  } else {
    writeFileSync(target, text);
    console.log(`api types: wrote ${target.slice(root.length)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
