// The hard-coded-text rule (scripts/i18n-core.mjs, run by `npm run lint:i18n`) can fail.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile, lintFile } from '../../scripts/i18n-core.mjs';

function lint(source: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'i18n-')), 'X.tsx');
  writeFileSync(file, source);
  return { found: lintFile(file) as { line: number; text: string }[], messages: extractFile(file).found as { id: string }[] };
}

describe('lint:i18n', () => {
  it('flags JSX text, user-facing attributes and sentences outside t()', () => {
    const { found } = lint(
      [
        "export const A = () => <p>Hello there</p>;",
        'export const B = () => <button aria-label="Close" class="btn x">×</button>;',
        "export function c(ok: boolean) { return ok ? 'Saved.' : 'Could not save your plan.'; }",
        "export const D = (n: number) => <p>{n === 1 ? 'one set' : 'sets'}</p>;",
      ].join('\n'),
    );
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [1, 'Hello there'],
      [2, 'Close'],
      [3, 'Could not save your plan.'],
      [4, 'one set'],
      [4, 'sets'],
    ]);
  });
  it('accepts wrapped text, technical strings and marked lines', () => {
    const { found, messages } = lint(
      [
        "import { t } from './i18n';",
        "export const A = () => <p class=\"muted small\" role=\"status\">{t('Hello there')}</p>;",
        "export const B = () => <input type=\"text\" aria-label={t('Search')} />;",
        "export const code = 'too_hard'; // i18n-ignore",
        "export const s = (x: string) => x === 'This field is required.';",
      ].join('\n'),
    );
    expect(found).toEqual([]);
    expect(messages.map((m) => m.id)).toEqual(['Hello there', 'Search']);
  });
});
