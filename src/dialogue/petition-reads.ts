import { trusted, type Types } from 'mongoose';
import type { PetitionAction } from './petition-topics';
import { PetitionChangeModel, PetitionModel } from './petition.model';

/*
 * What the Provincial Green Index reads of petitions. A leaf (it imports only this room's model): src/pgi
 * imports it directly, because this room's index leads to the briefings, which read the index (pgi-trend.ts).
 */

/** A petition change as other rooms read it (the PGI counts answers like dossier decisions). */
export interface PetitionChangeRow {
  _id: string;
  petitionId: unknown;
  action: string;
  from: string;
  to: string;
  at: Date;
}

/** The petition a change belongs to, with what the PGI reads of it. */
export interface PetitionFacts {
  _id: Types.ObjectId;
  code: string;
  organizationId: Types.ObjectId;
  topic: string;
  receivedAt: Date;
}

const PETITION_FIELDS = { code: 1, organizationId: 1, topic: 1, receivedAt: 1 } as const;
const CHANGE_FIELDS = { petitionId: 1, action: 1, from: 1, to: 1, at: 1 } as const;

/** One change with its petition (both by `_id`), or null when either is gone or its action is not asked for. */
export async function petitionChangeWithPetition(changeId: string, actions: readonly PetitionAction[]): Promise<{ change: PetitionChangeRow; petition: PetitionFacts } | null> {
  const change = await PetitionChangeModel.findById(changeId, CHANGE_FIELDS).lean<PetitionChangeRow>();
  if (!change || !actions.includes(change.action as PetitionAction)) return null;
  const petition = await PetitionModel.findById(change.petitionId, PETITION_FIELDS).lean<PetitionFacts>();
  return petition ? { change, petition } : null;
}

/** Every change with one of these actions between two instants, with its petition (a few hundred a year). */
export async function petitionChangesBetween(from: Date, to: Date, actions: readonly PetitionAction[]): Promise<{ change: PetitionChangeRow; petition: PetitionFacts }[]> {
  const changes = await PetitionChangeModel.find({ at: trusted({ $gte: from, $lt: to }), action: trusted({ $in: actions }) }, CHANGE_FIELDS).lean<PetitionChangeRow[]>();
  if (changes.length === 0) return [];
  const ids = [...new Set(changes.map((change) => String(change.petitionId)))];
  const petitions = await PetitionModel.find({ _id: trusted({ $in: ids }) }, PETITION_FIELDS).lean<PetitionFacts[]>();
  const byId = new Map(petitions.map((petition) => [String(petition._id), petition]));
  return changes.flatMap((change) => {
    const petition = byId.get(String(change.petitionId));
    return petition ? [{ change, petition }] : [];
  });
}

/** The ids of the petitions with these codes (HP-KN-…), by code; codes of no petition are left out. */
export async function petitionIdsOfCodes(codes: readonly string[]): Promise<Map<string, string>> {
  // Lineage mixes dossier codes in; only petition codes are worth a read (which decodes the petitions on FerretDB).
  codes = codes.filter((code) => code.startsWith('HP-KN-'));
  if (codes.length === 0) return new Map();
  // The codes come from our own lineage, not from a request, so the $in may be trusted (sanitizeFilter is on).
  const petitions = await PetitionModel.find({ code: trusted({ $in: [...codes] }) }, { code: 1 }).lean<{ _id: unknown; code: string }[]>();
  return new Map(petitions.map((p) => [p.code, String(p._id)]));
}
