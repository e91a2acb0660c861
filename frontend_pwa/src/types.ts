// API shapes. Most are the server's own, generated from /api/schema/ into api/schema.d.ts
// (`npm run api:types`; `make lint` fails when it is stale, and tsc checks the PWA against it).
// The hand-written ones below are kept where the schema is looser than what the server sends
// (JSONField and DictField come out as `unknown` or `{ [key: string]: unknown }`, writable
// fields of a response as optional), each with the reason next to it.
import type { components } from './api/schema';

type S = components['schemas'];

export type TwoFactorStatus = S['TwoFactorStatus'];
export type Dosage = S['Dosage'];
export type HistoryRow = S['HistoryRow'];
export type Tip = S['Tip'];
export type CalendarFeed = S['CalendarFeedUrl'];
export type ScreeningState = S['ScreeningState'];
export type InboxItem = S['InboxMessage'];
/** The caseload serializer does not declare `hurt_skips_28d` (the API adds it when known). */
export type PatientRow = S['CaseloadRow'] & { hurt_skips_28d?: number };
/** `days_of_week` is a JSONField (`unknown` in the schema): ISO weekdays, 1 = Monday. */
export type Assignment = Omit<S['Assignment'], 'days_of_week'> & { days_of_week: number[] };
export type Routine = S['Routine'];
export type OutcomeDue = S['Due'];
export type OutcomeSchedule = S['Schedule'];

/** The exercise list's entries; the poses are kept narrow (see Pose). */
export type ExerciseSummary = Omit<S['ExerciseSummary'], 'poses'> & { poses: Pose[] };
export type Exercise = Omit<S['Exercise'], 'poses'> & { poses: Pose[] };

export type OutcomeChange = S['Change'];
export type NudgeSummary = S['Summary'];
/** A program as the server returns it; each item's exercise with the narrow poses. */
export type Program = Omit<S['Program'], 'items'> & { items: (Omit<S['ProgramItem'], 'exercise'> & { exercise: ExerciseSummary })[] };

export type Role = S['RoleEnum'];

/** Kept by hand: the response schema makes the writable fields (full_name, timezone) optional. */
export interface Me {
  id: number;
  email: string;
  full_name: string;
  role: Role;
  clinic: { id: number; name: string } | null;
  timezone: string;
  language: string;
  two_factor?: TwoFactorStatus;
}

/** One generic for DRF's page envelope (the schema spells a Paginated…List per type, same shape). */
export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export type Point = [number, number];

/** One shape of a pose drawing, as the server computed it (exercises/pose_shapes.py). Kept by
    hand (with Point and Pose): the drawing is JSON, so the schema has number[] and
    `{ [key: string]: unknown }` where the player needs tuples and these shapes. */
export interface PoseShape {
  id: string;
  /** Polyline or polygon points (cm, y down) ... */
  p?: [number, number][];
  closed?: boolean;
  /** ... or a circle's centre and radius. */
  c?: [number, number];
  r?: number;
  fill: string;
  stroke: string;
  w: number;
}

export interface Pose {
  key: string;
  label: string;
  view: 'side' | 'front' | 'top';
  svg_url: string;
  points: Record<string, Point>;
  bones: [string, string][];
  /** The drawing's box [x, y, width, height] in cm; width/height give its aspect ratio. */
  view_box: [number, number, number, number];
  width: number;
  height: number;
  shapes: PoseShape[];
}

/** /api/today/ (TodayItem, TodayAssignment, Today, PainAlertToday, ClinicContact): kept by hand
    while the view builds that response itself. Lane `logic` turns it into a serializer: after that
    lands, run `npm run api:types` and re-point these to S['Today'] and its parts. */
export interface TodayItem extends Dosage {
  id: number;
  position: number;
  phase: number;
  exercise: Exercise;
  notes: string;
}

export interface TodayAssignment {
  id: number;
  program_name: string;
  notes: string;
  /** The program's "Notes for the patient" (notes is the assignment's own). */
  program_notes?: string;
  preferred_time: string | null;
  due: boolean;
  done: boolean;
  items: TodayItem[];
  sessions_today: { id: string; completed_at: string }[];
}

export interface Today {
  date: string;
  timezone: string;
  assignments: TodayAssignment[];
  /** Optional: the API may leave it out (the Today screen then hides the streak card). */
  progress?: { streak: number; adherence_7d: number | null };
  /** The server's pain rule, advice and red flags (applied offline by lib/safety.ts). */
  safety?: SafetyDoc;
  /** The red-flag check: due before a session; blocked after a "yes". */
  screening?: ScreeningState;
  /** Set for the rest of the local day after a session that raised a pain alert. */
  pain_alert?: PainAlertToday | null;
}

export interface RedFlag {
  code: string;
  action: 'urgent' | 'today';
  label: string;
  question: string;
  advice: string;
}

/** Kept by hand (with RedFlag): the safety document's parts are dicts (`unknown`) in the schema. */
export interface SafetyDoc {
  pain_rule: { rise_points: number; high_level: number };
  advice: Record<string, string>;
  actions: Record<string, string>;
  red_flags: RedFlag[];
}

export interface ClinicContact {
  name: string;
  phone: string;
  email: string;
  hours: string;
}

export interface PainAlertToday {
  session: string;
  completed_at: string;
  advice: string | null;
  physio_told: boolean;
  clinic: ClinicContact | null;
}

export type Difficulty = S['DifficultyEnum'];

/** Kept by hand (with SessionIn, Session): what the PWA queues offline; the request schema's
    optionality differs (skipped / skip_reason required, items optional). */
export interface SessionItemIn {
  exercise: string;
  sets_done: number;
  reps_done: number;
  hold_seconds_done?: number;
  skipped?: boolean;
  skip_reason?: string;
}

export interface SessionIn {
  id: string;
  assignment: number;
  started_at: string;
  completed_at: string;
  pain_before: number;
  pain_after: number;
  difficulty: Difficulty;
  items: SessionItemIn[];
  notes: string;
}

export interface Session extends SessionIn {
  local_date: string;
  safety: { alert: boolean; advice: string | null; reason?: string | null };
}

/** Kept by hand (with PainPoint, Progress): the schema has weeks / pain / difficulty as untyped dicts. */
export interface WeekStat {
  week_start: string;
  prescribed: number;
  completed: number;
  ratio: number | null;
}

export interface PainPoint {
  date: string;
  before: number | null;
  after: number | null;
}

export interface Progress {
  adherence_overall: number | null;
  streak: number;
  weeks: WeekStat[];
  pain: PainPoint[];
  difficulty: { date: string; difficulty: Difficulty }[];
}

/** Kept by hand (with Measure): a choice's value is `unknown` in the schema. */
export interface MeasureItem {
  index: number;
  text: string;
  kind: 'scale' | 'yes_no' | 'choice';
  min?: number | null;
  max?: number | null;
  choices?: { value: number | string; label: string }[];
  /** Labels of the two ends of a scale, when the wording gives them. */
  low_label?: string;
  high_label?: string;
}

export interface Measure {
  code: string;
  name: string;
  lower_is_better?: boolean;
  items: MeasureItem[];
  available?: boolean;
  unavailable_reason?: string | null;
}

/** Kept by hand: answers and activities are JSON (`unknown`) in the schema. */
export interface OutcomeResponse {
  id: number;
  patient: number;
  measure: string;
  schedule: number | null;
  score: number;
  answered_at: string;
  local_date: string;
  change: OutcomeChange | null;
  /** Items answered of the total (ODI: sections; unanswered ones are null). */
  answered_items?: number;
  total_items?: number;
  /** PSFS: the activities each answer rated. */
  activities?: string[];
}

/** The PWA's own summary of an OutcomeResponse, not an API component. */
export interface OutcomeResult {
  id: number;
  measure: string;
  score: number;
  answered_at: string;
  change: { delta: number; percent: number | null; direction: string; meaningful: boolean } | null;
}

/** Kept by hand: work_days is a JSONField (`unknown` in the schema). */
export interface NudgePlan {
  enabled: boolean;
  interval_minutes: number;
  work_days: number[];
  work_start: string;
  work_end: string;
  quiet_start: string | null;
  quiet_end: string | null;
  paused_until: string | null;
  reminders_enabled: boolean;
  reminder_follow_up: boolean;
  /** Micro-breaks (issue 16): standing-desk prompts, and the one-tap pause (read-only). */
  sit_stand_enabled?: boolean;
  stand_minutes?: number;
  busy_until?: string | null;
}

/** Kept by hand: its nudges are read through breaks/types.ts (PreviewNudge). */
export interface NudgePreview {
  timezone: string;
  nudges: import('./breaks/types').PreviewNudge[];
}

/** Kept by hand (with InviteInfo): email comes out as `string | unknown` in the schema. */
export interface Invite {
  code: string;
  role: 'patient' | 'physio';
  email: string | null;
  url: string;
  qr_svg_url: string;
  expires_at: string;
  used_at: string | null;
  emailed?: boolean;
}

export interface InviteInfo {
  code: string;
  role: 'patient' | 'physio';
  clinic_name: string;
  email?: string;
  expires_at: string;
  valid: boolean;
}

/** What the builder sends (lib/program.ts itemsForSave). */
export interface ProgramItemIn extends Dosage {
  exercise: string;
  notes: string;
  phase: number;
  tempo?: string;
}


/** Kept by hand: the schema has no `detail`, which older alerts carry, and the Alerts screen
    reads whatever else an alert kind adds. */
export interface Alert {
  id: number;
  kind?: string;
  message?: string;
  detail?: string;
  created_at?: string;
  status?: 'new' | 'acknowledged' | 'resolved';
  patient?: { id: number; full_name: string };
  acknowledged_at?: string | null;
  acknowledged_by?: { id: number; full_name: string } | null;
  resolved_at?: string | null;
  resolved_by?: { id: number; full_name: string } | null;
  review_note?: string;
  [k: string]: unknown;
}

/** Kept by hand: the view builds this response itself and its schema says only `{ id }`. */
export interface PatientDetail extends PatientRow {
  timezone: string;
  physios: { id: number; full_name: string }[];
  assignments: Assignment[];
  progress: Progress;
  alerts: Alert[];
  alert_history?: Alert[];
}
