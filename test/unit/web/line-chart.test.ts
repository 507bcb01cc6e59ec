import { lineChart } from '../../../src/web/staff/svg-chart';

describe('line chart geometry', () => {
  it('when a value is missing, then the line breaks there and the point shows a dash instead of a zero', () => {
    const chart = lineChart([
      { label: 'Q1', value: 10 },
      { label: 'Q2', value: 20 },
      { label: 'Q3', value: null },
      { label: 'Q4', value: 40 },
    ]);
    expect(chart.segments).toHaveLength(2);
    expect(chart.segments[0]!.split(' ')).toHaveLength(2);
    expect(chart.segments[1]!.split(' ')).toHaveLength(1);
    expect(chart.points[2]).toEqual({ label: 'Q3', value: null, display: '—', x: expect.any(Number) });
    expect(chart.points.map((p) => p.display)).toEqual(['10', '20', '—', '40']);
  });

  it('when values grow, then points rise, stay inside the plot, and go left to right in order', () => {
    const chart = lineChart([{ label: 'a', value: 0 }, { label: 'b', value: 37.5 }, { label: 'c', value: 95 }], { width: 300, height: 120, format: (n) => n.toFixed(1) });
    const ys = chart.points.map((p) => p.y!);
    expect(ys[0]).toBe(chart.baseline);
    expect(ys[1]!).toBeLessThan(ys[0]!);
    expect(ys[2]!).toBeLessThan(ys[1]!);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    const xs = chart.points.map((p) => p.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(Math.max(...xs)).toBeLessThanOrEqual(300 - chart.right);
    expect(chart.ticks.map((t) => t.label)).toEqual(['0.0', '50.0', '100.0']);
  });

  it('when a value is negative (a revocation outweighs approvals), then the scale reaches below zero', () => {
    const chart = lineChart([{ label: 'a', value: -3 }, { label: 'b', value: 4 }]);
    expect(chart.ticks.map((t) => t.label)).toEqual(['-5', '0', '5']);
    const zero = chart.ticks[1]!.y;
    expect(chart.points[0]!.y!).toBeGreaterThan(zero);
    expect(chart.points[0]!.y!).toBeLessThan(chart.baseline);
    expect(chart.points[1]!.y!).toBeLessThan(zero);
  });

  it('when nothing is known, then there is no line but every period keeps its place', () => {
    const chart = lineChart([{ label: 'a', value: null }, { label: 'b', value: null }], { missing: 'n/a' });
    expect(chart.segments).toEqual([]);
    expect(chart.points.map((p) => p.display)).toEqual(['n/a', 'n/a']);
    expect(chart.ticks.every((t) => Number.isFinite(t.y))).toBe(true);
  });
});

describe('axis tops', () => {
  it.each([
    [100, 100],
    [80, 100],
    [60, 100],
    [30, 50],
    [7, 10],
    [3, 5],
    [1234, 1250],
  ])('when the largest value is %d, then the axis tops at %d (a percentage never at 500)', (max, top) => {
    const chart = lineChart([{ label: 'a', value: 0 }, { label: 'b', value: max }], { tickCount: 2 });
    expect(chart.ticks.map((t) => Number(t.label))).toContain(top);
  });
});
