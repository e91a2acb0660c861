import { describe, expect, it } from 'vitest';
import { activate } from '../lib/i18n';
import { minutesTick, breakDoseText, editorRows, everyNthLabel, heldText, niceMax, ordinal, pairBars, pausedText, prescriptionBody, prescriptionErrors, shortDay, statsHeadline, suggestionText } from './logic';
import type { BreakPrescription } from './types';

describe('wording', () => {
  it('names how often a break comes', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
    expect(everyNthLabel(1)).toBe('Every reminder');
    expect(everyNthLabel(2)).toBe('Every 2nd reminder');
  });

  it('writes a dose briefly', () => {
    expect(breakDoseText({ sets: 1, reps: 10, hold_seconds: null })).toBe('1 × 10');
    expect(breakDoseText({ sets: 1, reps: 5, hold_seconds: 10 })).toBe('1 × 5, hold 10 s');
    expect(breakDoseText({ sets: 1, reps: null, hold_seconds: 30 })).toBe('hold 30 s');
    expect(breakDoseText({ sets: 2, reps: null, hold_seconds: 20 })).toBe('2 × hold 20 s');
    expect(breakDoseText(null)).toBe('');
  });

  it('says until when reminders are paused, and nothing once that has passed', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(pausedText('2026-12-01T14:30:00Z', now, 'UTC')).toBe('Paused until 14:30');
    expect(pausedText('2026-12-01T14:30:00Z', now, 'Europe/Berlin')).toBe('Paused until 15:30');
    expect(pausedText('2026-12-02T09:00:00Z', now, 'UTC')).toBe('Paused until Wed 09:00');
    expect(pausedText('2026-12-01T11:59:00Z', now, 'UTC')).toBeNull();
    expect(pausedText(null, now)).toBeNull();
  });

  it('explains held nudges and what the others suggest', () => {
    expect(heldText({ reason: 'calendar', until: '2026-12-01T10:00:00Z' }, 'UTC')).toBe('Your calendar shows you busy until 10:00, so this one waits.');
    expect(heldText({ reason: 'busy', until: null })).toBe('You said you were busy, so this one waits.');
    expect(suggestionText({ at: '', local: '', nudge_kind: 'move', suggestion: { exercise: 'chin-tuck', name: 'Chin tuck', sets: 1, reps: 10, hold_seconds: null } })).toBe('Chin tuck (1 × 10)');
    expect(suggestionText({ at: '', local: '', nudge_kind: 'stand' })).toBe('Stand at your desk for a while');
    expect(suggestionText({ at: '', local: '', nudge_kind: 'move', held: { reason: 'busy', until: null } })).toBe('');
  });
});

const prescription: BreakPrescription = {
  items: [{ exercise: 'chin-tuck', sets: 1, reps: 10, hold_seconds: null, every_nth: 2 }, { exercise: 'gone', sets: 1, reps: 5, hold_seconds: null, every_nth: 1 }],
  excluded: ['seated-twist'],
  candidates: [
    { slug: 'chin-tuck', name: 'Chin tuck', source: 'library', conflict: false, conflict_reason: null },
    { slug: 'seated-twist', name: 'Seated twist', source: 'program', conflict: false, conflict_reason: null },
    { slug: 'standing-back-extension', name: 'Standing back extension', source: 'library', conflict: true, conflict_reason: 'Not with spinal stenosis' },
  ],
  effective: [],
};

describe('the editor rows', () => {
  it('shows each candidate with its state and keeps items that are no longer candidates', () => {
    const rows = editorRows(prescription);
    expect(rows.map((r) => [r.slug, r.mode, r.every_nth])).toEqual([
      ['chin-tuck', 'prescribed', 2],
      ['seated-twist', 'excluded', 1],
      ['standing-back-extension', 'default', 1],
      ['gone', 'prescribed', 1],
    ]);
    expect(rows[2].conflict).toBe(true);
    expect(rows[2].reason).toBe('Not with spinal stenosis');
  });

  it('round-trips to the PUT body', () => {
    expect(prescriptionBody(editorRows(prescription))).toEqual({ items: prescription.items, excluded: ['seated-twist'] });
  });

  it('maps item errors to the row and field they belong to', () => {
    const sent = prescription.items;
    expect(prescriptionErrors({ items: [{}, { reps: ['Ensure this value is less than or equal to 50.'] }] }, sent)).toEqual({ 'gone.reps': 'Ensure this value is less than or equal to 50.' });
    expect(prescriptionErrors({ items: [{ exercise: ['Not with your precautions.'] }] }, sent)).toEqual({ 'chin-tuck.mode': 'Not with your precautions.' });
    expect(prescriptionErrors({ excluded: { 0: ['Unknown exercise.'] } }, sent)).toEqual({ excluded: 'Unknown exercise.' });
    expect(prescriptionErrors({ items: ['Too many.'] }, sent)).toEqual({ items: 'Too many.' });
    expect(prescriptionErrors({ items: { 1: { reps: ['Ensure this value is less than or equal to 100.'] } } }, sent)).toEqual({ 'gone.reps': 'Ensure this value is less than or equal to 100.' });
    expect(prescriptionErrors({ excluded: ['nope: not one of the suggested micro-breaks.'] }, sent)).toEqual({ 'nope.mode': 'not one of the suggested micro-breaks.', excluded: 'nope: not one of the suggested micro-breaks.' });
    expect(prescriptionErrors({ items: ['gone: not a desk-friendly exercise.', 'chin-tuck: not suitable for this patient (recorded precaution: neck).'] }, sent)).toEqual({
      'gone.mode': 'not a desk-friendly exercise.',
      'chin-tuck.mode': 'not suitable for this patient (recorded precaution: neck).',
    });
    expect(prescriptionErrors({ detail: 'Not found.' }, sent)).toEqual({ form: 'Not found.' });
  });
});

describe('statistics', () => {
  it('picks a round axis top', () => {
    expect([0, 1, 3, 7, 11, 45, 61, 130, 700].map(niceMax)).toEqual([1, 1, 4, 10, 20, 60, 90, 180, 800]);
    expect([0, 45, 90, 240, 480].map(minutesTick)).toEqual(['0m', '45m', '90m', '4h', '8h']);
    expect(pairBars([{ key: '2026-12-01', offered: 1, taken: 1 }]).ticks.map((t) => t.value)).toEqual([0, 1]);
  });

  it('draws taken in front of offered on one scale, in date order, labels from the last', () => {
    const days = Array.from({ length: 10 }, (_, i) => ({ key: `2026-11-${String(20 + i).padStart(2, '0')}`, offered: 4, taken: i % 5 }));
    const { bars, max, ticks } = pairBars([...days].reverse());
    expect(max).toBe(4);
    expect(bars.map((b) => b.key)).toEqual(days.map((d) => d.key));
    expect(bars[0].takenH).toBe(0);
    expect(bars[4].takenH).toBeCloseTo(bars[4].offeredH);
    expect(bars[2].takenY).toBeGreaterThan(bars[2].offeredY);
    expect(bars.filter((b) => b.showLabel).length).toBeLessThanOrEqual(4);
    expect(bars[bars.length - 1].showLabel).toBe(true);
    expect(bars[9].label).toBe('29 Nov');
    expect(ticks.map((t) => t.value)).toEqual([0, 2, 4]);
    for (const b of bars) expect(b.x + b.width).toBeLessThanOrEqual(320 - 12 + 0.001);
  });

  it('sums the headline', () => {
    expect(statsHeadline({ days: [{ date: '2026-11-30', offered: 3, taken: 1 }, { date: '2026-12-01', offered: 2, taken: 2 }], weeks: [], longest_sitting_minutes: [], exercises: [] })).toBe('3 breaks taken of 5 offered.');
    expect(statsHeadline({ days: [], weeks: [], longest_sitting_minutes: [], exercises: [] })).toBe('No movement reminders in these weeks yet.');
  });
});

describe('in Spanish and German', () => {
  const stats = { days: [{ date: '2026-11-30', offered: 3, taken: 1 }, { date: '2026-12-01', offered: 2, taken: 2 }], weeks: [], longest_sitting_minutes: [], exercises: [] };
  it('words, plurals, ordinals and chart dates follow the language', async () => {
    await activate('es');
    expect(statsHeadline(stats)).toBe('3 pausas hechas de 5 ofrecidas.');
    expect(everyNthLabel(3)).toBe('Cada 3.º aviso');
    expect(heldText({ reason: 'walk', until: null })).toBe('Salió a caminar, así que este aviso espera.');
    expect(shortDay('2026-11-20')).toBe('20 nov');
    await activate('de');
    expect(everyNthLabel(2)).toBe('Jede 2. Erinnerung');
    expect(breakDoseText({ sets: 1, reps: 5, hold_seconds: 10 })).toBe('1 × 5, 10 s halten');
    expect(pausedText('2026-12-01T14:30:00Z', new Date('2026-12-01T12:00:00Z'), 'UTC')).toBe('Pausiert bis 14:30');
    expect(shortDay('2026-11-20')).toBe('20.11.');
    await activate('en');
    expect(shortDay('2026-11-20')).toBe('20 Nov');
  });
});
