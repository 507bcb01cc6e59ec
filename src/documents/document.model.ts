import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A stored document of a dossier. Every upload is a new version; earlier versions stay. `code` is the
 * required-document code of the procedure catalogue (e.g. `recycling_plan`).
 */
const dossierDocumentSchema = new Schema(
  {
    dossierId: { type: Schema.Types.ObjectId, required: true, index: true },
    code: { type: String, required: true, match: /^[a-z0-9_]{1,60}$/ },
    version: { type: Number, required: true, min: 1 },
    originalName: { type: String, required: true, maxlength: 255 },
    mediaType: { type: String, required: true },
    sizeBytes: { type: Number, required: true, min: 1 },
    sha256: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    storageKey: { type: String, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: { createdAt: 'uploadedAt', updatedAt: false } },
);
dossierDocumentSchema.index({ dossierId: 1, code: 1, version: 1 }, { unique: true });

export type DossierDocument = InferSchemaType<typeof dossierDocumentSchema>;
export const DossierDocumentModel = model('DossierDocument', dossierDocumentSchema);
