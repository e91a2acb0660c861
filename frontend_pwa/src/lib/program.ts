// Turning a saved Program into the builder's editable rows and back. Pure, unit-tested.
import type { Program, ProgramItemIn } from '../types';
import { ApiError } from './api';
import { t } from './i18n';

export interface BuilderRow extends ProgramItemIn {
  key: number;
  name: string;
}

export interface BuilderPhase {
  number: number;
  label: string;
  starts_week: number;
}

export const DEFAULT_PHASES: BuilderPhase[] = [{ number: 1, get label() { return t('Phase 1'); }, starts_week: 1 }];

/** The builder's state for editing `program`. `nextKey` hands out unique row keys. */
export function fromProgram(program: Program, nextKey: () => number): { name: string; notes: string; phases: BuilderPhase[]; rows: BuilderRow[] } {
  const phases: BuilderPhase[] = program.phases.length
    ? [...program.phases].sort((a, b) => a.number - b.number).map((p) => ({ number: p.number, label: p.label || t('Phase {n}', { n: p.number }), starts_week: p.starts_week }))
    : [...DEFAULT_PHASES];
  // Items can name a phase the program does not list (older programs have none): add it, so
  // the phase menu can show the item's value.
  for (const n of [...new Set(program.items.map((i) => i.phase))].sort((a, b) => a - b)) {
    if (!phases.some((p) => p.number === n)) phases.push({ number: n, label: t('Phase {n}', { n }), starts_week: (phases[phases.length - 1]?.starts_week ?? 0) + 1 });
  }
  phases.sort((a, b) => a.number - b.number);
  const rows = [...program.items]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({
      key: nextKey(),
      name: i.exercise.name,
      exercise: i.exercise.slug,
      sets: i.sets,
      reps: i.reps,
      hold_seconds: i.hold_seconds,
      rest_seconds: i.rest_seconds,
      per_side: i.per_side,
      tempo: i.tempo ?? '',
      notes: i.notes ?? '',
      phase: i.phase,
    }));
  return { name: program.name, notes: program.notes ?? '', phases, rows };
}

/** The `items` body for POST/PUT /api/programs/: the rows without the builder's own fields. */
export function itemsForSave(rows: BuilderRow[]): ProgramItemIn[] {
  return rows.map(({ key: _k, name: _n, ...r }) => r);
}

/** Checks the server would refuse anyway, in words a busy clinician can act on. */
export function validateRows(rows: BuilderRow[]): Record<string, string> {
  const errs: Record<string, string> = {};
  rows.forEach((r) => {
    const hasReps = r.reps != null;
    const hasHold = r.hold_seconds != null;
    // Reps with a hold time mean a hold on every rep, which the timer paces.
    if (!hasReps && !hasHold) errs[`dose-${r.key}`] = t('{name}: add the number of reps or a hold time.', { name: r.name });
  });
  return errs;
}

/** What to tell the physio when saving an edit fails. */
export function editErrorText(err: unknown): string {
  if (err instanceof ApiError && err.status === 403) {
    return t('Only the physiotherapist who built this program can change it. You can save your changes as a new program of your own instead.');
  }
  if (err instanceof ApiError && err.status === 404) return t("We couldn't find this program any more. It may have been removed.");
  return err instanceof Error ? err.message : t("Couldn't save the changes. Please try again.");
}
