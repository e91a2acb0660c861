// Wording for outcome questionnaires (schedules and results). Pure, unit-tested.
import type { OutcomeChange, OutcomeResponse } from '../types';
import { t } from './i18n';

export const FREQUENCIES: { value: string; weeks: number | null; label: string }[] = [
  { value: 'once', weeks: null, get label() { return t('Once'); } },
  { value: '1', weeks: 1, get label() { return t('Every week'); } },
  { value: '2', weeks: 2, get label() { return t('Every 2 weeks'); } },
  { value: '4', weeks: 4, get label() { return t('Every 4 weeks'); } },
  { value: '6', weeks: 6, get label() { return t('Every 6 weeks'); } },
  { value: '8', weeks: 8, get label() { return t('Every 8 weeks'); } },
  { value: '12', weeks: 12, get label() { return t('Every 12 weeks'); } },
];

export function frequencyText(everyWeeks: number | null | undefined): string {
  if (everyWeeks == null || everyWeeks <= 0) return 'Once';
  return everyWeeks === 1 ? t('Every week') : t('Every {everyWeeks} weeks', { everyWeeks });
}

/** 12 → "12", 12.345 → "12.3", -0 → "0". */
export function formatScore(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '—';
  const r = Math.round(n * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

export interface ChangeView {
  /** Short words, e.g. "Better by 4 (40%)". */
  text: string;
  /** For an arrow or colour; never the only way the meaning is given. */
  tone: 'better' | 'worse' | 'same' | 'baseline';
  meaningful: boolean;
}

/** The change from the first (baseline) answer, as the server worked it out. */
export function changeView(change: OutcomeChange | null | undefined): ChangeView {
  if (!change) return { text: t('First answer (baseline)'), tone: 'baseline', meaningful: false };
  const size = formatScore(Math.abs(change.delta));
  const pct = change.percent != null && Number.isFinite(change.percent) ? ` (${formatScore(Math.abs(change.percent))}%)` : '';
  switch (change.direction) {
    case 'improved':
      return { text: t('Better by {size}{pct}', { size, pct }), tone: 'better', meaningful: change.meaningful };
    case 'worsened':
      return { text: t('Worse by {size}{pct}', { size, pct }), tone: 'worse', meaningful: change.meaningful };
    default:
      return { text: t('No change'), tone: 'same', meaningful: change.meaningful };
  }
}

export interface MeasureGroup {
  measure: string;
  /** Newest first. */
  responses: OutcomeResponse[];
}

/** Results per questionnaire, newest first; questionnaires ordered by their latest answer. */
export function groupByMeasure(responses: OutcomeResponse[]): MeasureGroup[] {
  const by = new Map<string, OutcomeResponse[]>();
  for (const r of responses) {
    const list = by.get(r.measure) ?? [];
    list.push(r);
    by.set(r.measure, list);
  }
  const time = (r: OutcomeResponse) => new Date(r.answered_at || `${r.local_date}T12:00:00`).getTime() || 0;
  const groups = [...by.entries()].map(([measure, list]) => ({ measure, responses: [...list].sort((a, b) => time(b) - time(a)) }));
  return groups.sort((a, b) => time(b.responses[0]) - time(a.responses[0]));
}
