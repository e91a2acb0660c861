// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import table from '../../../tests/shared/safety_cases.json';
import { adviceFor, markAdviceSeen, noteSentSessions, painReason, preSessionWarning, unseenAdvice } from './safety';
import type { SafetyDoc } from '../types';

const doc: SafetyDoc = {
  pain_rule: table.rule,
  advice: { pain_increase: 'rose', pain_high: 'high', pain_high_before: 'high before' },
  actions: { urgent: 'now', today: 'today' },
  red_flags: [],
};

describe('the shared safety case table', () => {
  for (const c of table.cases) {
    it(`${c.before} -> ${c.after} gives ${c.reason}`, () => {
      expect(painReason(table.rule, c.before, c.after)).toBe(c.reason);
    });
  }
  for (const c of table.pre_session) {
    it(`warns before a session at ${c.before}: ${c.warn}`, () => {
      expect(preSessionWarning(table.rule, c.before)).toBe(c.warn);
    });
  }
});

describe('advice', () => {
  it('depends on which rule fired', () => {
    expect(adviceFor(doc, painReason(doc.pain_rule, 8, 5))).toBe('high before');
    expect(adviceFor(doc, painReason(doc.pain_rule, 7, 7))).toBe('high');
    expect(adviceFor(doc, null)).toBeNull();
  });
  it('follows the thresholds it is given', () => {
    expect(painReason({ rise_points: 3, high_level: 9 }, 7, 8)).toBeNull();
    expect(painReason({ rise_points: 3, high_level: 9 }, 5, 8)).toBe('pain_increase');
  });
});

describe('advice for sessions sent later', () => {
  beforeEach(() => {
    localStorage.clear();
    unseenAdvice.set([]);
  });
  const sent = (id: string, alert: boolean) => ({ id, data: { id, pain_before: 7, pain_after: 7, safety: { alert, advice: alert ? 'server advice' : null } } });
  it('keeps the server advice the patient did not see', () => {
    noteSentSessions([sent('a', true), sent('b', false)]);
    expect(unseenAdvice.get().map((u) => u.id)).toEqual(['a']);
  });
  it('skips advice already shown on the phone', () => {
    markAdviceSeen('a');
    noteSentSessions([sent('a', true)]);
    expect(unseenAdvice.get()).toEqual([]);
  });
});
