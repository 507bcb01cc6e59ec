import { Schema, model, type Types } from 'mongoose';

/** A stored document version as services read it (.lean()). */
export interface DossierDocumentRecord {
  _id: Types.ObjectId;
  dossierId: Types.ObjectId;
  code: string;
  version: number;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: Types.ObjectId;
  uploadedAt: Date;
  /** Set when the applicant took the file back before handing the dossier over; the record and file stay. */
  removedAt?: Date;
  removedBy?: Types.ObjectId;
}

/**
 * A stored document of a dossier. Every upload is a new version; earlier versions stay. `code` is the
 * required-document code of the procedure catalogue (e.g. `recycling_plan`).
 */
const dossierDocumentSchema = new Schema<DossierDocumentRecord>(
  {
    dossierId: { type: Schema.Types.ObjectId, required: true, index: true },
    code: { type: String, required: true, match: /^[a-z0-9_]{1,60}$/ },
    version: { type: Number, required: true, min: 1 },
    originalName: { type: String, required: true, maxlength: 255 },
    mediaType: { type: String, required: true },
    sizeBytes: { type: Number, required: true, min: 1 },
    sha256: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    // Unique: one record per stored object, which lets the orphan sweep match files to records.
    storageKey: { type: String, required: true, unique: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    removedAt: Date,
    removedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: { createdAt: 'uploadedAt', updatedAt: false } },
);
// The version lock: two uploads of one code can never both become version n (see document-version.ts).
dossierDocumentSchema.index({ dossierId: 1, code: 1, version: 1 }, { unique: true });

export type DossierDocument = Omit<DossierDocumentRecord, '_id' | 'uploadedAt' | 'removedAt' | 'removedBy'>;
export const DossierDocumentModel = model<DossierDocumentRecord>('DossierDocument', dossierDocumentSchema);
