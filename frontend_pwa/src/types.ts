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
  two_factor?: TwoFactorStatus;
}

export interface TwoFactorStatus {
  enrolled: boolean;
  required_by_clinic: boolean;
  recovery_codes_left: number;
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

/** One shape of a pose drawing, as the server computed it (exercises/pose_shapes.py). */
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
  /** The language of these texts, when the API says (issue #19): "en" for a request in another
   *  language means the entry has no translation yet and fell back to English. */
  language?: string;
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

export interface SafetyDoc {
  pain_rule: { rise_points: number; high_level: number };
  advice: Record<string, string>;
  actions: Record<string, string>;
  red_flags: RedFlag[];
}

export interface ScreeningState {
  due: boolean;
  blocked: boolean;
  flagged: string[];
  answered_at: string | null;
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
  safety: { alert: boolean; advice: string | null; reason?: string | null };
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

/** One session of GET /api/progress/history/ (newest first, paged). */
export interface HistoryRow {
  id: string;
  completed_at: string;
  date: string;
  before: number;
  after: number;
  difficulty: Difficulty;
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
  available?: boolean;
  unavailable_reason?: string | null;
}

export interface OutcomeDue {
  schedule: number;
  measure: string;
  due_date: string;
  /** PSFS: the activities named at baseline, rated again at each follow-up. */
  activities?: string[];
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
  /** Items answered of the total (ODI: sections; unanswered ones are null). */
  answered_items?: number;
  total_items?: number;
  /** PSFS: the activities each answer rated. */
  activities?: string[];
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
  /** Micro-breaks (issue 16): standing-desk prompts, and the one-tap pause (read-only). */
  sit_stand_enabled?: boolean;
  stand_minutes?: number;
  busy_until?: string | null;
}

export interface NudgePreview {
  timezone: string;
  nudges: import('./breaks/types').PreviewNudge[];
}

export interface InboxItem {
  id: number;
  kind: 'nudge' | 'reminder' | 'tip' | 'alert' | 'message';
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
  needs_program?: boolean;
  unread_messages?: number;
  monitoring_days_this_month?: number;
  /** Exercises skipped because they hurt, last 28 days. */
  hurt_skips_28d?: number;
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
  status?: 'new' | 'acknowledged' | 'resolved';
  patient?: { id: number; full_name: string };
  acknowledged_at?: string | null;
  acknowledged_by?: { id: number; full_name: string } | null;
  resolved_at?: string | null;
  resolved_by?: { id: number; full_name: string } | null;
  review_note?: string;
  [k: string]: unknown;
}

export interface PatientDetail extends PatientRow {
  timezone: string;
  physios: { id: number; full_name: string }[];
  assignments: Assignment[];
  progress: Progress;
  alerts: Alert[];
  alert_history?: Alert[];
}

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

export interface Routine {
  slug: string;
  name: string;
  goal?: string;
  description?: string;
  duration_minutes?: number | null;
  weeks?: number | null;
  items: (Dosage & { exercise: { slug: string; name: string } })[];
}
