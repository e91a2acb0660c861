// Shapes from docs/API.md. Only the fields the PWA reads are typed strictly.

export type Role = 'patient' | 'physio' | 'clinic_admin';

export interface Me {
  id: number;
  email: string;
  full_name: string;
  role: Role;
  clinic: { id: number; name: string } | null;
  timezone: string;
  language: string;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface Dosage {
  sets: number;
  reps: number | null;
  hold_seconds: number | null;
  rest_seconds: number;
  per_side: boolean;
}

export type Point = [number, number];

export interface Pose {
  key: string;
  label: string;
  view: 'side' | 'front';
  svg_url: string;
  points: Record<string, Point>;
  bones: [string, string][];
}

export interface ExerciseSummary {
  slug: string;
  name: string;
  summary: string;
  category: string;
  body_region: string;
  position: string;
  equipment: string[];
  difficulty: string;
  desk_friendly: boolean;
  duration_minutes: number;
  dosage: Dosage;
  poses: Pose[];
}

export interface Exercise extends ExerciseSummary {
  steps: string[];
  cues: string[];
  mistakes: string[];
  safety_notes: string[];
  precautions: { code: string; label: string; detail: string }[];
  progression: string | null;
  regression: string | null;
  keywords: string[];
}

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
  /** Set for the rest of the local day after a session that raised a pain alert. */
  pain_alert?: PainAlertToday | null;
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

export type Difficulty = 'too_easy' | 'about_right' | 'too_hard';

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
  safety: { alert: boolean; advice: string | null };
}

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
}

export interface OutcomeDue {
  schedule: number;
  measure: string;
  due_date: string;
}

export interface OutcomeChange {
  delta: number;
  percent: number | null;
  direction: 'improved' | 'worsened' | 'unchanged';
  meaningful: boolean;
}

export interface OutcomeSchedule {
  id: number;
  patient: number;
  measure: string;
  every_weeks: number | null;
  start_date: string;
  active: boolean;
  created_at: string;
}

export interface OutcomeResponse {
  id: number;
  patient: number;
  measure: string;
  schedule: number | null;
  score: number;
  answered_at: string;
  local_date: string;
  change: OutcomeChange | null;
}

export interface NudgeSummary {
  date: string;
  sent: number;
  acknowledged: number;
  breaks: number;
  longest_stretch_minutes: number;
}

export interface Tip {
  slug: string;
  topic: string;
  title: string;
  text: string;
  nudge: string;
}

export interface CalendarFeed {
  url: string;
  webcal_url: string;
}

export interface OutcomeResult {
  id: number;
  measure: string;
  score: number;
  answered_at: string;
  change: { delta: number; percent: number | null; direction: string; meaningful: boolean } | null;
}

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
}

export interface NudgePreview {
  timezone: string;
  nudges: { at: string; local: string }[];
}

export interface InboxItem {
  id: number;
  kind: 'nudge' | 'reminder' | 'tip' | 'alert';
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
  nudge: number | null;
  url: string | null;
}

export interface PatientRow {
  id: number;
  full_name: string;
  email: string;
  adherence_7d: number | null;
  adherence_28d: number | null;
  last_session_at: string | null;
  latest_pain: number | null;
  open_alerts: number;
}

export interface Assignment {
  id: number;
  program: { id: number; name: string; version: number };
  patient: { id: number; full_name: string };
  start_date: string;
  end_date: string | null;
  days_of_week: number[];
  preferred_time: string | null;
  notes: string;
  status: 'active' | 'paused' | 'ended';
}

export interface Alert {
  id: number;
  kind?: string;
  message?: string;
  detail?: string;
  created_at?: string;
  [k: string]: unknown;
}

export interface PatientDetail extends PatientRow {
  timezone: string;
  physios: { id: number; full_name: string }[];
  assignments: Assignment[];
  progress: Progress;
  alerts: Alert[];
}

export interface Invite {
  code: string;
  role: 'patient' | 'physio';
  email: string | null;
  url: string;
  qr_svg_url: string;
  expires_at: string;
  used_at: string | null;
}

export interface InviteInfo {
  code: string;
  role: 'patient' | 'physio';
  clinic_name: string;
  expires_at: string;
  valid: boolean;
}

export interface ProgramItemIn extends Dosage {
  exercise: string;
  notes: string;
  phase: number;
  tempo?: string;
}

export interface Program {
  id: number;
  name: string;
  notes: string;
  version: number;
  phases: { number: number; label: string; starts_week: number }[];
  items: (Dosage & { id: number; position: number; phase: number; exercise: ExerciseSummary; notes: string; tempo?: string })[];
}
