import { describe, expect, it } from 'vitest';
import { badgeText, unreadCount } from './inbox';

describe('unreadCount', () => {
  it('reads the count of a page, not the length of its results', () => {
    expect(unreadCount({ count: 7, next: '/api/inbox/?page=2', previous: null, results: [{}] })).toBe(7);
  });
  it('copes with a bare list and with nonsense', () => {
    expect(unreadCount([{}, {}])).toBe(2);
    expect(unreadCount({ results: [{}] })).toBe(1);
    expect(unreadCount(null)).toBe(0);
    expect(unreadCount('oops')).toBe(0);
  });
});

describe('badgeText', () => {
  it('hides zero and caps large numbers', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(150)).toBe('99+');
  });
});
