// The exercise figure: draws the shapes the server computed (exercises/pose_shapes.py) and
// interpolates between poses. No pose geometry lives here, so it cannot drift from the
// server's SVG and the printed handout. Pure functions.
import type { PoseShape } from '../types';

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

/**
 * Shapes between two poses. Shapes are matched by id; a shape whose point count differs
 * or that exists on one side only switches at the halfway mark instead of morphing.
 */
export function interpolateShapes(a: PoseShape[], b: PoseShape[], t: number): PoseShape[] {
  const k = clamp01(t);
  if (k === 0) return a;
  if (k === 1) return b;
  const byId = new Map(b.map((s) => [s.id, s]));
  const out: PoseShape[] = [];
  const seen = new Set<string>();
  for (const sa of a) {
    const sb = byId.get(sa.id);
    seen.add(sa.id);
    if (!sb) {
      if (k < 0.5) out.push(sa);
      continue;
    }
    if (sa.c && sb.c) {
      out.push({ ...sa, c: [lerp(sa.c[0], sb.c[0], k), lerp(sa.c[1], sb.c[1], k)], r: lerp(sa.r ?? 0, sb.r ?? 0, k) });
    } else if (sa.p && sb.p && sa.p.length === sb.p.length) {
      const pb = sb.p;
      out.push({ ...sa, w: lerp(sa.w, sb.w, k), p: sa.p.map((q, i) => [lerp(q[0], pb[i][0], k), lerp(q[1], pb[i][1], k)]) });
    } else {
      out.push(k < 0.5 ? sa : sb);
    }
  }
  // Shapes only the second pose has appear from halfway, in the second pose's order.
  if (k >= 0.5) for (const sb of b) if (!seen.has(sb.id)) out.push(sb);
  return out;
}

/** The SVG path data of a polyline or polygon shape. */
export function pathData(points: [number, number][], closed: boolean): string {
  let d = '';
  points.forEach(([x, y], i) => {
    d += `${i ? 'L' : 'M'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`;
  });
  return closed ? `${d}Z` : d;
}

export type Box = [number, number, number, number];

/** The box holding every pose, so the figure keeps one scale while it moves. */
export function unionBox(boxes: Box[]): Box {
  if (boxes.length === 0) return [0, 0, 100, 100];
  const x0 = Math.min(...boxes.map((b) => b[0]));
  const y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[0] + b[2]));
  const y1 = Math.max(...boxes.map((b) => b[1] + b[3]));
  return [x0, y0, x1 - x0, y1 - y0];
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
 * Returns the shapes and the index of the pose being held or left.
 */
export function frameAt(poses: { shapes: PoseShape[] }[], elapsed: number, timing: Timing = DEFAULT_TIMING): { shapes: PoseShape[]; index: number } {
  if (poses.length === 0) return { shapes: [], index: 0 };
  if (poses.length === 1) return { shapes: poses[0].shapes, index: 0 };
  const seg = timing.holdMs + timing.moveMs;
  const cycle = seg * poses.length;
  const t = ((elapsed % cycle) + cycle) % cycle;
  const index = Math.floor(t / seg);
  const within = t - index * seg;
  const from = poses[index].shapes;
  if (within < timing.holdMs) return { shapes: from, index };
  const to = poses[(index + 1) % poses.length].shapes;
  return { shapes: interpolateShapes(from, to, easeInOut((within - timing.holdMs) / timing.moveMs)), index };
}
