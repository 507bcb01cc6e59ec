import type { DossierFacts, WorkflowEventInput, WorkflowType } from '../../../workflows';

/**
 * Events for walking the machines: for every event type at least one that passes its guards and, where a
 * guard exists, one that fails it, so both "accepted" and "refused with a reason" are exercised.
 */
export const READY_FACTS: Record<WorkflowType, DossierFacts> = {
  epr: { obligationComputed: true, complianceMethod: 'recycle', requiredDocumentsMissing: [] },
  renewable_energy: {
    capacityKw: 80,
    surplusSharePercent: 15,
    surplusCapPercent: 20,
    withinCaps: true,
    requiredDocumentsMissing: [],
  },
  emissions_reduction: { inventoryComplete: true, requiredDocumentsMissing: [] },
  green_transformation: { criteriaMet: true, unmetCriteria: [], requiredDocumentsMissing: [] },
};

export const UNREADY_FACTS: Record<WorkflowType, DossierFacts> = {
  epr: { obligationComputed: false, requiredDocumentsMissing: ['recycling_plan'] },
  renewable_energy: {
    surplusSharePercent: 30,
    surplusCapPercent: 20,
    withinCaps: false,
    requiredDocumentsMissing: ['single_line_diagram'],
  },
  emissions_reduction: { inventoryComplete: false, requiredDocumentsMissing: ['activity_data'] },
  green_transformation: {
    criteriaMet: false,
    unmetCriteria: ['industrial_symbiosis'],
    requiredDocumentsMissing: ['cleaner_production_report'],
  },
};

export function sampleEvents(
  type: WorkflowType,
  agencies: readonly string[],
  at = '2026-03-02T02:00:00Z',
): WorkflowEventInput[] {
  const later = '2026-03-20T10:00:00Z';
  return [
    { type: 'SUBMIT', at, dossier: READY_FACTS[type], declaration: true },
    // Ready but undeclared: older versions accept it, the Decree 118 versions refuse it.
    { type: 'SUBMIT', at, dossier: READY_FACTS[type] },
    { type: 'SUBMIT', at, dossier: UNREADY_FACTS[type], declaration: true },
    { type: 'WITHDRAW', at, reason: 'Doanh nghiệp rút hồ sơ' },
    { type: 'REQUEST_SUPPLEMENT', at, reasons: ['Thiếu báo cáo đánh giá tác động môi trường'] },
    { type: 'RESUBMIT', at, dossier: READY_FACTS[type], declaration: true },
    { type: 'RESUBMIT', at, dossier: READY_FACTS[type], clock: 'pause', declaration: true },
    { type: 'RESUBMIT', at, dossier: UNREADY_FACTS[type], declaration: true },
    { type: 'ACCEPT', at },
    { type: 'REFUSE_INTAKE', at, reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết của Sở Công Thương'] },
    { type: 'ALLOW_SUPPLEMENTATION', at, reasons: ['Cần bổ sung kết quả quan trắc mới'] },
    { type: 'REQUEST_OPINIONS', at, dueAt: later },
    ...agencies.flatMap((agency): WorkflowEventInput[] => [
      { type: 'RECORD_OPINION', at, agency, opinion: 'agree' },
      { type: 'OPINION_OVERDUE', at, agency },
    ]),
    { type: 'RECORD_OPINION', at, agency: 'not_consulted', opinion: 'disagree', note: 'Không thuộc thẩm quyền' },
    { type: 'SCHEDULE_INSPECTION', at, scheduledFor: '2026-03-10' },
    { type: 'RECORD_INSPECTION', at, findings: 'Đạt yêu cầu', passed: true },
    { type: 'RECOMMEND', at, decision: 'approve' },
    { type: 'RECOMMEND', at, decision: 'reject', reasons: ['Không đạt tiêu chí cộng sinh công nghiệp'] },
    { type: 'APPROVE', at },
    { type: 'APPROVE', at, apologyNote: 'Xin lỗi vì trễ hạn; hẹn trả kết quả ngày 25/3' },
    { type: 'REJECT', at, reasons: ['Không đáp ứng tiêu chí'] },
    { type: 'REJECT', at, reasons: ['Không đáp ứng tiêu chí'], apologyNote: 'Xin lỗi vì trễ hạn' },
    { type: 'RETURN_FOR_REVIEW', at, reasons: ['Cần làm rõ số liệu'] },
    { type: 'RESCHEDULE_RESULT', at, reasons: ['Chờ kết quả kiểm tra thực tế'], appointment: '2099-12-31' },
    { type: 'RETURN_RESULT', at, channel: 'online' },
    { type: 'REVOKE', at, reasons: ['Vi phạm điều kiện chứng nhận'] },
    { type: 'DEADLINE_WARNING', at, dueAt: later },
    { type: 'DEADLINE_PASSED', at: later, dueAt: later },
    { type: 'CERTIFICATE_EXPIRED', at: later },
  ];
}
