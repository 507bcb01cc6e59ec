import PDFDocument from 'pdfkit';
import { loadReadableDossier, readLog } from '../applications';
import { findProcedure, ONE_STOP_FORM_SET } from '../applications/procedures';
import { SYSTEM_SCHEDULER, type Actor } from '../auth';
import { listDossierDocuments } from '../documents';
import { isAppError, notFound } from '../errors';
import { formatters } from '../i18n';
import { organizationProfile } from '../organizations';
import { fromRoot } from '../paths';
import type { WorkflowType } from '../../workflows/workflow-types';

/**
 * The one-stop forms of Circular 01/2018/TT-VPCP an applicant takes away, as PDF: the receipt and appointment
 * slip (form 01) once the dossier is accepted, the refusal to receive it (form 03), and the apology with a new
 * appointment (form 04) when a decision came late. Everything printed comes from the dossier's log: who
 * accepted or refused it and when, the reasons, the dates. Circular 01/2018 is still the form set in use
 * under Decree 118/2025 as far as we found (README, "One-stop forms"); the layout follows its appendices.
 */
export const ONE_STOP_FORMS = ['receipt', 'refusal', 'apology'] as const;
export type OneStopForm = (typeof ONE_STOP_FORMS)[number];

/** The forms a dossier has reached: the receipt once accepted, the refusal, the apology with a late decision. */
export function availableForms(dossier: { state: string; deadlines?: { receivedAt?: unknown; apologyNote?: string; rescheduledTo?: string } | Record<string, unknown> }, accepted: boolean): OneStopForm[] {
  const deadlines = (dossier.deadlines ?? {}) as { receivedAt?: unknown; apologyNote?: string; rescheduledTo?: string };
  return [
    ...(accepted && deadlines.receivedAt ? (['receipt'] as const) : []),
    ...(dossier.state === 'refused_at_intake' ? (['refusal'] as const) : []),
    ...(deadlines.apologyNote || deadlines.rescheduledTo ? (['apology'] as const) : []),
  ];
}

const FONT = fromRoot('views', 'static', 'fonts', 'DejaVuSans.ttf');
const FONT_BOLD = fromRoot('views', 'static', 'fonts', 'DejaVuSans-Bold.ttf');
const AUTHORITY = ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ CÔNG THƯƠNG', 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ'];
const fmt = formatters('vi');

interface Entry {
  event: { type: string; at?: string; reasons?: string[]; apologyNote?: string; appointment?: string };
  actor?: { name?: string };
  at: Date;
}

interface FormContent {
  number: string;
  title: string;
  paragraphs: (string | { label: string; value: string })[];
  list?: { heading: string; items: string[] };
  signer: { role: string; name?: string };
  /** The day the form speaks of (receipt, refusal, decision), printed as its date. */
  issuedAt: Date;
}

/** The form's content, or a 404 when the dossier has not reached the step the form records. */
export async function oneStopFormContent(actor: Actor, dossierId: string, form: OneStopForm): Promise<FormContent> {
  const dossier = await loadReadableDossier(actor, dossierId);
  const entries = (await readLog(String(dossier._id), dossier.sequence)) as unknown as Entry[];
  const last = (type: string) => [...entries].reverse().find((entry) => entry.event.type === type);
  const organization = await organizationProfile(dossier.organizationId);
  const procedure = findProcedure(dossier.type as WorkflowType);
  const deadlines = dossier.deadlines as { receivedAt?: Date; originalDueAt?: Date; currentDueAt?: Date; apologyNote?: string; limitWorkingDays?: number };
  const who = { label: 'Tổ chức nộp hồ sơ', value: organization?.name ?? '—' };
  const what = { label: 'Nội dung yêu cầu giải quyết', value: `${procedure.name_vi} — ${dossier.title}` };
  const code = { label: 'Mã hồ sơ', value: dossier.code };

  if (form === 'receipt') {
    const accepted = last('ACCEPT');
    if (!accepted || !deadlines.receivedAt) throw notFound(`Receipt of dossier ${dossier.code}`);
    const documents = await listDossierDocuments(actor, String(dossier._id));
    return {
      number: 'Mẫu số 01',
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      paragraphs: [
        code,
        who,
        what,
        { label: 'Thời gian giải quyết theo quy định', value: `${deadlines.limitWorkingDays ?? procedure.timeLimitWorkingDays.value} ngày làm việc, kể từ khi tiếp nhận hồ sơ đầy đủ` },
        { label: 'Thời gian tiếp nhận hồ sơ', value: fmt.dateTime(deadlines.receivedAt) },
        { label: 'Thời gian hẹn trả kết quả', value: fmt.date(deadlines.originalDueAt) },
        { label: 'Nơi trả kết quả', value: 'Trực tuyến trên Hệ thống; bản giấy (nếu đăng ký) tại Bộ phận Một cửa Sở Công Thương' },
      ],
      list: { heading: 'Thành phần hồ sơ đã nhận', items: documents.items.map((item) => `${item.name_vi ?? item.code} (bản điện tử, lần nộp ${item.versions[0]?.version ?? 1})`) },
      signer: { role: 'Người tiếp nhận hồ sơ', name: accepted.actor?.name },
      issuedAt: new Date(deadlines.receivedAt),
    };
  }
  if (form === 'refusal') {
    const refused = last('REFUSE_INTAKE');
    if (!refused) throw notFound(`Refusal of dossier ${dossier.code}`);
    return {
      number: 'Mẫu số 03',
      title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      paragraphs: [code, who, what, { label: 'Thời gian từ chối', value: fmt.dateTime(refused.at) }],
      list: { heading: 'Lý do từ chối', items: refused.event.reasons ?? [] },
      signer: { role: 'Người tiếp nhận hồ sơ', name: refused.actor?.name },
      issuedAt: new Date(refused.at),
    };
  }
  // Form 04: the newest apology, given before the decision (RESCHEDULE_RESULT) or with a late decision.
  const apology = [...entries].reverse().find((entry) => entry.event.type === 'RESCHEDULE_RESULT' || ((entry.event.type === 'APPROVE' || entry.event.type === 'REJECT') && entry.event.apologyNote));
  if (!apology) throw notFound(`Apology of dossier ${dossier.code}`);
  const promised = { label: 'Ngày hẹn trả kết quả theo giấy tiếp nhận', value: fmt.date(deadlines.originalDueAt) };
  // Given before the decision: the reasons and the new date as given; with a late decision: the leader's note.
  const before = apology.event.type === 'RESCHEDULE_RESULT';
  return {
    number: 'Mẫu số 04',
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    paragraphs: [
      code,
      who,
      what,
      promised,
      before ? 'Sở Công Thương xin lỗi tổ chức vì hồ sơ chưa được giải quyết đúng thời hạn đã hẹn.' : 'Sở Công Thương xin lỗi tổ chức vì hồ sơ được giải quyết quá thời hạn hẹn trả kết quả.',
      before
        ? { label: 'Ngày hẹn trả kết quả mới', value: fmt.date(new Date(`${apology.event.appointment}T00:00:00+07:00`)) }
        : { label: 'Lý do và ngày hẹn trả kết quả mới', value: apology.event.apologyNote ?? '' },
    ],
    ...(before ? { list: { heading: 'Lý do chậm giải quyết', items: apology.event.reasons ?? [] } } : {}),
    signer: { role: before ? 'Người lập phiếu' : 'Lãnh đạo Sở Công Thương', name: apology.actor?.name },
    issuedAt: new Date(apology.at),
  };
}

/** Renders a form as an A4 PDF (DejaVu Sans: every Vietnamese glyph). */
export async function renderOneStopForm(content: FormContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: content.title, Author: 'Sở Công Thương Hải Phòng' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  const half = width / 2;
  const top = doc.y;
  doc.font('body').fontSize(9).text(`${content.number} (${ONE_STOP_FORM_SET.value})`, 56, top, { width, align: 'right' });
  const headerTop = doc.y + 4;
  doc.font('bold').fontSize(10);
  AUTHORITY.forEach((line, i) => doc.font(i === 0 ? 'body' : 'bold').text(line, 56, headerTop + i * 13, { width: half - 10, align: 'center' }));
  doc.font('bold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 56 + half, headerTop, { width: half, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', 56 + half, headerTop + 13, { width: half, align: 'center' });
  doc.font('body').fontSize(10).text(`Hải Phòng, ${fmt.date(content.issuedAt)}`, 56 + half, headerTop + 32, { width: half, align: 'center' });
  doc.x = 56;
  doc.y = headerTop + 64;
  doc.font('bold').fontSize(13).text(content.title, { width, align: 'center' });
  doc.moveDown(1);
  for (const paragraph of content.paragraphs) {
    if (typeof paragraph === 'string') doc.font('body').fontSize(11).text(paragraph, { width });
    else doc.font('bold').fontSize(11).text(`${paragraph.label}: `, { width, continued: true }).font('body').text(paragraph.value);
    doc.moveDown(0.4);
  }
  if (content.list) {
    doc.moveDown(0.3).font('bold').fontSize(11).text(`${content.list.heading}:`, { width });
    content.list.items.forEach((item, i) => doc.font('body').text(`${i + 1}. ${item}`, { width, indent: 12 }));
  }
  doc.moveDown(2);
  doc.font('bold').fontSize(11).text(content.signer.role.toUpperCase(), 56 + half, doc.y, { width: half, align: 'center' });
  doc.font('body').fontSize(9).text('(Ghi nhận trên Hệ thống)', 56 + half, doc.y, { width: half, align: 'center' });
  doc.moveDown(2).font('bold').fontSize(11).text(content.signer.name ?? '', 56 + half, doc.y, { width: half, align: 'center' });
  doc.end();
  return done;
}

/** A form as a mail attachment (the receipt mail carries form 01), read as the system; undefined if not reached. */
export async function oneStopFormAttachment(dossierId: string, form: OneStopForm): Promise<{ filename: string; content: Buffer; contentType: string } | undefined> {
  try {
    const content = await oneStopFormContent(SYSTEM_SCHEDULER, dossierId, form);
    return { filename: `${FORM_FILE_NAMES[form]}.pdf`, content: await renderOneStopForm(content), contentType: 'application/pdf' };
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return undefined;
    throw error;
  }
}

export const FORM_FILE_NAMES: Record<OneStopForm, string> = { receipt: 'giay-tiep-nhan-hen-tra-ket-qua', refusal: 'phieu-tu-choi-tiep-nhan', apology: 'phieu-xin-loi-hen-lai' };
