import { Schema, model, type Types } from 'mongoose';
import { PETITION_ACTIONS, PETITION_STATUSES, PETITION_TOPICS, type PetitionStatus, type PetitionTopic } from './petition-topics';

/**
 * A petition (kiến nghị). The document is a cache of its change log (PetitionChange): `revision` is the last
 * change applied. Organization name is copied at filing so lists and briefings need no join ($lookup is
 * unavailable on FerretDB 1.24).
 */
const petitionSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    conferenceId: { type: Schema.Types.ObjectId, index: true },
    topic: { type: String, enum: PETITION_TOPICS, required: true, index: true },
    text: { type: String, required: true, trim: true, maxlength: 8000 },
    organizationId: { type: Schema.Types.ObjectId, required: true, index: true },
    organizationName: { type: String, required: true },
    linkedDossierCodes: { type: [String], default: [] },
    channel: { type: String, enum: ['web', 'officer'], required: true },
    filedBy: { type: String, required: true },
    receivedAt: { type: Date, required: true, index: true },
    status: { type: String, enum: PETITION_STATUSES, required: true, default: 'received', index: true },
    responsibleUnit: { type: String, trim: true, maxlength: 300 },
    response: { type: String, trim: true, maxlength: 8000 },
    answeredAt: Date,
    closedAt: Date,
    /** When the last change applied was made (its `at`), so a reader can tell which petitions changed lately. */
    changedAt: Date,
    revision: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, versionKey: false },
);

export interface PetitionRecord {
  _id: Types.ObjectId;
  code: string;
  conferenceId?: Types.ObjectId;
  topic: PetitionTopic;
  text: string;
  organizationId: Types.ObjectId;
  organizationName: string;
  linkedDossierCodes: string[];
  channel: 'web' | 'officer';
  filedBy: string;
  receivedAt: Date;
  status: PetitionStatus;
  responsibleUnit?: string;
  response?: string;
  answeredAt?: Date;
  closedAt?: Date;
  changedAt?: Date;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PetitionModel = model('Petition', petitionSchema);

/**
 * One document per accepted change, `_id` = "<petition id>:<revision>". Inserting it is the lock: two officers
 * acting at once both try the same revision and one gets the duplicate key (FerretDB updates are not atomic).
 */
const petitionChangeSchema = new Schema(
  {
    _id: { type: String, required: true },
    petitionId: { type: Schema.Types.ObjectId, required: true, index: true },
    revision: { type: Number, required: true },
    action: { type: String, enum: PETITION_ACTIONS, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { userId: String, name: String, role: String },
    fields: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const PetitionChangeModel = model('PetitionChange', petitionChangeSchema);
export const petitionChangeId = (petitionId: string, revision: number) => `${petitionId}:${String(revision).padStart(6, '0')}`;
