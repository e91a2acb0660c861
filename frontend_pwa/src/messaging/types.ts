// Shapes of the messaging API (docs/API.md, "Messages, alerts, time log, monitoring").

export interface ThreadMessage {
  id: string;
  patient: number;
  sender: { id: number; full_name: string; role: string } | null;
  from_patient: boolean;
  body: string;
  created_at: string;
  mine: boolean;
  read: boolean;
  seen: boolean;
  no_reply_needed: boolean;
}

export interface Consent {
  id: number;
  patient: number;
  given_on: string;
  method: 'in_app' | 'verbal' | 'written';
  note: string;
  recorded_by: { id: number; full_name: string; role: string } | null;
  created_at: string;
  revoked_on: string | null;
}

export type TimeCategory = 'review' | 'program' | 'messaging' | 'call';

export interface TimeEntry {
  id: number;
  patient: number;
  physio: number | null;
  category: TimeCategory;
  minutes: number | null;
  on_date: string;
  note: string;
  timer_started_at: string | null;
  timer_stopped_at: string | null;
  running: boolean;
  created_at: string;
}

export interface ReportPeriod {
  number: number;
  start: string;
  end: string;
  days_with_data: number;
  band: 'below' | 'partial' | 'full';
}

export interface MonthlyReport {
  month: string;
  monitoring_start: string | null;
  periods: ReportPeriod[];
  days_with_data_in_month: number;
  minutes: { total: number; by_category: Partial<Record<TimeCategory, number>> };
  messages: { from_patient: number; from_clinic: number };
  interactive_communication: boolean;
  statement: string;
}
