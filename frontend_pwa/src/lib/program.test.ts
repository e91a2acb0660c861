import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { editErrorText, fromProgram, itemsForSave, validateRows } from './program';
import type { Program } from '../types';

const ex = (slug: string, name: string) => ({ slug, name }) as Program['items'][number]['exercise'];
const program: Program = {
  id: 7,
  name: 'Core foundation',
  notes: 'Go gently.',
  version: 3,
  created_at: '2026-01-05T09:00:00Z',
  phases: [],
  items: [
    { id: 2, position: 2, phase: 2, exercise: ex('bridge', 'Bridge'), sets: 2, reps: null, hold_seconds: 20, rest_seconds: 30, per_side: false, notes: '', tempo: '' },
    { id: 1, position: 1, phase: 1, exercise: ex('cat-cow', 'Cat-cow'), sets: 1, reps: 10, hold_seconds: null, rest_seconds: 15, per_side: false, notes: 'Slowly', tempo: '2-1-2' },
  ],
};

describe('fromProgram', () => {
  it('orders rows by position and keeps every dose field', () => {
    let k = 0;
    const s = fromProgram(program, () => ++k);
    expect(s.name).toBe('Core foundation');
    expect(s.notes).toBe('Go gently.');
    expect(s.rows.map((r) => r.exercise)).toEqual(['cat-cow', 'bridge']);
    expect(s.rows[0]).toEqual({ key: 1, name: 'Cat-cow', exercise: 'cat-cow', sets: 1, reps: 10, hold_seconds: null, rest_seconds: 15, per_side: false, tempo: '2-1-2', notes: 'Slowly', phase: 1 });
  });
  it('adds phases that items use but the program does not list', () => {
    const s = fromProgram(program, () => 1);
    expect(s.phases.map((p) => p.number)).toEqual([1, 2]);
  });
});

describe('itemsForSave', () => {
  it('drops the builder-only key and name', () => {
    const s = fromProgram(program, () => 1);
    const items = itemsForSave(s.rows);
    expect(items[0]).not.toHaveProperty('key');
    expect(items[0]).not.toHaveProperty('name');
    expect(items[0].exercise).toBe('cat-cow');
  });
});

describe('validateRows', () => {
  it('wants reps, a hold time, or both (a hold per rep)', () => {
    const s = fromProgram(program, (() => { let k = 0; return () => ++k; })());
    expect(validateRows(s.rows)).toEqual({});
    const both = { ...s.rows[0], hold_seconds: 5 };
    const none = { ...s.rows[1], hold_seconds: null };
    const errs = validateRows([both, none]);
    expect(errs['dose-1']).toBeUndefined();
    expect(errs['dose-2']).toMatch(/add the number of reps/);
  });
});

describe('editErrorText', () => {
  it('explains a 403 kindly', () => {
    expect(editErrorText(new ApiError(403, { detail: 'Only the physiotherapist who built this program can change it.' }))).toMatch(/Only the physiotherapist who built this program can change it\. You can save/);
  });
  it('passes other messages through', () => {
    expect(editErrorText(new ApiError(400, { name: ['Too long.'] }))).toBe('Too long.');
  });
});
