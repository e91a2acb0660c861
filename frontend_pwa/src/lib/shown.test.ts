import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { firstShowing, rememberShown, shownKey, SHOWN_MAX_AGE_MS } from './shown';

let n = 0;
const dbName = () => `shown-test-${n++}`;

describe('shownKey', () => {
  it('names the message, else the nudge, else nothing', () => {
    expect(shownKey({ message: 12, nudge: 7 })).toBe('m12');
    expect(shownKey({ nudge: 7 })).toBe('n7');
    expect(shownKey({ nudge: null })).toBeNull();
    expect(shownKey({ message: '12' })).toBeNull();
  });
});

describe('rememberShown', () => {
  it('refuses an id already shown and adds a new one', () => {
    const list = rememberShown([], 'm1', 1000)!;
    expect(list).toEqual([{ id: 'm1', at: 1000 }]);
    expect(rememberShown(list, 'm1', 2000)).toBeNull();
    expect(rememberShown(list, 'm2', 2000)).toEqual([
      { id: 'm1', at: 1000 },
      { id: 'm2', at: 2000 },
    ]);
  });

  it('forgets entries older than the age limit and keeps only the newest', () => {
    const old = [{ id: 'm1', at: 0 }];
    expect(rememberShown(old, 'm1', SHOWN_MAX_AGE_MS + 1)).toEqual([{ id: 'm1', at: SHOWN_MAX_AGE_MS + 1 }]);
    let list: { id: string; at: number }[] = [];
    for (let i = 0; i < 5; i++) list = rememberShown(list, `m${i}`, i, 3)!;
    expect(list.map((e) => e.id)).toEqual(['m2', 'm3', 'm4']);
  });
});

describe('firstShowing', () => {
  it('shows a push once, even when the repeat arrives after a restart of the worker', async () => {
    const name = dbName();
    expect(await firstShowing('m5', { now: 1, dbName: name })).toBe(true);
    expect(await firstShowing('m5', { now: 2, dbName: name })).toBe(false);
    expect(await firstShowing('m6', { now: 3, dbName: name })).toBe(true);
  });

  it('lets exactly one of two racing deliveries of the same push through', async () => {
    const name = dbName();
    const results = await Promise.all([
      firstShowing('m9', { now: 1, dbName: name }),
      firstShowing('m9', { now: 1, dbName: name }),
      firstShowing('m9', { now: 1, dbName: name }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
