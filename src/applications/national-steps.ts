import type { DvcqgStatus } from '../../workflows/dvcqg-status';
import { portalStatus, statusOf } from './national-status';
import type { WorkflowEventType, WorkflowState, WorkflowType } from '../../workflows/workflow-types';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import type { DossierCache } from './dossier-cache';
import { readLog } from './dossier-history.service';
import { dossierDirectory } from './read-model/dossier-directory';

/**
 * The dossier's progress as the National Public Service Portal (DVCQG) is told it. The portal hears of a dossier
 * at its receipt, when it gets its national code: entries before it (submission, a completeness check, a refusal
 * at intake) are not reported, since the portal keys every record by that code. From the receipt on, each entry
 * whose event the status mapping gives a status is one progress step (portalStatus says how the receipt and
 * what follows it read).
 */
export interface NationalStep {
  sequence: number;
  entryId: string;
  event: WorkflowEventType;
  to: WorkflowState;
  status: DvcqgStatus;
  at: Date;
  actor: { kind: 'user' | 'system'; name?: string; role: string };
  /** The step that gave the national code: the portal first hears of the dossier here. */
  receipt: boolean;
}

export interface NationalDossier {
  dossierId: string;
  code: string;
  nationalCode: string;
  type: WorkflowType;
  title: string;
  organizationId: string;
  receivedAt: Date;
  /** The appointment for the result: a rescheduled one (form 04), else the due date, else (clock paused) the first one. */
  appointmentAt?: Date;
  /** The statutory due date as the step left it. */
  dueAt?: Date;
  decidedAt?: Date;
  returnedAt?: Date;
  supplementations: { requestedAt: Date; resubmittedAt?: Date }[];
  /** The steps through the one asked for, in order. */
  steps: NationalStep[];
}

const asDate = (value: unknown) => (value ? new Date(value as string) : undefined);

/** The dossier as the portal sees it once `through` is logged; undefined before its receipt or for an unknown dossier. */
export async function nationalDossierAt(dossierId: string, through: number): Promise<NationalDossier | undefined> {
  const dossier = await ApplicationModel.findById(dossierId, { code: 1, type: 1, title: 1, organizationId: 1, workflow: 1 }).lean<ApplicationRecord>();
  if (!dossier) return undefined;
  const entries = (await readLog(dossierId)).filter((entry) => entry.sequence <= through);
  const last = entries.at(-1);
  const after = last?.after as DossierCache | undefined;
  if (!last || !after?.nationalCode || !after.deadlines.receivedAt) return undefined;
  const steps: NationalStep[] = [];
  let coded = false;
  let returnedAt: Date | undefined;
  for (const entry of entries) {
    const cache = entry.after as DossierCache;
    const event = (entry.event as { type: string }).type;
    if (event === 'RETURN_RESULT') returnedAt = entry.at;
    if (!cache.nationalCode) continue;
    const receipt = !coded;
    coded = true;
    const mapped = statusOf(dossier.type, dossier.workflow.version, event, String(entry.to));
    if (mapped === undefined) continue;
    const actor = entry.actor as NationalStep['actor'];
    steps.push({
      sequence: entry.sequence,
      entryId: entry._id,
      event: event as WorkflowEventType,
      to: entry.to as WorkflowState,
      status: portalStatus(mapped, receipt),
      at: entry.at,
      actor: { kind: actor.kind, role: actor.role, ...(actor.name ? { name: actor.name } : {}) },
      receipt,
    });
  }
  const deadlines = after.deadlines;
  // While a paused clock waits for the applicant there is no due date: the appointment first given stands.
  const appointment = asDate(deadlines.rescheduledTo ?? deadlines.currentDueAt ?? deadlines.originalDueAt);
  return {
    dossierId,
    code: dossier.code,
    nationalCode: after.nationalCode,
    type: dossier.type as WorkflowType,
    title: after.title ?? dossier.title,
    organizationId: String(dossier.organizationId),
    receivedAt: new Date(deadlines.receivedAt!),
    ...(appointment ? { appointmentAt: appointment } : {}),
    ...(asDate(deadlines.currentDueAt) ? { dueAt: asDate(deadlines.currentDueAt) } : {}),
    ...(asDate(after.decidedAt) ? { decidedAt: asDate(after.decidedAt) } : {}),
    ...(returnedAt ? { returnedAt } : {}),
    supplementations: deadlines.supplementations.map((s) => ({ requestedAt: new Date(s.requestedAt), ...(s.resubmittedAt ? { resubmittedAt: new Date(s.resubmittedAt) } : {}) })),
    steps,
  };
}

/** Every dossier with a national code, from the read model: what the nightly check looks over. */
export async function nationallyCodedDossiers(): Promise<{ dossierId: string; nationalCode: string; code: string; sequence: number; receivedAt?: Date }[]> {
  const directory = await dossierDirectory();
  return [...directory.all()]
    .filter((summary) => summary.nationalCode)
    .map((summary) => ({
      dossierId: String(summary._id),
      nationalCode: summary.nationalCode!,
      code: summary.code,
      sequence: summary.sequence,
      ...(summary.deadlines.receivedAt ? { receivedAt: new Date(summary.deadlines.receivedAt as string) } : {}),
    }));
}
