import { describe, expect, it } from 'vitest';
import { changeView, formatScore, frequencyText, groupByMeasure } from './outcomes';
import type { OutcomeResponse } from '../types';

describe('frequencyText', () => {
  it('words a schedule', () => {
    expect(frequencyText(null)).toBe('Once');
    expect(frequencyText(1)).toBe('Every week');
    expect(frequencyText(4)).toBe('Every 4 weeks');
  });
});

describe('formatScore', () => {
  it('rounds to one decimal', () => {
    expect(formatScore(12)).toBe('12');
    expect(formatScore(12.345)).toBe('12.3');
    expect(formatScore(-0.01)).toBe('0');
    expect(formatScore(null)).toBe('—');
  });
});

describe('changeView', () => {
  it('calls the first answer the baseline', () => {
    expect(changeView(null)).toEqual({ text: 'First answer (baseline)', tone: 'baseline', meaningful: false });
  });
  it('uses the direction from the server, not the sign', () => {
    // Lower is better on the ODI: a drop is an improvement.
    expect(changeView({ delta: -12, percent: -30, direction: 'improved', meaningful: true })).toEqual({ text: 'Better by 12 (30%)', tone: 'better', meaningful: true });
    expect(changeView({ delta: 2.5, percent: null, direction: 'worsened', meaningful: false })).toEqual({ text: 'Worse by 2.5', tone: 'worse', meaningful: false });
    expect(changeView({ delta: 0, percent: 0, direction: 'unchanged', meaningful: false }).text).toBe('No change');
  });
});

describe('groupByMeasure', () => {
  const r = (id: number, measure: string, at: string): OutcomeResponse => ({ id, patient: 1, measure, schedule: null, score: id, answered_at: at, local_date: at.slice(0, 10), change: null });
  it('groups per questionnaire, newest first', () => {
    const groups = groupByMeasure([r(1, 'odi', '2026-01-01T10:00:00Z'), r(2, 'nprs', '2026-01-02T10:00:00Z'), r(3, 'odi', '2026-02-01T10:00:00Z')]);
    expect(groups.map((g) => g.measure)).toEqual(['odi', 'nprs']);
    expect(groups[0].responses.map((x) => x.id)).toEqual([3, 1]);
  });
});
