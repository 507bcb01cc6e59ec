import { trusted, type Types } from 'mongoose';
import type { PetitionAction } from './petition-topics';
import { petitionDirectory } from './petition-directory';
import { PetitionChangeModel, PetitionModel, petitionChangeId, type PetitionRecord } from './petition.model';

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

/** Above this many changes to probe, one scan of the change collection is cheaper than reads by `_id`. */
const PROBE_AT_MOST = 300;

/**
 * Every change with one of these actions between two instants, with its petition. A change is written just
 * before its petition, so only petitions updated since `from` can have one: for a recent window (the
 * maintenance sweep's few days) their changes are read by `<petition>:<revision>` keys and the cost follows
 * the window, not history; a long window (a recompute over years) reads the change collection once.
 */
export async function petitionChangesBetween(from: Date, to: Date, actions: readonly PetitionAction[]): Promise<{ change: PetitionChangeRow; petition: PetitionFacts }[]> {
  const lastChangedAt = (p: PetitionRecord) => Math.max(...[p.changedAt, p.updatedAt, p.answeredAt, p.closedAt].map((d) => (d ? new Date(d).getTime() : 0)));
  const touched = [...(await petitionDirectory()).all()].filter((p) => p.revision > 0 && lastChangedAt(p) >= from.getTime() && p.receivedAt.getTime() < to.getTime());
  const probes = touched.reduce((n, p) => n + p.revision, 0);
  let changes: PetitionChangeRow[];
  if (probes <= PROBE_AT_MOST) {
    const ids = touched.flatMap((p) => Array.from({ length: p.revision }, (_, n) => petitionChangeId(String(p._id), n + 1)));
    const read = await Promise.all(ids.map((id) => PetitionChangeModel.findById(id, CHANGE_FIELDS).lean<PetitionChangeRow>()));
    changes = read.filter((c): c is PetitionChangeRow => c !== null && c.at >= from && c.at < to && actions.includes(c.action as PetitionAction));
  } else {
    changes = await PetitionChangeModel.find({ at: trusted({ $gte: from, $lt: to }), action: trusted({ $in: actions }) }, CHANGE_FIELDS).lean<PetitionChangeRow[]>();
  }
  if (changes.length === 0) return [];
  const directory = await petitionDirectory();
  const ids = [...new Set(changes.map((change) => String(change.petitionId)))];
  // A petition filed after the directory's last poll is read by `_id`.
  const petitions = await Promise.all(ids.map(async (id) => directory.get(id) ?? (await PetitionModel.findById(id, PETITION_FIELDS).lean<PetitionFacts>())));
  const byId = new Map(petitions.flatMap((petition) => (petition ? [[String(petition._id), petition] as const] : [])));
  return changes.flatMap((change) => {
    const petition = byId.get(String(change.petitionId));
    return petition ? [{ change, petition }] : [];
  });
}

/** The ids of the petitions with these codes (HP-KN-…), by code; codes of no petition are left out. */
export async function petitionIdsOfCodes(codes: readonly string[]): Promise<Map<string, string>> {
  const directory = await petitionDirectory();
  return new Map(codes.flatMap((code) => {
    const petition = directory.find('code', code);
    return petition ? [[code, String(petition._id)] as const] : [];
  }));
}
