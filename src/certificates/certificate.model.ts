import { Schema, model, type Types } from 'mongoose';
import { WORKFLOW_TYPES, type WorkflowType } from '../../workflows/workflow-types';

/**
 * A certificate (giấy chứng nhận / văn bản xác nhận) issued when a dossier is approved: one per dossier
 * (unique `dossierId` makes issuing exactly-once). The public checks it by its random verification code.
 */
const certificateSchema = new Schema(
  {
    number: { type: String, required: true, unique: true },
    verificationCode: { type: String, required: true, unique: true },
    type: { type: String, enum: WORKFLOW_TYPES, required: true },
    dossierId: { type: Schema.Types.ObjectId, required: true, unique: true },
    dossierCode: { type: String, required: true },
    holderOrganizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true, index: true },
    holderName: { type: String, required: true },
    title: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: Date,
    status: { type: String, enum: ['valid', 'revoked'], required: true, default: 'valid' },
    revokedAt: Date,
    revokeReasons: [String],
  },
  { versionKey: false },
);

export interface CertificateRecord {
  _id: Types.ObjectId;
  number: string;
  verificationCode: string;
  type: WorkflowType;
  dossierId: Types.ObjectId;
  dossierCode: string;
  holderOrganizationId: Types.ObjectId;
  holderName: string;
  title: string;
  issuedAt: Date;
  expiresAt?: Date;
  status: 'valid' | 'revoked';
  revokedAt?: Date;
  revokeReasons?: string[];
}

export const CertificateModel = model('Certificate', certificateSchema);
