/**
 * Names shared by every dossier workflow. They are plain strings because they are persisted (dossier
 * documents, the event log) and shown in the API; renaming one is a data migration, not a refactor.
 */
export const WORKFLOW_TYPES = ['green_transformation', 'epr', 'renewable_energy', 'emissions_reduction'] as const;
export type WorkflowType = (typeof WORKFLOW_TYPES)[number];

/** Top-level (flat) state names. `consultation` exists only in machines built with consulted agencies. */
export const WORKFLOW_STATES = [
  'draft',
  'submitted',
  'supplementation_requested',
  'consultation',
  'technical_review',
  'inspection',
  'awaiting_decision',
  'approved',
  'rejected',
  /** Refused at intake (form 03): the dossier was never received; DVCQG status 3 "không được tiếp nhận". */
  'refused_at_intake',
  'withdrawn',
  'revoked',
  'expired',
] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const FINAL_STATES: readonly WorkflowState[] = ['rejected', 'refused_at_intake', 'withdrawn', 'revoked', 'expired'];

/**
 * States in which the applicant holds the dossier (a draft to submit, a supplementation to answer): where every
 * machine accepts SUBMIT or RESUBMIT. Whether one dossier may be edited now is read from its machine
 * (`isEditable` in evaluate.ts); this list is for pages that only know a state name.
 */
export const APPLICANT_STATES = ['draft', 'supplementation_requested'] as const satisfies readonly WorkflowState[];

/**
 * States in which the legal processing clock can run, so the scheduler's deadline events are meaningful.
 * Draft (not yet received) and approved (processing finished) are deliberately not among them.
 */
export const PROCESSING_STATES = [
  'submitted',
  'supplementation_requested',
  'consultation',
  'technical_review',
  'inspection',
  'awaiting_decision',
] as const satisfies readonly WorkflowState[];

export const WORKFLOW_EVENT_TYPES = [
  'SUBMIT',
  'WITHDRAW',
  'REQUEST_SUPPLEMENT',
  'RESUBMIT',
  'ACCEPT',
  'REFUSE_INTAKE',
  'ALLOW_SUPPLEMENTATION',
  'REQUEST_OPINIONS',
  'RECORD_OPINION',
  'OPINION_OVERDUE',
  'SCHEDULE_INSPECTION',
  'RECORD_INSPECTION',
  'RECOMMEND',
  'APPROVE',
  'REJECT',
  'RETURN_FOR_REVIEW',
  'RESCHEDULE_RESULT',
  'RETURN_RESULT',
  'REVOKE',
  'DEADLINE_WARNING',
  'DEADLINE_PASSED',
  'CERTIFICATE_EXPIRED',
] as const;
export type WorkflowEventType = (typeof WORKFLOW_EVENT_TYPES)[number];

/** Events only the durable scheduler sends; the role table should refuse them from people. */
export const SYSTEM_EVENT_TYPES: readonly WorkflowEventType[] = [
  'DEADLINE_WARNING',
  'DEADLINE_PASSED',
  'OPINION_OVERDUE',
  'CERTIFICATE_EXPIRED',
];
