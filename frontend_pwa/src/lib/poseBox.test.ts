import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { poseAspect, poseFrame } from './poseBox';

const pose = (points: Record<string, [number, number]>): Pose => ({ key: 'k', label: 'l', view: 'side', svg_url: '', points, bones: [] });

describe('the figure box', () => {
  it('is wide for a lying pose and tall for a standing one', () => {
    const lying = pose({ head: [15, 80], hip: [50, 82], foot: [85, 84] });
    const standing = pose({ head: [50, 10], hip: [50, 50], foot: [52, 92] });
    expect(poseAspect([lying])).toBeCloseTo(2.4, 2); // capped
    expect(poseAspect([standing])).toBeCloseTo(0.75, 2);
    expect(poseAspect([lying, standing])).toBeGreaterThan(0.75);
  });
  it('covers every point of every pose, with room for the head', () => {
    const f = poseFrame([pose({ a: [20, 30], b: [70, 60] }), pose({ a: [10, 40] })]);
    expect(f.x).toBeLessThan(10 - 4);
    expect(f.x + f.w).toBeGreaterThan(70 + 4);
    expect(f.y).toBeLessThan(30 - 4);
    expect(f.y + f.h).toBeGreaterThan(60 + 4);
  });
  it('is the whole square without poses', () => {
    expect(poseFrame([])).toEqual({ x: 0, y: 0, w: 100, h: 100 });
  });
});
