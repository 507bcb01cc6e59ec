import type { ApplicationRecord } from '../application.model';
import type { DossierCache } from '../dossier-cache';
import type { DossierSummary } from './dossier-summary.model';
import { reportFactsOf } from './report-facts';

/** The dossier fields a summary takes from the document itself (fixed at creation, or older than the log's `after`). */
export const SUMMARY_IDENTITY = { type: 1, code: 1, nationalCode: 1, organizationId: 1, title: 1, industrialComplexCode: 1, assigneeId: 1, workflow: 1, createdAt: 1, data: 1, results: 1 } as const;
export type SummaryIdentity = Pick<ApplicationRecord, 'type' | 'code' | 'nationalCode' | 'organizationId' | 'title' | 'industrialComplexCode' | 'assigneeId' | 'workflow' | 'createdAt'> &
  Partial<Pick<ApplicationRecord, 'data' | 'results'>>;

const DEADLINE_DATES = ['receivedAt', 'originalDueAt', 'currentDueAt', 'warningAt'] as const;
const asDate = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value) : value);

/** Log entries keep dates as ISO strings (they are hashed as JSON); the summary holds them as dates, like the document. */
function deadlinesWithDates(deadlines: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...deadlines };
  for (const key of DEADLINE_DATES) if (copy[key] !== undefined && copy[key] !== null) copy[key] = asDate(copy[key]);
  if (copy.intake && typeof copy.intake === 'object') {
    const intake = copy.intake as Record<string, unknown>;
    copy.intake = { ...intake, startedAt: asDate(intake.startedAt), dueAt: asDate(intake.dueAt), ...(intake.warningAt ? { warningAt: asDate(intake.warningAt) } : {}) };
  }
  if (Array.isArray(copy.supplementations)) {
    copy.supplementations = (copy.supplementations as Record<string, unknown>[]).map((s) => ({
      ...s,
      ...(s.requestedAt ? { requestedAt: asDate(s.requestedAt) } : {}),
      ...(s.resubmittedAt ? { resubmittedAt: asDate(s.resubmittedAt) } : {}),
    }));
  }
  return copy;
}

/** What a log entry's `after` tells a summary. */
type SummaryFacts = Pick<DossierCache, 'state' | 'deadlines' | 'submittedAt' | 'decidedAt' | 'title' | 'industrialComplexCode' | 'assigneeId' | 'data' | 'results' | 'nationalCode'>;

/** The summary a dossier has once the entry is applied: its fixed fields plus what the entry states. */
export function summaryOf(dossierId: string, identity: SummaryIdentity, head: { sequence: number; after: SummaryFacts }): DossierSummary {
  const { title, industrialComplexCode, assigneeId, data, results } = head.after;
  const complex = industrialComplexCode === undefined ? identity.industrialComplexCode : (industrialComplexCode ?? undefined);
  const assignee = assigneeId === undefined ? (identity.assigneeId ? String(identity.assigneeId) : undefined) : (assigneeId ?? undefined);
  return {
    _id: dossierId,
    code: identity.code,
    ...((head.after.nationalCode ?? identity.nationalCode) ? { nationalCode: head.after.nationalCode ?? identity.nationalCode } : {}),
    type: identity.type,
    title: title ?? identity.title,
    organizationId: String(identity.organizationId),
    ...(complex ? { industrialComplexCode: complex } : {}),
    ...(assignee ? { assigneeId: assignee } : {}),
    state: head.after.state,
    sequence: head.sequence,
    workflow: { id: identity.workflow.id, version: identity.workflow.version },
    deadlines: deadlinesWithDates(head.after.deadlines as unknown as Record<string, unknown>),
    ...(head.after.submittedAt ? { submittedAt: new Date(head.after.submittedAt) } : {}),
    ...(head.after.decidedAt ? { decidedAt: new Date(head.after.decidedAt) } : {}),
    createdAt: identity.createdAt,
    // An entry logged before data edits went through the log lacks data and results: the document's stand.
    report: reportFactsOf(identity.type, data ?? identity.data, results ?? identity.results),
  };
}

/** The summary of a dossier document as it stands (at creation, and when rebuilding from the documents). */
export function summaryFromRecord(record: SummaryIdentity & Pick<ApplicationRecord, '_id' | 'state' | 'sequence' | 'deadlines' | 'submittedAt' | 'decidedAt'>): DossierSummary {
  return summaryOf(String(record._id), record, {
    sequence: record.sequence,
    after: {
      state: record.state,
      deadlines: record.deadlines as never,
      ...(record.submittedAt ? { submittedAt: new Date(record.submittedAt).toISOString() } : {}),
      ...(record.decidedAt ? { decidedAt: new Date(record.decidedAt).toISOString() } : {}),
    },
  });
}
