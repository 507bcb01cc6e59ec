import { LiveDirectory } from '../db';
import { documentsByKeys } from './document-slots';
import { DossierDocumentModel, type DossierDocumentRecord } from './document.model';

/**
 * Every stored document version in memory (src/db/live-directory.ts), grouped by dossier: the review page, the
 * applicant's dossier, the document list, the pre-check and the upload quota read a dossier's versions here,
 * where each read decoded the whole document collection on FerretDB (4–17 s at 10,000 dossiers). A version is
 * written once; only an upload that fails halfway deletes the record it had just inserted.
 */
const directory = new LiveDirectory<DossierDocumentRecord>(
  {
    name: 'documents',
    loadAll: () => DossierDocumentModel.find({}).lean<DossierDocumentRecord[]>(),
    readOne: (id) => DossierDocumentModel.findById(id).lean<DossierDocumentRecord>(),
    keyOf: (record) => String(record._id),
    versionOf: () => 0,
    groups: { dossier: (record) => String(record.dossierId) },
  },
  { maxStalenessMs: 1000 },
);

export const documentDirectory = () => directory.fresh();

const notRemoved = (records: DossierDocumentRecord[]) => records.filter((record) => !record.removedAt);

/**
 * A dossier's stored versions, every code, in no particular order; versions the applicant removed are left out. `latest` reads the database itself, by
 * the dossier's document slots (document-slots.ts), for reads that decide (the SUBMIT guard, the quota, the
 * next version number): an upload another instance acknowledged counts at once, and the read costs what the
 * dossier holds.
 */
export async function documentsOfDossier(dossierId: string, options: { latest?: boolean } = {}): Promise<DossierDocumentRecord[]> {
  if (options.latest) return notRemoved(await documentsByKeys(dossierId));
  return notRemoved((await directory.fresh()).inGroup('dossier', dossierId));
}

export async function noteDocumentWritten(id: string): Promise<void> {
  const record = await DossierDocumentModel.findById(id).lean<DossierDocumentRecord>();
  if (record) await directory.noteWritten(record);
}

export const noteDocumentRemoved = (id: string) => directory.noteRemoved(id);

/** A dossier's files as the National Public Service Portal lists them: the latest version of each document. */
export async function dossierFileList(dossierId: string): Promise<{ id: string; name: string }[]> {
  const latest = new Map<string, DossierDocumentRecord>();
  for (const record of await documentsOfDossier(dossierId)) {
    const kept = latest.get(record.code);
    if (!kept || record.version > kept.version) latest.set(record.code, record);
  }
  return [...latest.values()].map((record) => ({ id: String(record._id), name: record.originalName }));
}
