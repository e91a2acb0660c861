import { describe, expect, it } from 'vitest';
import { appendPage, fetchAll, nextPath, shownText } from './paging';

describe('nextPath', () => {
  it('keeps only the path and query of an absolute next link', () => {
    expect(nextPath('http://internal:8000/api/patients/?ordering=name&page=2')).toBe('/api/patients/?ordering=name&page=2');
    expect(nextPath('https://upright.example/api/exercises/?page=3&page_size=50&search=cat')).toBe('/api/exercises/?page=3&page_size=50&search=cat');
  });
  it('accepts relative links', () => {
    expect(nextPath('/api/tips/?page=2')).toBe('/api/tips/?page=2');
  });
  it('returns null for the last page and for anything outside the API', () => {
    expect(nextPath(null)).toBeNull();
    expect(nextPath(undefined)).toBeNull();
    expect(nextPath('')).toBeNull();
    expect(nextPath('https://evil.example/steal?page=2')).toBeNull();
    expect(nextPath('/admin/?page=2')).toBeNull();
  });
});

describe('appendPage', () => {
  it('appends new rows and skips ones already shown', () => {
    const a = [{ id: 1 }, { id: 2 }];
    expect(appendPage(a, [{ id: 2 }, { id: 3 }], (x) => x.id)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(a).toHaveLength(2);
  });
});

describe('fetchAll', () => {
  it('follows next links until the last page', async () => {
    const pages: Record<string, { count: number; next: string | null; results: number[] }> = {
      '/api/patients/?page_size=2': { count: 5, next: 'http://x/api/patients/?page=2&page_size=2', results: [1, 2] },
      '/api/patients/?page=2&page_size=2': { count: 5, next: 'http://x/api/patients/?page=3&page_size=2', results: [3, 4] },
      '/api/patients/?page=3&page_size=2': { count: 5, next: null, results: [5] },
    };
    const seen: string[] = [];
    const all = await fetchAll((p) => {
      seen.push(p);
      return Promise.resolve(pages[p]);
    }, '/api/patients/?page_size=2');
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toHaveLength(3);
  });
  it('stops after maxPages', async () => {
    const all = await fetchAll(() => Promise.resolve({ count: 99, next: '/api/x/?page=2', results: [1] }), '/api/x/', 3);
    expect(all).toEqual([1, 1, 1]);
  });
  it('accepts a bare list', async () => {
    expect(await fetchAll(() => Promise.resolve([1, 2]), '/api/x/')).toEqual([1, 2]);
  });
});

describe('shownText', () => {
  it('says how many are shown', () => {
    expect(shownText(50, 120, 'patient')).toBe('Showing 50 of 120 patients.');
    expect(shownText(3, 3, 'exercise')).toBe('Showing all 3 exercises.');
    expect(shownText(1, 1, 'tip')).toBe('Showing 1 tip.');
  });
});
