import { ObjectId, type Db, type Document } from 'mongodb';
import { findBrokenLink } from '../../src/applications/audit-chain';
import { dossierEventId } from '../../src/applications/dossier-event.model';
import { hashedContent } from './copy';

/**
 * Checks a built installation: the number of dossiers, and for a sample of copies that the audit chain holds
 * (the app's own check, findBrokenLink), that the cached sequence and hash are the log's head and that no entry
 * follows it. Entries are read by `_id`, the one read FerretDB serves from an index.
 */
export async function verifyInstallation(db: Db, expected: { dossiers: number; sample: readonly string[]; log: (line: string) => void }): Promise<void> {
  const dossiers = await db.collection('applications').countDocuments();
  if (dossiers !== expected.dossiers) throw new Error(`built ${dossiers} dossiers, expected ${expected.dossiers}`);
  const events = db.collection<{ _id: string } & Document>('dossierevents');
  for (const id of expected.sample) {
    const dossier = await db.collection('applications').findOne({ _id: new ObjectId(id) });
    if (!dossier) throw new Error(`sampled dossier ${id} is missing`);
    const entries: Document[] = [];
    for (let sequence = 1; sequence <= Number(dossier.sequence); sequence++) {
      const entry = await events.findOne({ _id: dossierEventId(id, sequence) });
      if (!entry) throw new Error(`dossier ${id}: entry ${sequence} is missing`);
      entries.push(entry);
    }
    if (await events.findOne({ _id: dossierEventId(id, Number(dossier.sequence) + 1) })) throw new Error(`dossier ${id}: the log runs past the cached sequence ${dossier.sequence}`);
    const brokenAt = findBrokenLink(entries.map((e) => ({ sequence: Number(e.sequence), prevHash: String(e.prevHash), hash: String(e.hash), content: hashedContent(e) })));
    if (brokenAt !== undefined) throw new Error(`dossier ${id}: audit chain broken at entry ${brokenAt}`);
    if (entries.length > 0 && entries.at(-1)!.hash !== dossier.lastHash) throw new Error(`dossier ${id}: cached hash is not the log head's`);
  }
  expected.log(`verified: ${dossiers} dossiers; chain, cached sequence and head intact on ${expected.sample.length} sampled copies`);
}
