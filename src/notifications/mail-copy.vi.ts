import type { MailCopy, MailFacts } from './mail-copy';
import { formatLocalDay, formatMailDate } from './mail-format';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  green_transformation: 'chuyển đổi xanh',
  epr: 'trách nhiệm mở rộng của nhà sản xuất (EPR)',
  renewable_energy: 'điện mặt trời mái nhà',
  emissions_reduction: 'giảm phát thải khí nhà kính',
};

const SIGNATURE = 'Sở Công Thương Hải Phòng\nThư này được gửi tự động, vui lòng không trả lời.';
const greeting = (f: { recipientName: string }) => `Kính gửi ${f.recipientName},`;
const dossier = (f: MailFacts) => `hồ sơ ${TYPE_NAMES[f.dossierType] ?? f.dossierType} mã ${f.dossierCode} («${f.dossierTitle}»)`;
const reasons = (f: MailFacts) => (f.reasons.length > 0 ? [{ kind: 'list' as const, items: f.reasons }] : []);
const dossierLink = (f: MailFacts) => ({ kind: 'link' as const, label: 'Xem hồ sơ', url: f.dossierUrl });
const due = (f: MailFacts) => (f.dueAt ? formatMailDate(f.dueAt, 'vi') : 'chưa xác định');

export const vietnameseCopy: MailCopy = {
  submission_received: (f) => ({
    subject: `[${f.dossierCode}] Đã nhận hồ sơ nộp trực tuyến`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `Sở Công Thương đã nhận ${dossier(f)} và sẽ kiểm tra thành phần hồ sơ chậm nhất ngày ${due(f)}.` },
      { kind: 'paragraph', text: 'Thời hạn giải quyết được tính từ khi hồ sơ đầy đủ được tiếp nhận; khi đó Sở sẽ gửi giấy tiếp nhận và hẹn trả kết quả.' },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  intake_refused: (f) => ({
    subject: `[${f.dossierCode}] Hồ sơ không được tiếp nhận`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `Sở Công Thương từ chối tiếp nhận ${dossier(f)}, với các lý do sau:` }, ...reasons(f), dossierLink(f)],
    signature: SIGNATURE,
  }),
  receipt: (f) => ({
    subject: `[${f.dossierCode}] Đã tiếp nhận hồ sơ`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `Sở Công Thương đã tiếp nhận ${dossier(f)}.` },
      { kind: 'paragraph', text: `Ngày hẹn trả kết quả: ${due(f)}.` },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  supplement_received: (f) => ({
    subject: `[${f.dossierCode}] Đã nhận hồ sơ bổ sung`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `Sở Công Thương đã nhận hồ sơ bổ sung của ${dossier(f)} và tiếp tục giải quyết.` },
      { kind: 'paragraph', text: `Ngày hẹn trả kết quả: ${due(f)}.` },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  result_rescheduled: (f) => ({
    subject: `[${f.dossierCode}] Xin lỗi và hẹn lại ngày trả kết quả`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `Sở Công Thương xin lỗi quý đơn vị vì ${dossier(f)} chưa được giải quyết đúng thời hạn đã hẹn, vì các lý do sau:` },
      ...reasons(f),
      { kind: 'paragraph', text: `Ngày hẹn trả kết quả mới: ${f.appointment ? formatLocalDay(f.appointment, 'vi') : 'chưa xác định'}. Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu số 04) được gửi kèm thư này.` },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  supplementation_requested: (f) => ({
    subject: `[${f.dossierCode}] Yêu cầu bổ sung hồ sơ`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `Để tiếp tục xử lý ${dossier(f)}, đề nghị quý đơn vị bổ sung, hoàn thiện các nội dung sau:` },
      ...reasons(f),
      { kind: 'paragraph', text: 'Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ bổ sung.' },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  decision_requested: (f) => ({
    subject: `[${f.dossierCode}] Hồ sơ chờ lãnh đạo quyết định`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `Chuyên viên đã trình ${dossier(f)} để lãnh đạo Sở quyết định. Hạn giải quyết: ${due(f)}.` },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  approved: (f) => ({
    subject: `[${f.dossierCode}] Hồ sơ đã được chấp thuận`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `Sở Công Thương đã chấp thuận ${dossier(f)}.` },
      ...(f.certificate
        ? [
            { kind: 'paragraph' as const, text: `Giấy chứng nhận số ${f.certificate.number} đã được cấp. Bất kỳ ai cũng có thể kiểm tra giấy chứng nhận tại:` },
            { kind: 'link' as const, label: 'Kiểm tra giấy chứng nhận', url: f.certificate.url },
          ]
        : []),
    ],
    signature: SIGNATURE,
  }),
  rejected: (f) => ({
    subject: `[${f.dossierCode}] Hồ sơ không được chấp thuận`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `Sở Công Thương không chấp thuận ${dossier(f)}, với các lý do sau:` }, ...reasons(f), dossierLink(f)],
    signature: SIGNATURE,
  }),
  revoked: (f) => ({
    subject: `[${f.dossierCode}] Thu hồi giấy chứng nhận`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `Giấy chứng nhận cấp theo ${dossier(f)} đã bị thu hồi, với các lý do sau:` }, ...reasons(f), dossierLink(f)],
    signature: SIGNATURE,
  }),
  deadline_warning: (f) => ({
    subject: `[${f.dossierCode}] Sắp đến hạn giải quyết hồ sơ`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `Hồ sơ mã ${f.dossierCode} («${f.dossierTitle}») sắp đến hạn giải quyết: ${due(f)}. Đề nghị xử lý trước thời hạn.` }, dossierLink(f)],
    signature: SIGNATURE,
  }),
  intake_due_warning: (f) => ({
    subject: `[${f.dossierCode}] Sắp hết hạn kiểm tra thành phần hồ sơ`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `Hồ sơ mã ${f.dossierCode} («${f.dossierTitle}») sắp hết hạn kiểm tra thành phần: ${due(f)}. Đề nghị tiếp nhận, yêu cầu bổ sung hoặc từ chối tiếp nhận trước thời hạn.` }, dossierLink(f)],
    signature: SIGNATURE,
  }),
  digest: (f) => ({
    subject: `Tổng hợp thông báo ngày ${formatLocalDay(f.day, 'vi')}`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `Có ${f.items.length} thông báo mới:` }, { kind: 'list', items: f.items.map((item) => `${item.subject} — ${item.url}`) }],
    signature: SIGNATURE,
  }),
};
