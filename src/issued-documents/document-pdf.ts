import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { fromRoot } from '../paths';
import type { DocumentContent } from './document-content';

const FONTS = { body: fromRoot('views', 'static', 'fonts', 'DejaVuSerif.ttf'), bold: fromRoot('views', 'static', 'fonts', 'DejaVuSerif-Bold.ttf'), italic: fromRoot('views', 'static', 'fonts', 'DejaVuSerif-Italic.ttf') };
// A4 with Decree 30's margins (top 20–25 mm, bottom 20–25, left 30–35, right 15–20), in points.
const MARGIN = { top: 57, bottom: 57, left: 85, right: 45 };
const PAGE_WIDTH = 595.28;
const WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;

export interface Verification {
  code: string;
  url: string;
}

/**
 * Lays out a result document on A4 as Decree 30 shows it: authority (left) and national name and motto (right),
 * number (left) and place and date (right), the type and title centred, the legal bases in italics, the body, the
 * signature block (right) and the recipients (left); a QR code and the verification code and link at the foot. A
 * development signature is said in red on top. Words never break inside: pdfkit wraps at spaces only.
 */
export async function documentPdf(content: DocumentContent, options: { verification?: Verification; development: boolean; createdAt: Date }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, info: { Title: `${content.documentType} ${content.number}`, Author: 'Sở Công Thương thành phố Hải Phòng', Subject: content.title, CreationDate: options.createdAt, ModDate: options.createdAt }, lang: 'vi-VN', displayTitle: true, pdfVersion: '1.7' });
  doc.registerFont('body', FONTS.body).registerFont('bold', FONTS.bold).registerFont('italic', FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (options.development) {
    doc.font('bold').fontSize(9).fillColor('#b00020').text('BẢN THỬ NGHIỆM – KÝ BẰNG CHỮ KÝ SỐ PHÁT TRIỂN, KHÔNG CÓ GIÁ TRỊ PHÁP LÝ', MARGIN.left, 30, { width: WIDTH, align: 'center' }).fillColor('black');
  }
  const top = MARGIN.top;
  // Left: the authority and the number; right: the national name and motto, the place and date (one line each).
  const leftWidth = WIDTH * 0.38;
  const rightX = MARGIN.left + WIDTH * 0.38;
  const rightWidth = WIDTH * 0.62;
  doc.font('body').fontSize(11).text(content.authority.parent, MARGIN.left, top, { width: leftWidth, align: 'center' });
  doc.font('bold').fontSize(11.5).text(content.authority.name, { width: leftWidth, align: 'center' });
  const authorityBottom = doc.y;
  doc.moveTo(MARGIN.left + leftWidth / 2 - 30, authorityBottom + 2).lineTo(MARGIN.left + leftWidth / 2 + 30, authorityBottom + 2).stroke();
  doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
  doc.font('bold').fontSize(12).text('Độc lập - Tự do - Hạnh phúc', { width: rightWidth, align: 'center' });
  const mottoBottom = doc.y;
  doc.moveTo(rightX + rightWidth / 2 - 80, mottoBottom + 2).lineTo(rightX + rightWidth / 2 + 80, mottoBottom + 2).stroke();
  const lineTwo = Math.max(authorityBottom, mottoBottom) + 12;
  doc.font('body').fontSize(11).text(`Số: ${content.number}`, MARGIN.left, lineTwo, { width: leftWidth, align: 'center' });
  doc.font('italic').fontSize(12).text(content.placeAndDate, rightX, lineTwo, { width: rightWidth, align: 'center' });

  doc.moveDown(2).font('bold').fontSize(14).text(content.documentType, MARGIN.left, doc.y, { width: WIDTH, align: 'center' });
  doc.font('bold').fontSize(13).text(content.title, { width: WIDTH, align: 'center' });
  doc.moveDown(0.2);
  const titleBottom = doc.y;
  doc.moveTo(MARGIN.left + WIDTH / 2 - 50, titleBottom).lineTo(MARGIN.left + WIDTH / 2 + 50, titleBottom).stroke();
  doc.moveDown(1);

  for (const basis of content.bases) doc.font('italic').fontSize(13).text(basis, MARGIN.left, doc.y, { width: WIDTH, align: 'justify', indent: 28 });
  doc.moveDown(0.6).font('bold').fontSize(13).text(content.lead, { width: WIDTH, align: content.kind === 'certificate' ? 'left' : 'center' });
  doc.moveDown(0.4);
  for (const [label, value] of content.facts) {
    doc.font('body').fontSize(13).text(`${label}: `, MARGIN.left, doc.y, { width: WIDTH, continued: true, indent: 28 }).font('bold').text(value);
  }
  doc.moveDown(0.4);
  for (const article of content.articles) doc.font('body').fontSize(13).text(article, MARGIN.left, doc.y, { width: WIDTH, align: 'justify', indent: 28 }).moveDown(0.2);

  // Recipients (left) and signature (right) side by side, as Decree 30 places them.
  doc.moveDown(1);
  const blockTop = doc.y;
  doc.font('bold').fontSize(12).text(content.signer.authority ?? '', rightX, blockTop, { width: rightWidth, align: 'center' });
  doc.font('bold').fontSize(12).text(content.signer.title, { width: rightWidth, align: 'center' });
  doc.font('italic').fontSize(11).text('(Đã ký số)', { width: rightWidth, align: 'center' });
  doc.moveDown(1.5).font('bold').fontSize(13).text(content.signer.name, { width: rightWidth, align: 'center' });
  const signatureBottom = doc.y;
  doc.font('bold').fontSize(12).text('Nơi nhận:', MARGIN.left, blockTop, { width: leftWidth });
  for (const recipient of content.recipients) doc.font('body').fontSize(11).text(`- ${recipient}`, { width: leftWidth });
  doc.y = Math.max(doc.y, signatureBottom) + 20;

  if (options.verification) {
    const qr = await QRCode.toBuffer(options.verification.url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
    if (doc.y + 90 > 842 - MARGIN.bottom) doc.addPage();
    const boxTop = doc.y;
    doc.image(qr, MARGIN.left, boxTop, { width: 80 });
    doc.font('body').fontSize(10).text('Kiểm tra tính xác thực và hiệu lực của văn bản: quét mã QR hoặc truy cập', MARGIN.left + 92, boxTop + 6, { width: WIDTH - 92 });
    doc.font('body').fontSize(10).text(options.verification.url, { width: WIDTH - 92, link: options.verification.url, underline: true });
    doc.font('bold').fontSize(11).text(`Mã tra cứu: ${options.verification.code}`, { width: WIDTH - 92 });
  }
  doc.end();
  return done;
}
