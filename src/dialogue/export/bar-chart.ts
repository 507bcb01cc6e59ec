import { encodePng } from './png-encoder';

export interface BarChart {
  title: string;
  bars: { label: string; value: number }[];
}

export const BAR_COLOURS: readonly [number, number, number][] = [
  [46, 125, 50],
  [21, 101, 192],
  [239, 108, 0],
  [106, 27, 154],
  [0, 131, 143],
  [173, 20, 87],
  [93, 64, 55],
];

/** Geometry shared by every rendering, so the SVG, the PNG and the PDF drawing show the same bars. */
export function barLayout(chart: BarChart, width: number, height: number) {
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const slot = width / Math.max(1, chart.bars.length);
  const barWidth = Math.max(2, Math.floor(slot * 0.6));
  return chart.bars.map((bar, i) => {
    const barHeight = Math.round((bar.value / max) * (height - 4));
    return { ...bar, x: Math.round(i * slot + (slot - barWidth) / 2), y: height - barHeight, width: barWidth, height: barHeight, colour: BAR_COLOURS[i % BAR_COLOURS.length]! };
  });
}

/** A raster of the bars alone (text in a raster would need a font rasterizer); the DOCX writes the legend as text. */
export function barChartPng(chart: BarChart, width = 560, height = 220): Buffer {
  const pixels = Buffer.alloc(width * height * 3, 255);
  for (const bar of barLayout(chart, width, height)) {
    for (let y = bar.y; y < bar.y + bar.height; y++) {
      for (let x = bar.x; x < bar.x + bar.width; x++) pixels.set(bar.colour, (y * width + x) * 3);
    }
  }
  // A baseline, so an empty chart still reads as a chart.
  pixels.fill(0, (height - 1) * width * 3, height * width * 3);
  return encodePng({ width, height, pixels });
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same chart as SVG, for pages. */
export function barChartSvg(chart: BarChart, width = 560, height = 220): string {
  const bars = barLayout(chart, width, height - 40);
  const shapes = bars.map(
    (b) =>
      `<rect x="${b.x}" y="${b.y + 20}" width="${b.width}" height="${b.height}" fill="rgb(${b.colour.join(',')})"><title>${escapeXml(`${b.label}: ${b.value}`)}</title></rect>` +
      `<text x="${b.x + b.width / 2}" y="${b.y + 16}" text-anchor="middle" font-size="11">${b.value}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeXml(chart.title)}"><title>${escapeXml(chart.title)}</title>${shapes.join('')}<line x1="0" y1="${height - 20}" x2="${width}" y2="${height - 20}" stroke="black"/></svg>`;
}
