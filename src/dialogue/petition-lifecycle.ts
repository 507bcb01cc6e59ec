import { recordAudit } from '../audit';
import { isDepartmentStaff, type Actor } from '../auth';
import { insertIfAbsent } from '../db';
import { AppError, conflict, forbidden } from '../errors';
import { PetitionChangeModel, PetitionModel, petitionChangeId, type PetitionRecord } from './petition.model';
import { notePetitionWritten } from './petition-directory';
import { announcePetitionChange } from './petition-listeners';
import { loadReadablePetition, presentPetition } from './petition.service';
import { PETITION_TRANSITIONS, type PetitionAction } from './petition-topics';

type ChangeFields = { responsibleUnit?: string; response?: string };

/** What the petition document caches after a change, so a lagging cache can be rebuilt from the log. */
function cachedFields(action: PetitionAction, fields: ChangeFields, at: Date): Record<string, unknown> {
  if (action === 'assign') return { responsibleUnit: fields.responsibleUnit };
  if (action === 'answer') return { response: fields.response, answeredAt: at };
  return { closedAt: at };
}

/** Brings the document up to its log: a writer that crashed between insert and update left it behind. */
async function catchUp(petition: PetitionRecord): Promise<PetitionRecord> {
  let current = petition;
  for (;;) {
    const next = await PetitionChangeModel.findById(petitionChangeId(String(current._id), current.revision + 1)).lean();
    if (!next) {
      if (current !== petition) await notePetitionWritten(current._id);
      return current;
    }
    const set = { ...cachedFields(next.action as PetitionAction, next.fields as ChangeFields, next.at), status: next.to, revision: next.revision, changedAt: next.at };
    await PetitionModel.updateOne({ _id: current._id }, { $set: set });
    current = { ...current, ...set } as PetitionRecord;
  }
}

/**
 * Moves a petition one step (received → assigned → answered → closed). Same shape as the dossier event
 * path: catch up with the log, check the step, insert the change under the next revision (the insert is the
 * lock; the loser of a race answers 409), then update the cached document and write the audit entry.
 */
export async function changePetition(actor: Actor, id: string, action: PetitionAction, fields: ChangeFields, now: Date) {
  if (actor.kind !== 'user' || !isDepartmentStaff(actor)) throw forbidden();
  const petition = await catchUp(await loadReadablePetition(actor, id));
  const transition = PETITION_TRANSITIONS[action];
  if (!transition.from.includes(petition.status)) {
    throw new AppError('invalid_transition', 'Invalid transition', {
      detail: `A petition that is ${petition.status} cannot be ${action === 'close' ? 'closed' : `${action}ed`}.`,
      extensions: { status: petition.status, action },
    });
  }
  const revision = petition.revision + 1;
  const inserted = await insertIfAbsent(PetitionChangeModel, {
    _id: petitionChangeId(id, revision),
    petitionId: petition._id,
    revision,
    action,
    from: petition.status,
    to: transition.to,
    at: now,
    actor: { userId: actor.userId, name: actor.name, role: actor.role },
    fields,
  });
  if (!inserted) throw conflict('Someone changed this petition at the same moment; reload and try again.');
  await catchUp(petition);
  await announcePetitionChange(petitionChangeId(id, revision));
  await recordAudit({ at: now, actor, action: `petition.${action}`, target: { kind: 'petition', id, label: petition.code }, changedFields: ['status', ...Object.keys(fields)] });
  return presentPetition(await loadReadablePetition(actor, id));
}
