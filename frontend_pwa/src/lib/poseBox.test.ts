import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { poseAspect } from './poseBox';

const pose = (view_box: [number, number, number, number]): Pose => ({
  key: 'k',
  label: 'l',
  view: 'side',
  svg_url: '',
  points: {},
  bones: [],
  view_box,
  width: view_box[2],
  height: view_box[3],
  shapes: [],
});

describe('the figure box', () => {
  it('is wide for a lying pose and tall for a standing one', () => {
    expect(poseAspect([pose([-100, 0, 200, 50])])).toBeCloseTo(4, 3);
    expect(poseAspect([pose([-30, 0, 60, 180])])).toBeCloseTo(1 / 3, 3);
  });
  it('holds every pose of the exercise, as the animated figure does', () => {
    // Kneeling (wide, low) then reaching up (narrow, tall): the joined box is 120 x 150.
    expect(poseAspect([pose([-60, 0, 120, 70]), pose([-30, 0, 60, 150])])).toBeCloseTo(0.8, 3);
  });
  it('is square without poses', () => {
    expect(poseAspect([])).toBe(1);
  });
});
