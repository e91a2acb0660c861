// The box the exercise figure is drawn in: the animated figure's own box (every pose's view
// box joined, as PoseFigure draws it), so the figure fills the box instead of a corner of a
// square: wide for lying poses, tall for standing ones.
import type { Pose } from '../types';
import { unionBox } from './pose';

/** width / height of the animated figure of these poses (1 without poses). */
export function poseAspect(poses: Pose[]): number {
  if (poses.length === 0) return 1;
  const [, , w, h] = unionBox(poses.map((p) => p.view_box));
  return h > 0 ? Math.round((w / h) * 1000) / 1000 : 1;
}
