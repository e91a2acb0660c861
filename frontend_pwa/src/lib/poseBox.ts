// The box the exercise figure is drawn in: shaped like the poses (wide for lying poses,
// tall for standing ones), so the figure fills it instead of a corner of a square.
import type { Pose } from '../types';

export interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Room around the points for the head and the stroke, in pose units (0..100). */
const PAD = 9;
const MIN_ASPECT = 0.75;
const MAX_ASPECT = 2.4;

/** The area all the poses use (pose units), padded, its width/height kept within bounds. */
export function poseFrame(poses: Pose[]): Frame {
  const pts = poses.flatMap((p) => Object.values(p.points));
  if (pts.length === 0) return { x: 0, y: 0, w: 100, h: 100 };
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  let x0 = Math.min(...xs) - PAD;
  let x1 = Math.max(...xs) + PAD;
  let y0 = Math.min(...ys) - PAD;
  let y1 = Math.max(...ys) + PAD;
  const aspect = (x1 - x0) / (y1 - y0);
  if (aspect > MAX_ASPECT) {
    const grow = ((x1 - x0) / MAX_ASPECT - (y1 - y0)) / 2;
    y0 -= grow;
    y1 += grow;
  } else if (aspect < MIN_ASPECT) {
    const grow = ((y1 - y0) * MIN_ASPECT - (x1 - x0)) / 2;
    x0 -= grow;
    x1 += grow;
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** width / height of the box. */
export function poseAspect(poses: Pose[]): number {
  const f = poseFrame(poses);
  return Math.round((f.w / f.h) * 1000) / 1000;
}
