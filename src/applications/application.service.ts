import { Types } from 'mongoose';
import type { z } from 'zod';
import { allowedEvents, initialSnapshot } from '../../workflows/evaluate';
import { getWorkflow, latestVersion } from '../../workflows/registry';
import { recordAudit } from '../audit';
import { canReadDossier, EVENT_PERMISSIONS, isApplicant, type Actor } from '../auth';
import { allocateSequence } from '../db';
import { forbidden, notFound, UNKNOWN_FIELD_MESSAGE, validationFailed, zodFieldErrors } from '../errors';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import type { CreateApplicationInput, ListApplicationsQuery, UpdateApplicationInput } from './application.schemas';
import { GENESIS_HASH } from './audit-chain';
import { clearPendingSync, markPendingSync } from './dossier-cache';
import { NO_DEADLINES } from './dossier-clock';
import { dossierEventId } from './dossier-event.model';
import { writeSummary } from './read-model/dossier-directory';
import { summaryFromRecord } from './read-model/dossier-summary';
import { assertRegisteredComplex, dossierIsEditable, editDossier } from './dossier-changes';
import { assessDossier } from './dossier-facts';
import { withDocumentNames } from './apply-event';
import { DOSSIER_TYPES } from './dossier-types';
import { findInListOrder, presentDossier, type DossierFilter } from './read-model/dossier-reads';

export { presentDossier };

const dataFieldErrors = (error: z.ZodError) => zodFieldErrors(error.issues, UNKNOWN_FIELD_MESSAGE, ['data']);

export async function loadReadableDossier(actor: Actor, id: string): Promise<ApplicationRecord> {
  if (!Types.ObjectId.isValid(id)) throw notFound(`Dossier ${id}`);
  const dossier = await ApplicationModel.findById(id).lean<ApplicationRecord>();
  // Someone else's dossier looks exactly like a missing one.
  if (!dossier || !canReadDossier(actor, String(dossier.organizationId))) throw notFound(`Dossier ${id}`);
  return dossier;
}

/** Opens a draft: allocates the readable code, pins the workflow version, computes what can be computed. */
export async function createApplication(actor: Actor, input: CreateApplicationInput, now: Date): Promise<ApplicationRecord> {
  if (actor.kind !== 'user' || !isApplicant(actor) || !actor.organizationId) {
    throw forbidden('Only a business or an industrial-complex operator files applications, for its own organization.');
  }
  const definition = DOSSIER_TYPES[input.type];
  const parsed = definition.dataSchema.safeParse(input.data);
  if (!parsed.success) throw validationFailed(dataFieldErrors(parsed.error));

  await assertRegisteredComplex(input.industrialComplexCode);
  const year = now.getUTCFullYear();
  const number = await allocateSequence(`dossier:${definition.codePrefix}:${year}`, now);
  const code = `HP-${definition.codePrefix}-${year}-${String(number).padStart(6, '0')}`;
  const version = latestVersion(input.type);
  const _id = new Types.ObjectId();
  const draft = { _id, type: input.type, organizationId: actor.organizationId, data: parsed.data };
  const { results } = await assessDossier(draft, now);

  // A crash between the document and its summary leaves the marker, and the repair writes the summary.
  const marker = await markPendingSync(String(_id), dossierEventId(String(_id), 0));
  await ApplicationModel.create({
    ...draft,
    code,
    title: input.title,
    industrialComplexCode: input.industrialComplexCode,
    createdBy: actor.userId,
    workflow: { id: getWorkflow(input.type, version).id, version },
    snapshot: initialSnapshot(input.type, version),
    state: 'draft',
    sequence: 0,
    lastHash: GENESIS_HASH,
    results,
    deadlines: NO_DEADLINES,
  });
  const created = await loadReadableDossier(actor, String(_id));
  await writeSummary(summaryFromRecord(created));
  clearPendingSync(marker);
  await recordAudit({ at: now, actor, action: 'dossier.created', target: { kind: 'dossier', id: String(_id), label: code } });
  return created;
}

/** Edits a draft or a dossier under supplementation: one log entry (dossier-changes.ts), then the fresh view. */
export async function updateApplication(actor: Actor, id: string, input: UpdateApplicationInput, now: Date): Promise<ApplicationRecord> {
  await editDossier(actor, id, input, now);
  return loadReadableDossier(actor, id);
}

/** The dossier page: data, computed figures with their explanation, what is missing, and the actions allowed. */
export async function describeApplication(actor: Actor, id: string, now: Date) {
  const dossier = await loadReadableDossier(actor, id);
  const assessment = await assessDossier(dossier, now);
  const role = actor.kind === 'system' ? 'system' : actor.role;
  const ownsDossier = actor.kind === 'user' && actor.organizationId === String(dossier.organizationId);
  const actions = allowedEvents(dossier.type, dossier.workflow.version, dossier.snapshot).filter((type) => {
    const permission = EVENT_PERMISSIONS[type];
    return permission.senders.includes(role) && (!permission.ownDossierOnly || ownsDossier);
  });
  const editable = dossierIsEditable(dossier);
  // While the applicant may still change it: what would stop a submission today, as the machine's own guard says.
  const submissionProblems = editable ? withDocumentNames(dossier.type, getWorkflow(dossier.type, dossier.workflow.version).submissionProblems(assessment.facts)) : [];
  return {
    ...presentDossier(dossier, now),
    data: dossier.data,
    results: assessment.results,
    requiredDocumentsMissing: assessment.requiredDocumentsMissing,
    submissionProblems,
    allowedActions: actions,
    editable,
  };
}

/** The API list and "my dossiers": applicants see only their organization's; open dossiers first, most urgent first. */
export async function listApplications(actor: Actor, query: ListApplicationsQuery, now: Date) {
  const filter: DossierFilter = {
    ...(actor.kind === 'user' && isApplicant(actor) ? { organizationId: actor.organizationId ?? '' } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.state ? { state: query.state } : {}),
    ...(query.ic ? { industrialComplexCode: query.ic } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
  };
  const found = await findInListOrder(filter, now);
  const items = found.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return { total: found.length, page: query.page, pageSize: query.pageSize, items: items.map((d) => presentDossier(d, now)) };
}
