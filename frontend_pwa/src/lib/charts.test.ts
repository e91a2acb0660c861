import { describe, expect, it } from 'vitest';
import { painSeries, sessionLabels, painSummary, percent, shortDate, weeklyBars, weekRatio, type Box } from './charts';

const box: Box = { width: 120, height: 110, left: 10, right: 10, top: 5, bottom: 5 };

describe('chart data', () => {
  it('builds weekly bars in date order with heights from the ratio', () => {
    const bars = weeklyBars(
      [
        { week_start: '2026-11-09', prescribed: 4, completed: 2, ratio: 0.5 },
        { week_start: '2026-11-02', prescribed: 4, completed: 4, ratio: 1 },
      ],
      box,
    );
    expect(bars.map((b) => b.label)).toEqual(['2 Nov', '9 Nov']);
    expect(bars[0].height).toBe(100);
    expect(bars[1].height).toBe(50);
    expect(bars[1].y).toBe(55);
    expect(bars[0].x).toBeGreaterThanOrEqual(10);
    expect(bars[1].x + bars[1].width).toBeLessThanOrEqual(110);
  });

  it('derives a ratio when missing and treats no prescription as no data', () => {
    expect(weekRatio({ week_start: 'x', prescribed: 4, completed: 3, ratio: null })).toBe(0.75);
    expect(weekRatio({ week_start: 'x', prescribed: 0, completed: 0, ratio: null })).toBeNull();
    expect(weekRatio({ week_start: 'x', prescribed: 2, completed: 5, ratio: null })).toBe(1);
  });

  it('keeps only the last weeks', () => {
    const weeks = Array.from({ length: 12 }, (_, i) => ({ week_start: `2026-01-${String(i + 1).padStart(2, '0')}`, prescribed: 1, completed: 1, ratio: 1 }));
    expect(weeklyBars(weeks, box, 8)).toHaveLength(8);
  });

  it('maps pain 0–10 onto the plot and breaks lines at gaps', () => {
    const c = painSeries(
      [
        { date: '2026-11-03', before: 4, after: 2 },
        { date: '2026-11-01', before: 10, after: null },
        { date: '2026-11-02', before: 0, after: 5 },
      ],
      box,
    );
    expect(c.before.map((p) => p.value)).toEqual([10, 0, 4]);
    expect(c.before[0]).toMatchObject({ x: 10, y: 5 });
    expect(c.before[1]).toMatchObject({ x: 60, y: 105 });
    expect(c.after).toHaveLength(2);
    expect(c.beforePath).toBe('M10 5L60 105L110 65');
    expect(c.afterPath).toBe('M60 55L110 85');
    expect(c.yTicks.map((t) => t.value)).toEqual([0, 5, 10]);
  });

  it('handles empty data', () => {
    expect(weeklyBars([], box)).toEqual([]);
    const c = painSeries([], box);
    expect(c.before).toEqual([]);
    expect(c.beforePath).toBe('');
    expect(c.xLabels).toEqual([]);
    expect(painSummary([])).toBe('No pain scores logged yet.');
    expect(percent(null)).toBe('—');
  });

  it('centres a single point and summarises', () => {
    const c = painSeries([{ date: '2026-11-03', before: 4, after: 2 }], box);
    expect(c.before[0].x).toBe(60);
    expect(painSummary([{ date: '2026-11-03', before: 4, after: 2 }])).toBe('Across 1 session, pain averaged 4 before and 2 after.');
    expect(percent(0.756)).toBe('76%');
    expect(shortDate('2026-12-25')).toBe('25 Dec');
  });
});

describe('labels for sessions on the same day', () => {
  it('tells two sessions of one day apart', () => {
    expect(sessionLabels(['2026-11-03', '2026-11-03', '2026-11-04'])).toEqual(['3 Nov', '3 Nov (2)', '4 Nov']);
  });
});
