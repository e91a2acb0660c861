import { describe, expect, it } from 'vitest';
import { boneSegments, easeInOut, frameAt, interpolatePoints } from './pose';

const a = { points: { hip: [50, 60], head: [50, 20] } as Record<string, [number, number]> };
const b = { points: { hip: [50, 60], head: [70, 40], knee_near: [60, 80] } as Record<string, [number, number]> };

describe('pose interpolation', () => {
  it('interpolates linearly and clamps t', () => {
    expect(interpolatePoints(a.points, b.points, 0.5).head).toEqual([60, 30]);
    expect(interpolatePoints(a.points, b.points, 2).head).toEqual([70, 40]);
    expect(interpolatePoints(a.points, b.points, -1).head).toEqual([50, 20]);
  });

  it('keeps points that exist in only one pose', () => {
    expect(interpolatePoints(a.points, b.points, 0.3).knee_near).toEqual([60, 80]);
  });

  it('eases from 0 to 1 symmetrically', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.25) + easeInOut(0.75)).toBeCloseTo(1);
  });

  it('holds, moves and loops through poses', () => {
    const timing = { holdMs: 100, moveMs: 100 };
    expect(frameAt([a, b], 50, timing)).toEqual({ points: a.points, index: 0 });
    const mid = frameAt([a, b], 150, timing);
    expect(mid.index).toBe(0);
    expect(mid.points.head[0]).toBeCloseTo(60);
    expect(frameAt([a, b], 250, timing).points).toEqual(b.points);
    // b moves back to a, then the loop starts again
    expect(frameAt([a, b], 400, timing).points.head).toEqual([50, 20]);
    expect(frameAt([a], 999, timing).points).toEqual(a.points);
    expect(frameAt([], 0, timing).points).toEqual({});
  });

  it('draws only bones whose ends are known', () => {
    const segs = boneSegments(b.points, [['hip', 'head'], ['hip', 'ankle_near']]);
    expect(segs).toEqual([{ x1: 50, y1: 60, x2: 70, y2: 40, key: 'hip-head' }]);
  });
});
