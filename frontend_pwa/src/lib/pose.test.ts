import { describe, expect, it } from 'vitest';
import type { PoseShape } from '../types';
import { easeInOut, frameAt, interpolateShapes, pathData, unionBox } from './pose';

const line = (id: string, pts: [number, number][], w = 2): PoseShape => ({ id, p: pts, closed: false, fill: 'none', stroke: '#000', w });
const head = (x: number, y: number): PoseShape => ({ id: 'head', c: [x, y], r: 10, fill: '#eee', stroke: '#000', w: 1 });
const a = { shapes: [line('thigh', [[0, 0], [10, 0]]), head(50, 20)] };
const b = { shapes: [line('thigh', [[0, 0], [10, 10]], 4), head(70, 40), line('band', [[1, 1], [2, 2]])] };

describe('pose drawing', () => {
  it('interpolates matching shapes point by point and clamps t', () => {
    const mid = interpolateShapes(a.shapes, b.shapes, 0.5);
    expect(mid[0].p).toEqual([[0, 0], [10, 5]]);
    expect(mid[0].w).toBe(3);
    expect(mid[1].c).toEqual([60, 30]);
    expect(interpolateShapes(a.shapes, b.shapes, 2)).toBe(b.shapes);
    expect(interpolateShapes(a.shapes, b.shapes, -1)).toBe(a.shapes);
  });

  it('lets a shape that only one pose has switch at halfway', () => {
    expect(interpolateShapes(a.shapes, b.shapes, 0.3).map((s) => s.id)).toEqual(['thigh', 'head']);
    expect(interpolateShapes(a.shapes, b.shapes, 0.7).map((s) => s.id)).toEqual(['thigh', 'head', 'band']);
  });

  it('switches a shape whose point count changes instead of morphing it', () => {
    const other = [line('thigh', [[0, 0], [5, 5], [10, 10]])];
    expect(interpolateShapes([a.shapes[0]], other, 0.4)[0]).toBe(a.shapes[0]);
    expect(interpolateShapes([a.shapes[0]], other, 0.6)[0]).toBe(other[0]);
  });

  it('eases from 0 to 1 symmetrically', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.25) + easeInOut(0.75)).toBeCloseTo(1);
  });

  it('holds, moves and loops through poses', () => {
    const timing = { holdMs: 100, moveMs: 100 };
    expect(frameAt([a, b], 50, timing)).toEqual({ shapes: a.shapes, index: 0 });
    const mid = frameAt([a, b], 150, timing);
    expect(mid.index).toBe(0);
    expect(mid.shapes[1].c?.[0]).toBeCloseTo(60);
    expect(frameAt([a, b], 250, timing).shapes).toEqual(b.shapes);
    expect(frameAt([a, b], 400, timing).shapes).toEqual(a.shapes);
    expect(frameAt([a], 999, timing).shapes).toEqual(a.shapes);
    expect(frameAt([], 0, timing).shapes).toEqual([]);
  });

  it('writes path data and holds every pose in one box', () => {
    expect(pathData([[0, 0], [1.26, -2]], false)).toBe('M0 0L1.3 -2');
    expect(pathData([[0, 0], [1, 1], [2, 0]], true)).toBe('M0 0L1 1L2 0Z');
    expect(unionBox([[0, -100, 50, 100], [-10, -80, 40, 90]])).toEqual([-10, -100, 60, 110]);
  });
});
