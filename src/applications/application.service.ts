import { trusted, Types } from 'mongoose';
import type { z } from 'zod';
import { allowedEvents, initialSnapshot } from '../../workflows/evaluate';
import { getWorkflow, latestVersion } from '../../workflows/registry';
import { PROCESSING_STATES, type WorkflowType } from '../../workflows/workflow-types';
import { recordAudit } from '../audit';
import { canReadDossier, EVENT_PERMISSIONS, type Actor } from '../auth';
import { allocateSequence } from '../db';
import { forbidden, notFound, UNKNOWN_FIELD_MESSAGE, validationFailed, zodFieldErrors } from '../errors';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import type { CreateApplicationInput, ListApplicationsQuery, UpdateApplicationInput } from './application.schemas';
import { GENESIS_HASH } from './audit-chain';
import { NO_DEADLINES } from './dossier-clock';
import { dossierIsEditable, editDossier } from './dossier-changes';
import { assessDossier } from './dossier-facts';
import { DOSSIER_TYPES } from './dossier-types';

const isApplicant = (actor: Actor) => actor.kind === 'user' && (actor.role === 'business' || actor.role === 'ic_operator');

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

  const year = now.getUTCFullYear();
  const number = await allocateSequence(`dossier:${definition.codePrefix}:${year}`, now);
  const code = `HP-${definition.codePrefix}-${year}-${String(number).padStart(6, '0')}`;
  const version = latestVersion(input.type);
  const _id = new Types.ObjectId();
  const draft = { _id, type: input.type, organizationId: actor.organizationId, data: parsed.data };
  const { results } = await assessDossier(draft, now);

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
  await recordAudit({ at: now, actor, action: 'dossier.created', target: { kind: 'dossier', id: String(_id), label: code } });
  return loadReadableDossier(actor, String(_id));
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
  return { ...presentDossier(dossier, now), data: dossier.data, results: assessment.results, requiredDocumentsMissing: assessment.requiredDocumentsMissing, allowedActions: actions, editable: dossierIsEditable(dossier) };
}

export function presentDossier(dossier: ApplicationRecord, now: Date) {
  const deadlines = dossier.deadlines as { currentDueAt?: Date | null; originalDueAt?: Date; overdue?: boolean };
  const processing = (PROCESSING_STATES as readonly string[]).includes(dossier.state);
  const overdue = processing && (Boolean(deadlines.overdue) || (deadlines.currentDueAt ? new Date(deadlines.currentDueAt) < now : false));
  return {
    id: String(dossier._id),
    code: dossier.code,
    type: dossier.type,
    title: dossier.title,
    state: dossier.state,
    organizationId: String(dossier.organizationId),
    industrialComplexCode: dossier.industrialComplexCode,
    workflow: dossier.workflow,
    sequence: dossier.sequence,
    deadlines: dossier.deadlines,
    overdue,
    submittedAt: dossier.submittedAt,
    decidedAt: dossier.decidedAt,
    createdAt: dossier.createdAt,
  };
}

/** Queue and "my dossiers": applicants see only their organization's; overdue and soonest-due first. */
export async function listApplications(actor: Actor, query: ListApplicationsQuery, now: Date) {
  const filter: Record<string, unknown> = {};
  if (actor.kind === 'user' && isApplicant(actor)) filter.organizationId = actor.organizationId;
  if (query.type) filter.type = query.type as WorkflowType;
  if (query.state) filter.state = query.state;
  if (query.ic) filter.industrialComplexCode = query.ic;
  if (query.overdue !== undefined) {
    // Operators we write ourselves are marked trusted; sanitizeFilter would neutralise them otherwise.
    const late = {
      state: trusted({ $in: PROCESSING_STATES }),
      $or: [{ 'deadlines.overdue': true }, { 'deadlines.currentDueAt': trusted({ $lt: now }) }],
    };
    Object.assign(filter, query.overdue ? late : { $nor: [late] });
  }
  const [total, items] = await Promise.all([
    ApplicationModel.countDocuments(filter),
    ApplicationModel.find(filter)
      .sort({ 'deadlines.currentDueAt': 1, createdAt: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<ApplicationRecord[]>(),
  ]);
  return { total, page: query.page, pageSize: query.pageSize, items: items.map((d) => presentDossier(d, now)) };
}
