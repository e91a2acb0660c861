// Wording for the day's movement-break summary (GET /api/nudges/summary/). Pure, unit-tested.
import type { NudgeSummary } from '../types';

/** 45 → "45 minutes", 60 → "1 hour", 135 → "2 hours 15 minutes". */
export function formatMinutes(total: number): string {
  const m = Math.max(0, Math.round(total));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const hours = h ? `${h} hour${h === 1 ? '' : 's'}` : '';
  const mins = rest || !h ? `${rest} minute${rest === 1 ? '' : 's'}` : '';
  return [hours, mins].filter(Boolean).join(' ');
}

export interface SummaryView {
  /** Nothing happened today: the screen shows a short invitation instead of numbers. */
  empty: boolean;
  headline: string;
  details: string[];
}

export function summaryView(s: NudgeSummary): SummaryView {
  if (s.sent === 0 && s.breaks === 0) {
    return { empty: true, headline: 'No movement reminders so far today.', details: [] };
  }
  const headline =
    s.breaks === 0
      ? 'No breaks logged yet today. Any time you stand up and move counts.'
      : `${s.breaks} movement break${s.breaks === 1 ? '' : 's'} today. Well done.`;
  const details: string[] = [];
  if (s.sent > 0) details.push(`You answered ${s.acknowledged} of ${s.sent} reminder${s.sent === 1 ? '' : 's'}.`);
  if (s.longest_stretch_minutes > 0) details.push(`Longest time sitting without a break: ${formatMinutes(s.longest_stretch_minutes)}.`);
  return { empty: false, headline, details };
}
