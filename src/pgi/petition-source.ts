import { trusted } from 'mongoose';
import { PetitionChangeModel, PetitionModel, type PetitionRecord } from '../dialogue/petition.model';
import type { PetitionAction } from '../dialogue/petition-topics';
import type { ProjectedDossier, ProjectedEntry } from './indicator.types';

/** The `type` a petition carries when the index reads it beside dossiers. */
export const PETITION_SOURCE_TYPE = 'petition';

/** The only petition changes any indicator reads; the rest (assign, close) never contribute. */
const PROJECTED_ACTIONS: PetitionAction[] = ['answer'];

interface PetitionChangeRow {
  _id: string;
  petitionId: unknown;
  action: string;
  from: string;
  to: string;
  at: Date;
}

type PetitionRow = Pick<PetitionRecord, '_id' | 'code' | 'organizationId' | 'topic' | 'receivedAt'>;
const PETITION_FIELDS = { code: 1, organizationId: 1, topic: 1, receivedAt: 1 } as const;
const CHANGE_FIELDS = { petitionId: 1, action: 1, from: 1, to: 1, at: 1 } as const;

/**
 * A petition change in the shape of a dossier log entry, so the same formulas, contribution keys, lineage
 * (petition codes) and gender disaggregation apply. Dossier formulas ignore it: its type is 'petition' and
 * its states are the petition's (received, assigned, answered, closed), never a decision.
 */
export function petitionAsEntry(change: PetitionChangeRow, petition: PetitionRow): { entry: ProjectedEntry; dossier: ProjectedDossier } {
  return {
    entry: {
      _id: change._id,
      dossierId: String(petition._id),
      event: { type: `PETITION_${change.action.toUpperCase()}` },
      from: change.from,
      to: change.to,
      at: change.at,
      after: { state: change.to, deadlines: { receivedAt: new Date(petition.receivedAt).toISOString() } },
    },
    dossier: {
      _id: String(petition._id),
      code: petition.code,
      type: PETITION_SOURCE_TYPE,
      organizationId: String(petition.organizationId),
      data: { topic: petition.topic },
      results: {},
    },
  };
}

/** One change with its petition, or null when either is gone or the change never contributes. */
export async function readPetitionEntry(changeId: string): Promise<{ entry: ProjectedEntry; dossier: ProjectedDossier } | null> {
  const change = await PetitionChangeModel.findById(changeId, CHANGE_FIELDS).lean<PetitionChangeRow>();
  if (!change || !PROJECTED_ACTIONS.includes(change.action as PetitionAction)) return null;
  const petition = await PetitionModel.findById(change.petitionId, PETITION_FIELDS).lean<PetitionRow>();
  return petition ? petitionAsEntry(change, petition) : null;
}

/** Every contributing petition change between two instants, with its petition (a few hundred a year). */
export async function readPetitionEntries(from: Date, to: Date): Promise<{ entry: ProjectedEntry; dossier: ProjectedDossier }[]> {
  const changes = await PetitionChangeModel.find(
    { at: trusted({ $gte: from, $lt: to }), action: trusted({ $in: PROJECTED_ACTIONS }) },
    CHANGE_FIELDS,
  ).lean<PetitionChangeRow[]>();
  if (changes.length === 0) return [];
  const ids = [...new Set(changes.map((change) => String(change.petitionId)))];
  const petitions = await PetitionModel.find({ _id: trusted({ $in: ids }) }, PETITION_FIELDS).lean<PetitionRow[]>();
  const byId = new Map(petitions.map((petition) => [String(petition._id), petition]));
  return changes.flatMap((change) => {
    const petition = byId.get(String(change.petitionId));
    return petition ? [petitionAsEntry(change, petition)] : [];
  });
}
