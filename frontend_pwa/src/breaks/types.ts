// Shapes of the micro-break API (issue #16; docs/API.md). Only what the PWA reads.

export type NudgeKind = 'move' | 'tip' | 'stand' | 'sit';

export interface BreakDose {
  sets: number;
  reps: number | null;
  hold_seconds: number | null;
}

/** One prescribed micro-break, as the physiotherapist sets it. */
export interface BreakItem extends BreakDose {
  exercise: string;
  /** 1 = every nudge, 2 = every 2nd nudge, … */
  every_nth: number;
}

export interface BreakCandidate {
  slug: string;
  name: string;
  source: 'library' | 'program';
  conflict: boolean;
  conflict_reason: string | null;
}

export interface EffectiveBreak extends BreakDose {
  exercise: string;
  name: string;
}

export interface BreakPrescription {
  items: BreakItem[];
  excluded: string[];
  /** Read-only: what may be picked, and why some may not. */
  candidates: BreakCandidate[];
  /** Read-only: what the patient will actually be offered. */
  effective: EffectiveBreak[];
}

export interface BusyState {
  busy_until: string | null;
}

export interface CalendarState {
  configured: boolean;
  host: string | null;
  last_fetched_at: string | null;
  last_error: string | null;
  busy: { start: string; end: string }[];
}

export interface BreakStats {
  days: { date: string; offered: number; taken: number }[];
  weeks: { week_start: string; offered: number; taken: number }[];
  longest_sitting_minutes: { date: string; minutes: number }[];
  exercises: { slug: string; name: string; count: number }[];
}

export interface PreviewNudge {
  at: string;
  local: string;
  nudge_kind?: NudgeKind;
  suggestion?: (BreakDose & { exercise: string; name: string }) | null;
  held?: { reason: string; until: string | null } | null;
}

/** What a move nudge carries (inbox item or push payload). */
export interface BreakNudgeInfo {
  nudge: number;
  exercise: string | null;
  dose: BreakDose | null;
  title?: string;
  body?: string;
}
