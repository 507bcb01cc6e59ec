import { Types } from 'mongoose';
import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { forbidden, notFound, validationFailed } from '../errors';
import { ConferenceModel, type ConferenceRecord } from './conference.model';
import type { CreateConferenceInput, UpdateConferenceInput } from './dialogue.schemas';

export function presentConference(conference: ConferenceRecord) {
  return {
    id: String(conference._id),
    title: conference.title,
    date: conference.date,
    planReference: conference.planReference,
    scope: conference.scope,
    status: conference.status,
    createdAt: conference.createdAt,
    updatedAt: conference.updatedAt,
  };
}

export async function loadConference(id: string): Promise<ConferenceRecord> {
  if (!Types.ObjectId.isValid(id)) throw notFound(`Conference ${id}`);
  const conference = await ConferenceModel.findById(id).lean<ConferenceRecord>();
  if (!conference) throw notFound(`Conference ${id}`);
  return conference;
}

const userIdOf = (actor: Actor) => {
  if (actor.kind !== 'user') throw forbidden();
  return actor.userId;
};

export async function createConference(actor: Actor, input: CreateConferenceInput, now: Date) {
  const created = await ConferenceModel.create({ ...input, createdBy: userIdOf(actor) });
  await recordAudit({ at: now, actor, action: 'conference.create', target: { kind: 'conference', id: String(created._id), label: input.title }, changedFields: Object.keys(input) });
  return presentConference(created.toObject() as ConferenceRecord);
}

/** Plain field edits: last writer wins, which is acceptable for a title or a date, and every edit is audited. */
export async function updateConference(actor: Actor, id: string, input: UpdateConferenceInput, now: Date) {
  const current = await loadConference(id);
  userIdOf(actor);
  const next = { ...current, ...input, scope: input.scope ?? current.scope };
  if (next.scope.from > next.scope.to) throw validationFailed([{ field: 'scope.to', message: 'scope.from must not be after scope.to' }]);
  await ConferenceModel.updateOne({ _id: current._id }, { $set: input });
  await recordAudit({ at: now, actor, action: 'conference.update', target: { kind: 'conference', id, label: next.title }, changedFields: Object.keys(input) });
  return presentConference(await loadConference(id));
}

export async function listConferences() {
  const items = await ConferenceModel.find().sort({ date: -1 }).limit(200).lean<ConferenceRecord[]>();
  return { items: items.map(presentConference) };
}
