import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { barChartPng } from './bar-chart';
import type { Block, Briefing } from './briefing';

const lines = (text: string, bold = false) => text.split('\n').flatMap((line, i) => [new TextRun({ text: line, bold, break: i > 0 ? 1 : undefined })]);

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const row = (cells: string[], header: boolean) =>
    new TableRow({ tableHeader: header, children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: lines(cell, header) })] })) });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))] });
}

/**
 * Charts are PNG rasters from our own encoder (bars only; no native canvas dependency), followed by the
 * values as text so the figures stay readable and searchable.
 */
function chart(block: Extract<Block, { kind: 'chart' }>): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(block.chart.title)] }),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: barChartPng(block.chart), transformation: { width: 560, height: 220 } })] }),
    new Paragraph({ children: [new TextRun(block.chart.bars.map((b) => `${b.label}: ${b.value}`).join(' · '))] }),
  ];
}

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] })];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: lines(block.text) })];
    case 'table':
      return [table(block), new Paragraph({})];
    case 'chart':
      return chart(block);
  }
}

export async function briefingDocx(briefing: Briefing): Promise<Buffer> {
  const { cover } = briefing;
  const centred = (text: string, size: number, bold = false) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text, size, bold })] });
  const document = new Document({
    creator: cover.department,
    title: `${cover.title}: ${cover.conference}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      { children: [centred(cover.department, 28, true), centred(cover.title, 36, true), centred(cover.conference, 30), ...cover.lines.map((line) => centred(line, 24))] },
      { children: briefing.blocks.flatMap(render) },
    ],
  });
  return Packer.toBuffer(document);
}
