import type { z } from 'zod';
import { isEditable } from '../../workflows/evaluate';
import { PROCESSING_STATES } from '../../workflows/workflow-types';
import { recordAudit } from '../audit';
import { activeOfficerId, canReadDossier, isApplicant, isDepartmentStaff, type Actor } from '../auth';
import { AppError, forbidden, isAppError, notFound, UNKNOWN_FIELD_MESSAGE, validationFailed, zodFieldErrors } from '../errors';
import type { ApplicationRecord } from './application.model';
import type { UpdateApplicationInput } from './application.schemas';
import { assessDossier } from './dossier-facts';
import { appendEntry, cacheOf, currentDossier, type CurrentDossier } from './dossier-log';
import { DOSSIER_TYPES } from './dossier-types';
import { industrialComplexExists } from '../organizations';

/**
 * Changes to a dossier that are not workflow events, logged like them (DESIGN: the log is the dossier
 * document's one writer): the applicant's data edits and the officers' assignment.
 */
export const DOSSIER_CHANGE_EVENTS = ['UPDATE_DATA', 'ASSIGN'] as const;
export type DossierChangeEvent = (typeof DOSSIER_CHANGE_EVENTS)[number];

/** A change lost its race when another entry took its sequence; it is judged again on the new head. */
const CHANGE_ATTEMPTS = 5;

async function withRetryOnConflict<T>(change: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await change();
    } catch (error) {
      if (!(isAppError(error) && error.code === 'conflict' && error.extensions.sequence !== undefined) || attempt >= CHANGE_ATTEMPTS) throw error;
    }
  }
}

/** The dossier as its log head says it is, if the actor may read it (someone else's looks missing). */
async function readableCurrent(actor: Actor, id: string): Promise<CurrentDossier> {
  const current = await currentDossier(id);
  if (!current || !canReadDossier(actor, String(current.dossier.organizationId))) throw notFound(`Dossier ${id}`);
  return current;
}

export const dossierIsEditable = (dossier: Pick<ApplicationRecord, 'type' | 'workflow' | 'snapshot'>) =>
  isEditable(dossier.type, dossier.workflow.version, dossier.snapshot);

export function notEditable(dossier: Pick<ApplicationRecord, 'state'>, detail = `A dossier in state ${dossier.state} cannot be edited.`) {
  return new AppError('conflict', 'Dossier not editable', { detail, extensions: { reason: 'dossier_not_editable', state: dossier.state } });
}

async function editableCurrent(actor: Actor, id: string, detail?: string): Promise<CurrentDossier> {
  const current = await readableCurrent(actor, id);
  const { dossier } = current;
  if (!isApplicant(actor) || actor.kind !== 'user' || actor.organizationId !== String(dossier.organizationId)) {
    throw forbidden('Only the applicant changes its dossier.');
  }
  if (!dossierIsEditable(dossier)) throw notEditable(dossier, detail);
  return current;
}

/** For uploads: the applicant's own dossier, and only while the log head says it is editable. */
export async function loadEditableDossier(actor: Actor, id: string, detail?: string): Promise<ApplicationRecord> {
  return (await editableCurrent(actor, id, detail)).dossier;
}

const dataFieldErrors = (error: z.ZodError) => zodFieldErrors(error.issues, UNKNOWN_FIELD_MESSAGE, ['data']);

/** A dossier names only a registered industrial park or cluster: a typo would drop it from that complex's figures. */
export async function assertRegisteredComplex(code: string | null | undefined): Promise<void> {
  if (!code || (await industrialComplexExists(code))) return;
  throw validationFailed([{ field: 'industrialComplexCode', message: `${code} is not a registered industrial park or cluster.`, messageKey: 'business.errors.unknownComplex' }]);
}

/**
 * Edits a draft or a dossier under supplementation (merging top-level data fields) as one log entry that
 * carries the validated change. The editability check and the entry's insert judge the same log head, so an
 * edit racing SUBMIT either lands before it (and SUBMIT sees it) or is refused: never after.
 */
export async function editDossier(actor: Actor, id: string, input: UpdateApplicationInput, now: Date): Promise<void> {
  const changedFields = [...Object.keys(input.data ?? {}).map((k) => `data.${k}`), ...Object.keys(input).filter((k) => k !== 'data')];
  const code = await withRetryOnConflict(async () => {
    const { dossier, head } = await editableCurrent(actor, id);
    // A code kept from before the complexes were registered stays; a new one must be registered.
    if (input.industrialComplexCode !== dossier.industrialComplexCode) await assertRegisteredComplex(input.industrialComplexCode);
    const parsed = DOSSIER_TYPES[dossier.type].dataSchema.safeParse({ ...dossier.data, ...(input.data ?? {}) });
    if (!parsed.success) throw validationFailed(dataFieldErrors(parsed.error));
    const { results } = await assessDossier({ ...dossier, data: parsed.data }, now);
    const change: Record<string, unknown> = {};
    if (input.data) change.data = Object.fromEntries(Object.keys(input.data).map((key) => [key, (parsed.data as Record<string, unknown>)[key] ?? null]));
    if (input.title !== undefined) change.title = input.title;
    if (input.industrialComplexCode !== undefined) change.industrialComplexCode = input.industrialComplexCode;
    const after = {
      ...cacheOf(dossier),
      data: parsed.data as Record<string, unknown>,
      results,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.industrialComplexCode !== undefined ? { industrialComplexCode: input.industrialComplexCode } : {}),
    };
    await appendEntry(id, head, { actor, event: { type: 'UPDATE_DATA', at: now.toISOString(), change }, from: dossier.state, to: dossier.state, after, outbox: [] });
    return dossier.code;
  });
  await recordAudit({ at: now, actor, action: 'dossier.updated', target: { kind: 'dossier', id, label: code }, changedFields });
}

/**
 * Assigns an open dossier to an active officer, or clears the assignment, as a log entry. Assignment says
 * who works on it; it is not a lock. Assigning again to the same officer writes nothing.
 */
export async function assignDossier(actor: Actor, id: string, assigneeId: string | undefined, now: Date): Promise<void> {
  if (!isDepartmentStaff(actor)) throw forbidden('Only officers and leaders assign dossiers.');
  let officerId: string | null = null;
  if (assigneeId) {
    officerId = await activeOfficerId(assigneeId);
    if (!officerId) throw validationFailed([{ field: 'assignee', message: 'officer.queue.errors.assignee' }]);
  }
  const outcome = await withRetryOnConflict(async () => {
    const { dossier, head } = await readableCurrent(actor, id);
    if (!(PROCESSING_STATES as readonly string[]).includes(dossier.state)) {
      throw new AppError('conflict', 'Dossier not open', { detail: `Only a dossier being processed can be assigned; it is ${dossier.state}.`, extensions: { reason: 'dossier_not_open', state: dossier.state } });
    }
    if ((dossier.assigneeId ? String(dossier.assigneeId) : null) === officerId) return { code: dossier.code, changed: false };
    const after = { ...cacheOf(dossier), assigneeId: officerId };
    await appendEntry(id, head, { actor, event: { type: 'ASSIGN', at: now.toISOString(), assigneeId: officerId }, from: dossier.state, to: dossier.state, after, outbox: [] });
    return { code: dossier.code, changed: true };
  });
  if (!outcome.changed) return;
  await recordAudit({ at: now, actor, action: officerId ? 'dossier.assigned' : 'dossier.unassigned', target: { kind: 'dossier', id, label: outcome.code }, changedFields: ['assigneeId'] });
}
