import { Types } from 'mongoose';
import { recordAudit } from '../audit';
import { isApplicant, isDepartmentRole, isStaff, type Actor } from '../auth';
import { allocateSequence } from '../db';
import { forbidden, notFound, validationFailed } from '../errors';
import { organizationProfile } from '../organizations';
import { localDateOf } from '../calendar';
import { loadConference } from './conference.service';
import type { FilePetitionInput, ListPetitionsQuery } from './dialogue.schemas';
import { newestPetitionFirst, notePetitionWritten, petitionDirectory } from './petition-directory';
import { PetitionChangeModel, PetitionModel, petitionChangeId, type PetitionRecord } from './petition.model';


export function presentPetition(petition: PetitionRecord) {
  return {
    id: String(petition._id),
    code: petition.code,
    conferenceId: petition.conferenceId ? String(petition.conferenceId) : undefined,
    topic: petition.topic,
    text: petition.text,
    organizationId: String(petition.organizationId),
    organizationName: petition.organizationName,
    linkedDossierCodes: petition.linkedDossierCodes,
    channel: petition.channel,
    receivedAt: petition.receivedAt,
    status: petition.status,
    responsibleUnit: petition.responsibleUnit,
    response: petition.response,
    answeredAt: petition.answeredAt,
    closedAt: petition.closedAt,
    revision: petition.revision,
  };
}

/** Applicants file for their own organization; officers and leaders enter one raised at a conference for a named one. */
function filingOrganization(actor: Actor, input: FilePetitionInput): string {
  if (actor.kind !== 'user') throw forbidden();
  if (isApplicant(actor)) {
    if (!actor.organizationId) throw forbidden('Your account belongs to no organization.');
    if (input.organizationId && input.organizationId !== actor.organizationId) throw forbidden('You file petitions for your own organization only.');
    return actor.organizationId;
  }
  if (!isDepartmentRole(actor.role)) throw forbidden();
  if (!input.organizationId) throw validationFailed([{ field: 'organizationId', message: 'Name the organization that raised the petition.' }]);
  return input.organizationId;
}

export async function filePetition(actor: Actor, input: FilePetitionInput, now: Date) {
  const organizationId = filingOrganization(actor, input);
  const organization = await organizationProfile(organizationId);
  if (!organization) throw validationFailed([{ field: 'organizationId', message: 'No such organization.' }]);
  if (input.conferenceId) await loadConference(input.conferenceId);
  const year = localDateOf(now).slice(0, 4);
  const number = await allocateSequence(`petition:${year}`, now);
  const created = await PetitionModel.create({
    code: `HP-KN-${year}-${String(number).padStart(6, '0')}`,
    conferenceId: input.conferenceId,
    topic: input.topic,
    text: input.text,
    organizationId,
    organizationName: organization.name,
    linkedDossierCodes: input.linkedDossierCodes,
    channel: isApplicant(actor) ? 'web' : 'officer',
    filedBy: actor.kind === 'user' ? actor.userId : 'system',
    receivedAt: now,
  });
  await notePetitionWritten(created._id);
  await recordAudit({ at: now, actor, action: 'petition.file', target: { kind: 'petition', id: String(created._id), label: created.code }, changedFields: Object.keys(input) });
  return presentPetition(created.toObject() as PetitionRecord);
}

/** Someone else's petition looks exactly like a missing one. */
export async function loadReadablePetition(actor: Actor, id: string): Promise<PetitionRecord> {
  if (!Types.ObjectId.isValid(id)) throw notFound(`Petition ${id}`);
  const petition = await PetitionModel.findById(id).lean<PetitionRecord>();
  const readable = petition && (isStaff(actor) || (actor.kind === 'user' && actor.organizationId === String(petition.organizationId)));
  if (!petition || !readable) throw notFound(`Petition ${id}`);
  return petition;
}

export async function listPetitions(actor: Actor, query: ListPetitionsQuery) {
  const directory = await petitionDirectory();
  let petitions: PetitionRecord[];
  if (isStaff(actor)) petitions = [...directory.all()];
  // An applicant without an organization sees nothing rather than an unfiltered list.
  else if (actor.kind !== 'user' || !actor.organizationId) return { total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  else petitions = directory.inGroup('organization', actor.organizationId);
  const matching = petitions
    .filter((p) => (!query.conferenceId || String(p.conferenceId) === query.conferenceId) && (!query.topic || p.topic === query.topic) && (!query.status || p.status === query.status))
    .sort(newestPetitionFirst);
  const items = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return { total: matching.length, page: query.page, pageSize: query.pageSize, items: items.map(presentPetition) };
}

/** The changes by their `<petition>:<revision>` keys (the only reads FerretDB serves from an index). */
export async function petitionHistory(actor: Actor, id: string) {
  const petition = await loadReadablePetition(actor, id);
  const revisions = Array.from({ length: petition.revision }, (_, n) => n + 1);
  const read = await Promise.all(revisions.map((revision) => PetitionChangeModel.findById(petitionChangeId(id, revision)).lean()));
  const changes = read.filter((change) => change !== null);
  // A change whose writer crashed before updating the petition is in the log all the same.
  for (let next = petition.revision + 1; ; next++) {
    const change = await PetitionChangeModel.findById(petitionChangeId(id, next)).lean();
    if (!change) break;
    changes.push(change);
  }
  return { code: petition.code, changes: changes.map(({ revision, action, from, to, at, actor: by, fields }) => ({ revision, action, from, to, at, actor: by, fields })) };
}
