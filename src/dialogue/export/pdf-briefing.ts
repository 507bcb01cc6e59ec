import PDFDocument from 'pdfkit';
import { fromRoot } from '../../paths';
import { barLayout } from './bar-chart';
import type { Block, Briefing } from './briefing';

/** DejaVu Sans ships in the repository (views/static/fonts, with its licence): it has every Vietnamese glyph. */
const FONT = fromRoot('views', 'static', 'fonts', 'DejaVuSans.ttf');
const FONT_BOLD = fromRoot('views', 'static', 'fonts', 'DejaVuSans-Bold.ttf');
const MARGIN = 50;

type Doc = PDFKit.PDFDocument;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function table(doc: Doc, block: Extract<Block, { kind: 'table' }>): void {
  const width = doc.page.width - 2 * MARGIN;
  // The first column names things and the text columns of petitions are long: give every column its share.
  const columnWidth = width / block.header.length;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(8);
    const height = Math.max(...cells.map((cell) => doc.heightOfString(cell, { width: columnWidth - 6 }))) + 6;
    ensureRoom(doc, height);
    const top = doc.y;
    cells.forEach((cell, i) => {
      doc.rect(MARGIN + i * columnWidth, top, columnWidth, height).stroke('#999999');
      doc.fillColor('black').text(cell, MARGIN + i * columnWidth + 3, top + 3, { width: columnWidth - 6 });
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(block.header, true);
  for (const cells of block.rows) drawRow(cells, false);
  doc.moveDown(0.5);
}

/** Charts are drawn as vector shapes, with the same geometry as the DOCX raster. */
function chart(doc: Doc, block: Extract<Block, { kind: 'chart' }>): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = 140;
  ensureRoom(doc, height + 60 + block.chart.bars.length * 12);
  doc.font('bold').fontSize(10).text(block.chart.title, MARGIN, doc.y);
  const top = doc.y + 14;
  for (const bar of barLayout(block.chart, width, height)) {
    doc.rect(MARGIN + bar.x, top + bar.y, bar.width, bar.height).fill(`rgb(${bar.colour.join(',')})` as never);
    doc.fillColor('black').font('body').fontSize(7).text(String(bar.value), MARGIN + bar.x, top + bar.y - 10, { width: bar.width, align: 'center' });
  }
  doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).stroke('black');
  doc.x = MARGIN;
  doc.y = top + height + 6;
  doc.font('body').fontSize(8).text(block.chart.bars.map((b) => `${b.label}: ${b.value}`).join(' · '), { width });
  doc.moveDown(1);
}

function render(doc: Doc, block: Block): void {
  doc.x = MARGIN;
  if (block.kind === 'heading') {
    ensureRoom(doc, 60);
    doc.moveDown(0.5).font('bold').fontSize(13).text(block.text).moveDown(0.3);
  } else if (block.kind === 'subheading') {
    ensureRoom(doc, 40);
    doc.font('bold').fontSize(10).text(block.text).moveDown(0.2);
  } else if (block.kind === 'paragraph') doc.font('body').fontSize(10).text(block.text).moveDown(0.3);
  else if (block.kind === 'table') table(doc, block);
  else chart(doc, block);
}

/** Streams the briefing as PDF into `out` (a file stream): pages are written as they are finished. */
export function writeBriefingPdf(briefing: Briefing, out: NodeJS.WritableStream): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${briefing.cover.title}: ${briefing.cover.conference}`, Author: briefing.cover.department } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  const { cover } = briefing;
  doc.moveDown(4).font('bold').fontSize(14).text(cover.department, { align: 'center' }).moveDown(2);
  doc.fontSize(18).text(cover.title, { align: 'center' }).moveDown(1);
  doc.font('body').fontSize(15).text(cover.conference, { align: 'center' }).moveDown(2);
  doc.fontSize(11);
  for (const line of cover.lines) doc.text(line, { align: 'center' });
  doc.addPage();
  for (const block of briefing.blocks) render(doc, block);
  doc.end();
  return done;
}
