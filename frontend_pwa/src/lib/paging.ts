import { t } from './i18n';
// Following DRF's `next` links. Pure helpers; the hook lives in components/Paged.tsx.

export interface PageLike<T> {
  count: number;
  next: string | null;
  results: T[];
}

/**
 * The path (with query) of the next page, or null. DRF builds `next` as an absolute URL from
 * the request's host, which behind a proxy can be another scheme or host: we keep only the
 * path so the request stays same-origin (cookies, CSRF). Anything outside /api/ is refused.
 */
export function nextPath(next: string | null | undefined, base = 'http://localhost'): string | null {
  if (!next) return null;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (!url.pathname.startsWith('/api/')) return null;
  return url.pathname + url.search;
}

/** Adds a page to what is shown, skipping rows already there (a list can shift between pages). */
export function appendPage<T>(items: T[], page: T[], key: (t: T) => string | number): T[] {
  const seen = new Set(items.map(key));
  const out = [...items];
  for (const t of page) {
    const k = key(t);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

/** Every row of a paginated list, following `next` (at most `maxPages` requests). */
export async function fetchAll<T>(get: (path: string) => Promise<PageLike<T> | T[]>, first: string, maxPages = 20): Promise<T[]> {
  let out: T[] = [];
  let path: string | null = first;
  for (let i = 0; path && i < maxPages; i++) {
    const page: PageLike<T> | T[] = await get(path);
    if (Array.isArray(page)) return [...out, ...page];
    out = [...out, ...(page.results ?? [])];
    path = nextPath(page.next);
  }
  return out;
}

/** "Showing 50 of 120 patients." */
export function shownText(shown: number, total: number, noun: string, plural = `${noun}s`): string {
  const word = total === 1 ? noun : plural;
  if (shown >= total) return total === 1 ? t('Showing 1 {word}.', { word }) : t('Showing all {total} {word}.', { total, word });
  return t('Showing {shown} of {total} {word}.', { shown, total, word });
}
