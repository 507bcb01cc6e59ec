import { LiveDirectory } from '../db';
import { PetitionModel, type PetitionRecord } from './petition.model';

/**
 * Every petition in memory (src/db/live-directory.ts), for the petition lists, the briefing's counts and the
 * PGI's look at recent answers: without it each of those decoded the whole collection on FerretDB (about one
 * petition for every eight dossiers, with texts up to 8,000 characters). A leaf, like petition-reads.ts.
 */
class PetitionDirectory extends LiveDirectory<PetitionRecord> {
  constructor(options: { maxStalenessMs: number }) {
    super(
      {
        name: 'petitions',
        loadAll: () => PetitionModel.find({}).lean<PetitionRecord[]>(),
        readOne: (id) => PetitionModel.findById(id).lean<PetitionRecord>(),
        keyOf: (petition) => String(petition._id),
        // Each accepted change raises the revision; the document is written once per revision.
        versionOf: (petition) => petition.revision,
        lookups: { code: (petition) => petition.code },
        groups: { organization: (petition) => String(petition.organizationId) },
      },
      options,
    );
  }
}

const directory = new PetitionDirectory({ maxStalenessMs: 1000 });

export const petitionDirectory = () => directory.fresh();

/** After this process wrote a petition document (filed, or caught up with its log), read back by `_id`. */
export async function notePetitionWritten(petitionId: unknown): Promise<void> {
  const petition = await PetitionModel.findById(petitionId).lean<PetitionRecord>();
  if (petition) await directory.noteWritten(petition);
}

/** Strings in the database's order (by code unit), as the sorts these replace ordered them. */
export const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first, the order of every petition list. */
export const newestPetitionFirst = (a: PetitionRecord, b: PetitionRecord) => b.receivedAt.getTime() - a.receivedAt.getTime() || byteOrder(b.code, a.code);
