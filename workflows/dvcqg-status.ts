import type { WorkflowEventType, WorkflowState } from './workflow-types';

/**
 * The National Public Service Portal's (DVCQG) dossier status codes, as public integrations use them (OpenCPS and
 * published integration descriptions; not the official text: unverified). A status is what the portal shows of a
 * dossier; each progress step we report carries one.
 */
export const DVCQG_STATUSES = {
  1: { vi: 'Mới đăng ký', en: 'Registered' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Not received' },
  4: { vi: 'Đang xử lý', en: 'Processing' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplementation requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Financial obligation requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn at the applicant\'s request' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processed' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const;
export type DvcqgStatus = keyof typeof DVCQG_STATUSES;

export const DVCQG_SOURCE = {
  verified: false,
  vi: 'Bảng mã trạng thái hồ sơ theo các hệ thống tích hợp công khai (OpenCPS) và mô tả tích hợp đã công bố; chưa đối chiếu văn bản chính thức.',
  en: 'Status codes as public integrations (OpenCPS) and published integration descriptions use them; not checked against the official text.',
} as const;

/**
 * A state's status, or why it has none on the portal: `not_sent` (the portal never hears of a draft),
 * `after_result` (a certificate's later life: revocation and expiry are not dossier processing).
 */
export type StateMapping = { status: DvcqgStatus } | { none: 'not_sent' | 'after_result' };
/**
 * An event's progress step: the status of the state it leads to (`target`), a status of its own, or none:
 * `internal` (a reminder or a marker the scheduler records; no step is reported) or `after_result`.
 */
export type EventMapping = 'target' | { status: DvcqgStatus } | { none: 'internal' | 'after_result' };

export interface DvcqgMapping {
  version: number;
  states: Record<WorkflowState, StateMapping>;
  events: Record<WorkflowEventType, EventMapping>;
}

/**
 * Mapping 1, used by every published machine version (a new machine version that changes the meaning of a state
 * names a new mapping version here). The national list's 6 (financial obligation) and 8 (processing stopped) have
 * no state of ours: the procedures here charge no fee, and the Department never stops processing except by a
 * decision, which is 9.
 */
const MAPPING_V1: DvcqgMapping = {
  version: 1,
  states: {
    draft: { none: 'not_sent' },
    submitted: { status: 1 },
    supplementation_requested: { status: 5 },
    consultation: { status: 4 },
    technical_review: { status: 4 },
    inspection: { status: 4 },
    awaiting_decision: { status: 4 },
    approved: { status: 9 },
    rejected: { status: 9 },
    refused_at_intake: { status: 3 },
    withdrawn: { status: 7 },
    revoked: { none: 'after_result' },
    expired: { none: 'after_result' },
  },
  events: {
    SUBMIT: 'target',
    RESUBMIT: 'target',
    WITHDRAW: 'target',
    REQUEST_SUPPLEMENT: 'target',
    // Receipt of a complete dossier (Decree 118 versions): the portal's "received", whatever state follows.
    ACCEPT: { status: 2 },
    REFUSE_INTAKE: 'target',
    ALLOW_SUPPLEMENTATION: { status: 4 },
    REQUEST_OPINIONS: 'target',
    RECORD_OPINION: 'target',
    SCHEDULE_INSPECTION: 'target',
    RECORD_INSPECTION: 'target',
    RECOMMEND: 'target',
    APPROVE: 'target',
    REJECT: 'target',
    RETURN_FOR_REVIEW: 'target',
    RESCHEDULE_RESULT: { status: 4 },
    RETURN_RESULT: { status: 10 },
    REVOKE: { none: 'after_result' },
    OPINION_OVERDUE: { none: 'internal' },
    DEADLINE_WARNING: { none: 'internal' },
    DEADLINE_PASSED: { none: 'internal' },
    CERTIFICATE_EXPIRED: { none: 'after_result' },
  },
};

const MAPPINGS: readonly DvcqgMapping[] = [MAPPING_V1];

/** The mapping a machine version reports with (all published versions: mapping 1). */
export function dvcqgMappingFor(_type: string, _version: number): DvcqgMapping {
  return MAPPINGS[MAPPINGS.length - 1]!;
}

/** The status a progress step reports: its own, else the one of the state it leads to; undefined when none is reported. */
export function dvcqgStatusOfStep(mapping: DvcqgMapping, event: WorkflowEventType, to: WorkflowState): DvcqgStatus | undefined {
  const rule = mapping.events[event];
  if (rule === 'target') {
    const state = mapping.states[to];
    return 'status' in state ? state.status : undefined;
  }
  return 'status' in rule ? rule.status : undefined;
}
