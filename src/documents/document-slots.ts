import { Schema, Types, model } from 'mongoose';
import { insertIfAbsent, type OneTimePass } from '../db';
import { DossierDocumentModel, type DossierDocumentRecord } from './document.model';

/**
 * The documents of one dossier, read by known keys. FerretDB serves only `_id` equality from an index, so
 * `find({ dossierId })` decodes every document record of every dossier (at 10,000 dossiers about 60,000
 * records, seconds per read). Each document therefore claims a slot `<dossier id>:<n>` (n = 1, 2, … gapless
 * per dossier) before its record is inserted; the reads that decide (the SUBMIT guard's codes, the upload
 * quota, the next version number) probe the slots and read each record by `_id`: what the dossier holds,
 * not what history holds. A slot whose record is missing (a crash between the two inserts, an upload undone,
 * a removed file) is skipped. MongoDB: the `_id` index.
 */
const documentSlotSchema = new Schema({ _id: { type: String, required: true }, documentId: { type: Schema.Types.ObjectId, required: true } }, { versionKey: false });
export const DocumentSlotModel = model('DocumentSlot', documentSlotSchema, 'document_slots');

const slotId = (dossierId: string, n: number) => `${dossierId}:${String(n).padStart(4, '0')}`;
const PROBE_BATCH = 8;

/** The slots of a dossier in order: probed in batches, up to the first free number. */
async function slotsOf(dossierId: string): Promise<{ n: number; documentId: Types.ObjectId }[]> {
  const slots: { n: number; documentId: Types.ObjectId }[] = [];
  for (let first = 1; ; first += PROBE_BATCH) {
    const batch = await Promise.all(Array.from({ length: PROBE_BATCH }, (_, i) => DocumentSlotModel.findById(slotId(dossierId, first + i)).lean<{ documentId: Types.ObjectId }>()));
    for (const [i, slot] of batch.entries()) {
      if (!slot) return slots;
      slots.push({ n: first + i, documentId: slot.documentId });
    }
  }
}

/** Every document record of a dossier as the database holds it now (each by `_id`), and how many slots it took. */
export async function documentsAndSlots(dossierId: string): Promise<{ records: DossierDocumentRecord[]; slots: number }> {
  const slots = await slotsOf(dossierId);
  const ids = [...new Set(slots.map((slot) => String(slot.documentId)))];
  const records = await Promise.all(ids.map((id) => DossierDocumentModel.findById(id).lean<DossierDocumentRecord>()));
  return { records: records.filter((record): record is DossierDocumentRecord => record !== null), slots: slots.length };
}

export const documentsByKeys = async (dossierId: string) => (await documentsAndSlots(dossierId)).records;

/**
 * Claims the next free slot of a dossier for a document about to be inserted. The insert of a new `_id` is
 * the lock: racing uploads each get their own number, and a number is tried only after the one before it was
 * seen taken, so the numbers stay gapless.
 */
export async function claimSlot(dossierId: string, documentId: Types.ObjectId, after = 0): Promise<void> {
  for (let n = after + 1; ; n++) {
    if (await insertIfAbsent(DocumentSlotModel, { _id: slotId(dossierId, n), documentId })) return;
  }
}

/**
 * One-time pass for installations from before the slots: every document record without a slot gets one, in
 * upload order. Run before the app listens; two instances running it together may give a record two slots,
 * which the reads above count once.
 */
export async function backfillDocumentSlots(): Promise<number> {
  const records = await DossierDocumentModel.find({}, { dossierId: 1, uploadedAt: 1 }).sort({ _id: 1 }).lean<Pick<DossierDocumentRecord, '_id' | 'dossierId'>[]>();
  const byDossier = new Map<string, Types.ObjectId[]>();
  for (const record of records) byDossier.set(String(record.dossierId), [...(byDossier.get(String(record.dossierId)) ?? []), record._id as Types.ObjectId]);
  let claimed = 0;
  for (const [dossierId, documentIds] of byDossier) {
    const slots = await slotsOf(dossierId);
    const slotted = new Set(slots.map((slot) => String(slot.documentId)));
    let after = slots.length;
    for (const documentId of documentIds.filter((id) => !slotted.has(String(id)))) {
      await claimSlot(dossierId, documentId, after);
      after += 1;
      claimed += 1;
    }
  }
  return claimed;
}

/** The documents room's one-time passes (run by the composition root with runOneTimePasses). */
export const DOCUMENT_PASSES: readonly OneTimePass[] = [{ key: 'document-slots:v1', run: backfillDocumentSlots }];
