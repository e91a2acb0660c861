import { describe, expect, it, vi } from 'vitest';
import { isOvernight, plainFieldError, plainFieldErrors, pushFailureText, withTimeout } from './errors';

describe('plain words for errors', () => {
  it('says what to do instead of what the framework says', () => {
    expect(plainFieldError('work_days', 'This list may not be empty.')).toBe('Pick at least one work day.');
    expect(plainFieldError('work_start', 'Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]].')).toMatch(/^Enter the time your work day starts/);
    expect(plainFieldError('full_name', 'This field may not be blank.')).toBe('Please fill this in.');
    expect(plainFieldError('x', 'Choose an interval between 15 and 120 minutes.')).toBe('Choose an interval between 15 and 120 minutes.');
    expect(plainFieldErrors({ work_days: 'This list may not be empty.' })).toEqual({ work_days: 'Pick at least one work day.' });
  });
  it('knows an overnight work window', () => {
    expect(isOvernight('17:00', '09:00')).toBe(true);
    expect(isOvernight('09:00', '09:00')).toBe(true);
    expect(isOvernight('09:00', '17:00')).toBe(false);
    expect(isOvernight('', '17:00')).toBe(false);
  });
  it('explains push failures with what to do', () => {
    const abort = Object.assign(new Error('Registration failed - push service error'), { name: 'AbortError' });
    expect(pushFailureText(abort, { ios: false, standalone: false })).toMatch(/private browsing/);
    expect(pushFailureText(new Error('x'), { ios: true, standalone: false })).toMatch(/home screen first/);
    const late = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    expect(pushFailureText(late, { ios: false, standalone: false })).toMatch(/try again/);
  });
  it('times out a promise that never settles', async () => {
    vi.useFakeTimers();
    const never = withTimeout(new Promise(() => undefined), 1000);
    const caught = never.catch((e: Error) => e.name);
    vi.advanceTimersByTime(1001);
    expect(await caught).toBe('TimeoutError');
    vi.useRealTimers();
    expect(await withTimeout(Promise.resolve(5), 1000)).toBe(5);
  });
});
