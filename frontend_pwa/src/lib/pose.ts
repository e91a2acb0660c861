// Pose interpolation for the animated exercise figure. Pure functions.
import type { Point, Pose } from '../types';

export type Points = Record<string, Point>;

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Smooth start and stop. */
export function easeInOut(t: number): number {
  const x = clamp01(t);
  return x < 0.5 ? 2 * x * x : 1 - (-2 * x + 2) ** 2 / 2;
}

/** Points between two poses. A point missing on one side keeps the other side's value. */
export function interpolatePoints(a: Points, b: Points, t: number): Points {
  const k = clamp01(t);
  const out: Points = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const pa = a[name] ?? b[name];
    const pb = b[name] ?? a[name];
    out[name] = [lerp(pa[0], pb[0], k), lerp(pa[1], pb[1], k)];
  }
  return out;
}

export interface Timing {
  /** Time spent still on each pose. */
  holdMs: number;
  /** Time to move from one pose to the next. */
  moveMs: number;
}

export const DEFAULT_TIMING: Timing = { holdMs: 900, moveMs: 1400 };

/**
 * The frame at `elapsed` ms for a loop through the poses (last pose moves back to the first).
 * Returns the points and the index of the pose being held or left.
 */
export function frameAt(poses: Pick<Pose, 'points'>[], elapsed: number, timing: Timing = DEFAULT_TIMING): { points: Points; index: number } {
  if (poses.length === 0) return { points: {}, index: 0 };
  if (poses.length === 1) return { points: poses[0].points, index: 0 };
  const seg = timing.holdMs + timing.moveMs;
  const cycle = seg * poses.length;
  const t = ((elapsed % cycle) + cycle) % cycle;
  const index = Math.floor(t / seg);
  const within = t - index * seg;
  const from = poses[index].points;
  if (within < timing.holdMs) return { points: from, index };
  const to = poses[(index + 1) % poses.length].points;
  return { points: interpolatePoints(from, to, easeInOut((within - timing.holdMs) / timing.moveMs)), index };
}

/** Line segments to draw, skipping bones whose ends are unknown. */
export function boneSegments(points: Points, bones: [string, string][]): { x1: number; y1: number; x2: number; y2: number; key: string }[] {
  const out = [];
  for (const [a, b] of bones) {
    const pa = points[a];
    const pb = points[b];
    if (!pa || !pb) continue;
    out.push({ x1: pa[0], y1: pa[1], x2: pb[0], y2: pb[1], key: `${a}-${b}` });
  }
  return out;
}
