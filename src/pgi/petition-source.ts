import type { PetitionAction } from '../dialogue';
// The dialogue room's leaf for petition reads: its index leads back here through the briefings' PGI trend.
import { petitionChangesBetween, petitionChangeWithPetition, type PetitionChangeRow, type PetitionFacts } from '../dialogue/petition-reads';
import type { ProjectedDossier, ProjectedEntry } from './indicator.types';

/** The `type` a petition carries when the index reads it beside dossiers. */
export const PETITION_SOURCE_TYPE = 'petition';

/** The only petition changes any indicator reads; the rest (assign, close) never contribute. */
const PROJECTED_ACTIONS: PetitionAction[] = ['answer'];

type PetitionRow = Pick<PetitionFacts, '_id' | 'code' | 'organizationId' | 'topic' | 'receivedAt'>;

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
  const read = await petitionChangeWithPetition(changeId, PROJECTED_ACTIONS);
  return read ? petitionAsEntry(read.change, read.petition) : null;
}

/** Every contributing petition change between two instants, with its petition (a few hundred a year). */
export async function readPetitionEntries(from: Date, to: Date): Promise<{ entry: ProjectedEntry; dossier: ProjectedDossier }[]> {
  return (await petitionChangesBetween(from, to, PROJECTED_ACTIONS)).map(({ change, petition }) => petitionAsEntry(change, petition));
}
