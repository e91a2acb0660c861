// Wording for the day's movement-break summary (GET /api/nudges/summary/). Pure, unit-tested.
import type { NudgeSummary } from '../types';
import { t } from './i18n';

/** 45 → "45 minutes", 60 → "1 hour", 135 → "2 hours 15 minutes". */
export function formatMinutes(total: number): string {
  const m = Math.max(0, Math.round(total));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const hours = h ? t('{h, plural, one {# hour} other {# hours}}', { h }) : '';
  const mins = rest || !h ? t('{rest, plural, one {# minute} other {# minutes}}', { rest }) : '';
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
    return { empty: true, headline: t('No movement reminders so far today.'), details: [] };
  }
  const headline =
    s.breaks === 0
      ? t('No breaks logged yet today. Any time you stand up and move counts.')
      : t('{breaks, plural, one {# movement break today. Well done.} other {# movement breaks today. Well done.}}', { breaks: s.breaks });
  const details: string[] = [];
  if (s.sent > 0) details.push(t('{sent, plural, one {You answered {acknowledged} of # reminder.} other {You answered {acknowledged} of # reminders.}}', { acknowledged: s.acknowledged, sent: s.sent }));
  if (s.longest_stretch_minutes > 0) details.push(t('Longest time sitting without a break: {0}.', { 0: formatMinutes(s.longest_stretch_minutes) }));
  return { empty: false, headline, details };
}
