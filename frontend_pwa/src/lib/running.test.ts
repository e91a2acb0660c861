import { describe, expect, it } from 'vitest';
import { isResumable, RESUME_WITHIN_MS, type RunningSession } from './running';

const base: RunningSession = {
  id: 'a1b2',
  assignment: 7,
  startedAt: '2026-11-30T10:00:00Z',
  painBefore: 3,
  index: 1,
  results: [],
  current: null,
  savedAt: 1_000_000,
};

describe('resuming a running session', () => {
  it('offers a recent session of the same assignment', () => {
    expect(isResumable(base, 7, base.savedAt + 60_000)).toBe(true);
  });
  it('does not offer another assignment, an old one, nothing, or a cleared one', () => {
    expect(isResumable(base, 8, base.savedAt + 1)).toBe(false);
    expect(isResumable(base, 7, base.savedAt + RESUME_WITHIN_MS)).toBe(false);
    expect(isResumable(undefined, 7, 0)).toBe(false);
    expect(isResumable(null, 7, 0)).toBe(false);
  });
});
