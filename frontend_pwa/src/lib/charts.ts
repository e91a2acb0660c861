// Chart geometry as pure functions; the components only draw what these return.
import type { PainPoint, WeekStat } from '../types';
import { t } from './i18n';

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// Labels are drawn at 16 units: at least 12 px when the chart is shown 240 px wide (a 320 px phone).
export const DEFAULT_BOX: Box = { width: 320, height: 190, left: 40, right: 12, top: 12, bottom: 34 };
export const LABEL_UNITS = 16;

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  ratio: number | null;
  label: string;
  completed: number;
  prescribed: number;
  weekStart: string;
}

/** Ratio for a week; falls back to completed/prescribed when the server sent none. */
export function weekRatio(w: WeekStat): number | null {
  if (w.ratio != null && Number.isFinite(w.ratio)) return Math.max(0, Math.min(1, w.ratio));
  if (!w.prescribed) return null;
  return Math.max(0, Math.min(1, w.completed / w.prescribed));
}

/** Short label like "3 Nov" from "2026-11-03", without time-zone shifts. */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]}`;
}

export function weeklyBars(weeks: WeekStat[], box: Box = DEFAULT_BOX, maxWeeks = 8): Bar[] {
  const list = [...weeks].sort((a, b) => a.week_start.localeCompare(b.week_start)).slice(-maxWeeks);
  if (list.length === 0) return [];
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const slot = plotW / list.length;
  const barW = Math.max(4, slot * 0.6);
  return list.map((w, i) => {
    const ratio = weekRatio(w);
    const h = (ratio ?? 0) * plotH;
    return {
      x: box.left + i * slot + (slot - barW) / 2,
      y: box.top + plotH - h,
      width: barW,
      height: h,
      ratio,
      label: shortDate(w.week_start),
      completed: w.completed,
      prescribed: w.prescribed,
      weekStart: w.week_start,
    };
  });
}

export interface SeriesPoint {
  x: number;
  y: number;
  value: number;
  date: string;
}

export interface PainChart {
  before: SeriesPoint[];
  after: SeriesPoint[];
  /** SVG path data; a gap (missing value) starts a new sub-path. */
  beforePath: string;
  afterPath: string;
  xLabels: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
}

function toPath(points: (SeriesPoint | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(p.x)} ${round(p.y)}`;
    pen = true;
  }
  return d;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function painSeries(pain: PainPoint[], box: Box = DEFAULT_BOX): PainChart {
  const list = [...pain].filter((p) => p.before != null || p.after != null).sort((a, b) => a.date.localeCompare(b.date));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const yTicks = [0, 5, 10].map((value) => ({ value, y: box.top + plotH - (value / 10) * plotH }));
  if (list.length === 0) return { before: [], after: [], beforePath: '', afterPath: '', xLabels: [], yTicks };
  const xAt = (i: number) => (list.length === 1 ? box.left + plotW / 2 : box.left + (i / (list.length - 1)) * plotW);
  const yAt = (v: number) => box.top + plotH - (Math.max(0, Math.min(10, v)) / 10) * plotH;
  const mk = (key: 'before' | 'after') =>
    list.map((p, i) => (p[key] == null ? null : { x: xAt(i), y: yAt(p[key] as number), value: p[key] as number, date: p.date }));
  const b = mk('before');
  const a = mk('after');
  const step = Math.max(1, Math.ceil(list.length / 4));
  const names = sessionLabels(list.map((p) => p.date));
  const xLabels = list.map((_p, i) => ({ x: xAt(i), label: names[i], i })).filter((l) => l.i % step === 0 || l.i === list.length - 1).map(({ x, label }) => ({ x, label }));
  return {
    before: b.filter((p): p is SeriesPoint => p !== null),
    after: a.filter((p): p is SeriesPoint => p !== null),
    beforePath: toPath(b),
    afterPath: toPath(a),
    xLabels,
    yTicks,
  };
}

/** Labels for points by date; two sessions on one day get "3 Nov" and "3 Nov (2)". */
export function sessionLabels(dates: string[]): string[] {
  const seen = new Map<string, number>();
  return dates.map((d) => {
    const n = (seen.get(d) ?? 0) + 1;
    seen.set(d, n);
    return n === 1 ? shortDate(d) : `${shortDate(d)} (${n})`;
  });
}

/** Plain-language summary for screen readers and as a text alternative. */
export function painSummary(pain: PainPoint[]): string {
  const list = pain.filter((p) => p.before != null && p.after != null);
  if (list.length === 0) return t('No pain scores logged yet.');
  const avg = (xs: number[]) => Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10;
  const before = avg(list.map((p) => p.before as number));
  const after = avg(list.map((p) => p.after as number));
  return t('{length, plural, one {Across # session, pain averaged {before} before and {after} after.} other {Across # sessions, pain averaged {before} before and {after} after.}}', { length: list.length, before, after });
}

export function percent(r: number | null | undefined): string {
  return r == null ? '—' : `${Math.round(r * 100)}%`;
}
