import { describe, expect, it } from 'vitest';
import { formatMinutes, summaryView } from './nudges';

describe('formatMinutes', () => {
  it('words minutes and hours', () => {
    expect(formatMinutes(0)).toBe('0 minutes');
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(135)).toBe('2 hours 15 minutes');
    expect(formatMinutes(-5)).toBe('0 minutes');
  });
});

describe('summaryView', () => {
  const base = { date: '2026-11-24', sent: 0, acknowledged: 0, breaks: 0, longest_stretch_minutes: 0 };
  it('is empty when no reminder went out and no break was logged', () => {
    expect(summaryView({ ...base, longest_stretch_minutes: 510 }).empty).toBe(true);
  });
  it('praises breaks and gives the details', () => {
    const v = summaryView({ ...base, sent: 5, acknowledged: 4, breaks: 3, longest_stretch_minutes: 95 });
    expect(v.empty).toBe(false);
    expect(v.headline).toBe('3 movement breaks today. Well done.');
    expect(v.details).toEqual(['You answered 4 of 5 reminders.', 'Longest time sitting without a break: 1 hour 35 minutes.']);
  });
  it('stays kind when there were no breaks', () => {
    expect(summaryView({ ...base, sent: 1, breaks: 0 }).headline).toMatch(/counts/);
    expect(summaryView({ ...base, sent: 1, breaks: 1 }).headline).toBe('1 movement break today. Well done.');
  });
});
