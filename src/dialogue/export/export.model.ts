import { Schema, model, type Types } from 'mongoose';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * One requested export of a conference's summary. Only its own job writes it after creation (the job key is
 * the export id), so plain `$set` updates are safe here; the file lives on disk under `fileName`.
 */
const exportSchema = new Schema(
  {
    _id: { type: String, required: true },
    conferenceId: { type: Schema.Types.ObjectId, required: true, index: true },
    format: { type: String, enum: EXPORT_FORMATS, required: true },
    locale: { type: String, enum: ['vi', 'en'], required: true },
    status: { type: String, enum: EXPORT_STATUSES, required: true, default: 'queued' },
    progress: { phase: String, done: { type: Number, default: 0 }, total: { type: Number, default: 0 } },
    requestedBy: { userId: String, name: String, role: String },
    requestedAt: { type: Date, required: true },
    startedAt: Date,
    finishedAt: Date,
    asOf: Date,
    fileName: String,
    sizeBytes: Number,
    error: String,
  },
  { versionKey: false },
);

export interface ExportRecord {
  _id: string;
  conferenceId: Types.ObjectId;
  format: ExportFormat;
  locale: 'vi' | 'en';
  status: ExportStatus;
  progress: { phase?: string; done: number; total: number };
  requestedBy: { userId: string; name: string; role: string };
  requestedAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  asOf?: Date;
  fileName?: string;
  sizeBytes?: number;
  error?: string;
}

export const ExportModel = model('DialogueExport', exportSchema);
