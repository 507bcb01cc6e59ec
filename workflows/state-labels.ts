import type { WorkflowState } from './workflow-types';

/** Names people read; the flat state ids stay in the data and the API. */
export const STATE_LABELS: Record<WorkflowState, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã nộp, chờ kiểm tra thành phần', en: 'Submitted, completeness check' },
  supplementation_requested: { vi: 'Yêu cầu bổ sung', en: 'Supplementation requested' },
  consultation: { vi: 'Đang lấy ý kiến các cơ quan', en: 'Consulting agencies' },
  technical_review: { vi: 'Thẩm định', en: 'Technical review' },
  inspection: { vi: 'Kiểm tra thực tế', en: 'Site inspection' },
  awaiting_decision: { vi: 'Chờ lãnh đạo quyết định', en: 'Awaiting decision' },
  approved: { vi: 'Đã chấp thuận', en: 'Approved' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  refused_at_intake: { vi: 'Không được tiếp nhận', en: 'Refused at intake' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
};
