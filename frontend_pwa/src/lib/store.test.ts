import { describe, expect, it } from 'vitest';
import { createStore, sameShallow } from './store';

describe('createStore', () => {
  it('tells subscribers of a change, but not of the same value again', () => {
    const s = createStore({ pending: 0, syncing: false }, { skipSame: true });
    const seen: unknown[] = [];
    s.subscribe((v) => seen.push(v));
    s.set({ pending: 0, syncing: false });
    expect(seen).toHaveLength(0);
    s.set({ pending: 1, syncing: false });
    expect(seen).toEqual([{ pending: 1, syncing: false }]);
    expect(s.get()).toEqual({ pending: 1, syncing: false });
  });

  it('tells every set by default', () => {
    const s = createStore('en');
    let n = 0;
    s.subscribe(() => n++);
    s.set('en');
    expect(n).toBe(1);
  });

  it('compares one level deep only', () => {
    expect(sameShallow({ a: 1 }, { a: 1 })).toBe(true);
    expect(sameShallow({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameShallow({ a: [1] }, { a: [1] })).toBe(false);
    expect(sameShallow([1], [1])).toBe(false);
    expect(sameShallow(2, 2)).toBe(true);
  });
});
