// Pure logic for the micro-breaks: wording, the physio's editor rows, errors, chart geometry.
// No DOM, no fetch: unit-tested in logic.test.ts.
import { locale, msg, t } from '../lib/i18n';
import type { BreakCandidate, BreakDose, BreakItem, BreakPrescription, BreakStats, PreviewNudge } from './types';

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const r = n % 100;
  if (r >= 11 && r <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export function everyNthLabel(n: number): string {
  return n <= 1 ? t('Every reminder') : t('{n, selectordinal, one {Every #st reminder} two {Every #nd reminder} few {Every #rd reminder} other {Every #th reminder}}', { n });
}

/** "1 × 10", "1 × 5, hold 10 s", "hold 30 s", "2 × hold 20 s". */
export function breakDoseText(d: BreakDose | null | undefined): string {
  if (!d) return '';
  const sets = Math.max(1, d.sets || 1);
  const hold = d.hold_seconds;
  if (d.reps) return hold ? t('{sets} × {reps}, hold {hold} s', { sets, reps: d.reps, hold }) : t('{sets} × {reps}', { sets, reps: d.reps });
  if (hold) return sets > 1 ? t('{sets} × hold {hold} s', { sets, hold }) : t('hold {hold} s', { hold });
  return sets > 1 ? t('{sets, plural, one {# set} other {# sets}}', { sets }) : '';
}

/** "14:30" in the given zone. */
export function clock(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  try {
    return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  } catch {
    return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  }
}

function dayKey(d: Date, timeZone?: string): string {
  try {
    return d.toLocaleDateString('en-CA', { timeZone });
  } catch {
    return d.toLocaleDateString('en-CA');
  }
}

/** "Paused until 14:30" (today) or "Paused until Wed 09:00"; null when not paused now. */
export function pausedText(busyUntil: string | null | undefined, now: Date, timeZone?: string): string | null {
  if (!busyUntil) return null;
  const until = new Date(busyUntil);
  if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime()) return null;
  const time = clock(busyUntil, timeZone);
  if (dayKey(until, timeZone) === dayKey(now, timeZone)) return t('Paused until {time}', { time });
  let day: string;
  try {
    day = until.toLocaleDateString(locale(), { weekday: 'short', timeZone });
  } catch {
    day = until.toLocaleDateString(locale(), { weekday: 'short' });
  }
  return t('Paused until {day} {time}', { day, time });
}

export const BUSY_CHOICES: { label: string; body: { minutes: number } | { until: 'end_of_day' } }[] = [
  { get label() { return t('15 min'); }, body: { minutes: 15 } },
  { get label() { return t('30 min'); }, body: { minutes: 30 } },
  { get label() { return t('1 hour'); }, body: { minutes: 60 } },
  { get label() { return t('Rest of today'); }, body: { until: 'end_of_day' } },
];

// ---- the physiotherapist's editor ----

export type RowMode = 'prescribed' | 'default' | 'excluded';

export interface EditorRow {
  slug: string;
  name: string;
  source: BreakCandidate['source'];
  conflict: boolean;
  reason: string | null;
  mode: RowMode;
  sets: number;
  reps: number | null;
  hold_seconds: number | null;
  every_nth: number;
}

/** One row per candidate (conflicting ones included, to show why), then any prescribed
 * item that is no longer a candidate (so saving never drops it silently). */
export function editorRows(p: BreakPrescription): EditorRow[] {
  const items = new Map(p.items.map((i) => [i.exercise, i]));
  const excluded = new Set(p.excluded);
  const rows: EditorRow[] = p.candidates.map((c) => {
    const it = items.get(c.slug);
    return {
      slug: c.slug,
      name: c.name,
      source: c.source,
      conflict: c.conflict,
      reason: c.conflict_reason,
      mode: it ? 'prescribed' : excluded.has(c.slug) ? 'excluded' : 'default',
      sets: it?.sets ?? 1,
      reps: it ? it.reps : 10,
      hold_seconds: it ? it.hold_seconds : null,
      every_nth: it?.every_nth ?? 1,
    };
  });
  const known = new Set(rows.map((r) => r.slug));
  for (const it of p.items) {
    if (known.has(it.exercise)) continue;
    rows.push({ slug: it.exercise, name: it.exercise.replace(/-/g, ' '), source: 'library', conflict: false, reason: null, mode: 'prescribed', sets: it.sets, reps: it.reps, hold_seconds: it.hold_seconds, every_nth: it.every_nth });
  }
  return rows;
}

/** The PUT body: prescribed items in row order, and exclusions. */
export function prescriptionBody(rows: EditorRow[]): { items: BreakItem[]; excluded: string[] } {
  return {
    items: rows
      .filter((r) => r.mode === 'prescribed')
      .map((r) => ({ exercise: r.slug, sets: r.sets, reps: r.reps, hold_seconds: r.hold_seconds, every_nth: r.every_nth })),
    excluded: rows.filter((r) => r.mode === 'excluded').map((r) => r.slug),
  };
}

/** A number input's value: "" → null, else a whole number (NaN stays, for the server to refuse). */
export function numberOrNull(v: string): number | null {
  const t = v.trim();
  return t === '' ? null : Number(t);
}

/**
 * DRF's errors for the PUT, keyed for the editor: `${slug}.${field}` for an item's field,
 * `items` / `excluded` / `form` for the rest. Item errors come as a list aligned with the
 * items sent (`{"items": [{}, {"reps": ["…"]}]}`).
 */
export function prescriptionErrors(body: unknown, sent: BreakItem[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  const first = (v: unknown): string | null => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null);
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    // DRF may key a list's errors by index: {"items": {"0": {"reps": ["…"]}}}.
    const value = key === 'items' && raw && typeof raw === 'object' && !Array.isArray(raw) ? sent.map((_, i) => (raw as Record<string, unknown>)[String(i)] ?? {}) : raw;
    if (key === 'items' && Array.isArray(value) && value.some((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      value.forEach((e, i) => {
        if (!e || typeof e !== 'object' || Array.isArray(e)) return;
        const slug = sent[i]?.exercise ?? String(i);
        for (const [field, msg] of Object.entries(e as Record<string, unknown>)) {
          const m = first(msg);
          if (m) out[`${slug}.${field === 'exercise' ? 'mode' : field}`] = m;
        }
      });
      continue;
    }
    if (key === 'items' && Array.isArray(value)) {
      // "<slug>: not suitable for this patient (…)" belongs to that exercise's row.
      const known = new Set(sent.map((i) => i.exercise));
      for (const v of value) {
        const m = first(v);
        if (!m) continue;
        const at = /^([a-z0-9][a-z0-9-]*): (.+)$/s.exec(m);
        if (at && known.has(at[1])) out[`${at[1]}.mode`] ??= at[2];
        else out.items ??= m;
      }
      continue;
    }
    if (key === 'excluded' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      for (const v of value as string[]) {
        const at = /^([a-z0-9][a-z0-9-]*): (.+)$/s.exec(v);
        if (at) out[`${at[1]}.mode`] ??= at[2];
        out.excluded ??= v;
      }
      continue;
    }
    if (key === 'excluded' && Array.isArray(value) && value.some((v) => v && typeof v === 'object')) {
      // {"excluded": {"2": ["…"]}} or a list aligned with the slugs sent.
      const m = value.map(first).find(Boolean);
      if (m) out.excluded = m;
      continue;
    }
    if (key === 'excluded' && value && typeof value === 'object' && !Array.isArray(value)) {
      const m = Object.values(value as Record<string, unknown>).map(first).find(Boolean);
      if (m) out.excluded = m;
      continue;
    }
    const m = first(value);
    if (m) out[key === 'detail' || key === 'non_field_errors' ? 'form' : key] = m;
  }
  return out;
}

// ---- the preview ----

// Whole sentences per reason, with and without the time it waits until.
const HELD_WORDS: Record<string, [string, string]> = {
  busy: [msg('You said you were busy until {time}, so this one waits.'), msg('You said you were busy, so this one waits.')],
  calendar: [msg('Your calendar shows you busy until {time}, so this one waits.'), msg('Your calendar shows you busy, so this one waits.')],
  session: [msg('You did an exercise session until {time}, so this one waits.'), msg('You did an exercise session, so this one waits.')],
  walk: [msg('You went for a walk until {time}, so this one waits.'), msg('You went for a walk, so this one waits.')],
  held: [msg('Held until {time}, so this one waits.'), msg('Held, so this one waits.')],
};

/** "Your calendar shows you busy until 14:30, so this one waits." */
export function heldText(held: NonNullable<PreviewNudge['held']>, timeZone?: string): string {
  const [withTime, without] = HELD_WORDS[held.reason] ?? HELD_WORDS.held;
  return held.until ? t(withTime, { time: clock(held.until, timeZone) }) : t(without);
}

/** What a preview nudge will ask for, in plain words. */
export function suggestionText(n: PreviewNudge): string {
  if (n.held) return '';
  switch (n.nudge_kind) {
    case 'stand':
      return t('Stand at your desk for a while');
    case 'sit':
      return t('Time to sit down again');
    case 'tip':
      return t('A tip for your back');
    default: {
      const s = n.suggestion;
      if (!s) return t('Stand up and move');
      const dose = breakDoseText(s);
      return dose ? t('{name} ({dose})', { name: s.name, dose }) : s.name;
    }
  }
}

// ---- statistics ----

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const STATS_BOX: ChartBox = { width: 320, height: 190, left: 40, right: 12, top: 12, bottom: 34 };

/** A round axis maximum at or above ``n`` whose half is whole too: 1, 2, 4, 6, 10, 20, 30, 40, 60, 90, 120 … */
export function niceMax(n: number): number {
  const steps = [1, 2, 4, 6, 10, 20, 30, 40, 60, 90, 120, 180, 240, 300, 480, 600];
  for (const s of steps) if (n <= s) return s;
  return Math.ceil(n / 200) * 200;
}

export interface PairBar {
  key: string;
  label: string;
  x: number;
  width: number;
  /** The offered bar (outline) and the taken bar (filled, in front). */
  offeredY: number;
  offeredH: number;
  takenY: number;
  takenH: number;
  offered: number;
  taken: number;
  showLabel: boolean;
}

export function shortDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  // "1 Dec", "1 dic", "1.12." (German's "1. Dez." would crowd the chart's four labels).
  const code = locale();
  const month = code === 'de' ? 'numeric' : 'short';
  return new Intl.DateTimeFormat(code === 'en' ? 'en-GB' : code, { day: 'numeric', month, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Bars of taken in front of offered, with a y axis maximum and at most 4 labels (they
 * never overlap at 16 units). */
export function pairBars(series: { key: string; offered: number; taken: number }[], box: ChartBox = STATS_BOX): { bars: PairBar[]; max: number; ticks: { y: number; value: number }[] } {
  const list = [...series].sort((a, b) => a.key.localeCompare(b.key));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const max = niceMax(Math.max(1, ...list.map((s) => Math.max(s.offered, s.taken))));
  const ticks = (max === 1 ? [0, 1] : [0, max / 2, max]).map((value) => ({ value, y: box.top + plotH - (value / max) * plotH }));
  if (list.length === 0) return { bars: [], max, ticks };
  const slot = plotW / list.length;
  const width = Math.max(3, slot * 0.7);
  const every = Math.max(1, Math.ceil(list.length / 4));
  const bars = list.map((s, i) => {
    const oh = (Math.min(s.offered, max) / max) * plotH;
    const th = (Math.min(s.taken, max) / max) * plotH;
    return {
      key: s.key,
      label: shortDay(s.key),
      x: box.left + i * slot + (slot - width) / 2,
      width,
      offeredY: box.top + plotH - oh,
      offeredH: oh,
      takenY: box.top + plotH - th,
      takenH: th,
      offered: s.offered,
      taken: s.taken,
      showLabel: (list.length - 1 - i) % every === 0,
    };
  });
  return { bars, max, ticks };
}

export function statsHeadline(s: BreakStats): string {
  const offered = s.days.reduce((n, d) => n + d.offered, 0);
  const taken = s.days.reduce((n, d) => n + d.taken, 0);
  if (offered === 0 && taken === 0) return t('No movement reminders in these weeks yet.');
  return t('{taken, plural, one {# break taken of {offered} offered.} other {# breaks taken of {offered} offered.}}', { taken, offered });
}

/** The days in words, for screen readers: "1 Dec: 3 of 5". */
export function daysText(s: BreakStats): string {
  return s.days.map((d) => t('{day}: {taken} of {offered}', { day: shortDay(d.date), taken: d.taken, offered: d.offered })).join('; ');
}

/** A y-axis label for minutes: "30m", "2h", "1.5h". */
export function minutesTick(v: number): string {
  if (v < 120) return `${Math.round(v)}m`;
  const h = v / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(1)}h`;
}
