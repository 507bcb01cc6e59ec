/**
 * Bar charts as plain geometry, drawn as inline SVG by the template (auto-escaped, no script, no CDN).
 * The page shows the same numbers in a table, which is what screen readers read.
 */
export interface ChartBar {
  label: string;
  value: number;
  display: string;
  x: number;
  y: number;
  width: number;
  height: number;
  labelX: number;
  /** The label in lines that fit under the bar (at most two), so neighbours never run into each other. */
  labelLines: string[];
}

export interface BarChart {
  width: number;
  height: number;
  baseline: number;
  bars: ChartBar[];
  ticks: { y: number; label: string }[];
}

/** The top of an axis of five even steps: the smallest "nice" step (1, 2, 2.5, 5 × 10^n) that reaches the maximum (100 → 100, not 500). */
const niceMax = (max: number) => {
  if (max <= 5) return 5;
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return step * 5;
};

export function barChart(data: readonly { label: string; value: number; display?: string }[], options: { width?: number; height?: number; format?: (n: number) => string } = {}): BarChart {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const left = 40;
  const top = 16;
  const slot = (width - left - 8) / Math.max(1, data.length);
  const labels = data.map((d) => wrapLabel(d.label, Math.max(3, Math.floor(slot / LABEL_CHAR_WIDTH))));
  // A second line of labels takes its own room below the axis.
  const bottom = labels.some((lines) => lines.length > 1) ? 50 : 36;
  const baseline = height - bottom;
  const plotHeight = baseline - top;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const format = options.format ?? String;
  const bars = data.map((d, i) => {
    const h = max ? (d.value / max) * plotHeight : 0;
    const barWidth = Math.max(4, slot * 0.6);
    const x = left + i * slot + (slot - barWidth) / 2;
    return { label: d.label, value: d.value, display: d.display ?? format(d.value), x: round(x), y: round(baseline - h), width: round(barWidth), height: round(h), labelX: round(x + barWidth / 2), labelLines: labels[i]! };
  });
  const ticks = [0, 1, 2, 3, 4, 5].map((i) => ({ y: round(baseline - (plotHeight * i) / 5), label: format((max * i) / 5) }));
  return { width, height, baseline, bars, ticks };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** About the width of one character of a bar label (11 px sans-serif) in the chart's own units. */
const LABEL_CHAR_WIDTH = 6.2;

/** Words into at most two lines of `maxChars`; a label that still does not fit ends with "…" (the table beside it has it whole). */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= 2 && lines.every((line) => line.length <= maxChars)) return lines.length ? lines : [''];
  const [first = '', second = ''] = lines.length > 2 ? [lines[0], lines.slice(1).join(' ')] : lines;
  const cut = (text: string) => (text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1))}…`);
  return second ? [cut(first!), cut(second)] : [cut(first!)];
}

export interface LinePoint {
  label: string;
  value: number | null;
  display: string;
  x: number;
  /** Absent for a missing value: the line breaks there instead of pretending it was zero. */
  y?: number;
}

export interface LineChart {
  width: number;
  height: number;
  left: number;
  right: number;
  baseline: number;
  points: LinePoint[];
  /** SVG polyline `points` strings, one per run of consecutive known values. */
  segments: string[];
  ticks: { y: number; label: string }[];
}

/** A trend as a line with gaps; the scale includes zero, so a small change does not look like a cliff. */
export function lineChart(
  data: readonly { label: string; value: number | null; display?: string }[],
  options: { width?: number; height?: number; format?: (n: number) => string; missing?: string; tickCount?: number } = {},
): LineChart {
  const width = options.width ?? 320;
  const height = options.height ?? 140;
  const left = 40;
  const right = 8;
  const top = 12;
  const baseline = height - 24;
  const format = options.format ?? String;
  const tickCount = options.tickCount ?? 2;
  const known = data.map((d) => d.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const high = niceMax(Math.max(0, ...known));
  const low = Math.min(0, ...known) < 0 ? -niceMax(-Math.min(...known)) : 0;
  const yOf = (value: number) => round(baseline - ((value - low) / (high - low)) * (baseline - top));
  const slot = (width - left - right) / Math.max(1, data.length);
  const points: LinePoint[] = data.map((d, i) => {
    const x = round(left + i * slot + slot / 2);
    const value = d.value !== null && Number.isFinite(d.value) ? d.value : null;
    return value === null ? { label: d.label, value, display: options.missing ?? '—', x } : { label: d.label, value, display: d.display ?? format(value), x, y: yOf(value) };
  });
  const segments: string[] = [];
  let run: string[] = [];
  for (const point of [...points, undefined]) {
    if (point?.y !== undefined) {
      run.push(`${point.x},${point.y}`);
    } else if (run.length) {
      segments.push(run.join(' '));
      run = [];
    }
  }
  const ticks = Array.from({ length: tickCount + 1 }, (_, i) => {
    const value = low + ((high - low) * i) / tickCount;
    return { y: yOf(value), label: format(value) };
  });
  return { width, height, left, right, baseline, points, segments, ticks };
}
