import { Schema, model } from 'mongoose';
import { JOB_STATUSES, type JobRetry, type JobStatus, type JsonValue } from './job.types';

export interface JobRecord {
  /** The caller's idempotency key: scheduling the same key again finds this document instead of a new one. */
  _id: string;
  name: string;
  payload: JsonValue;
  dueAt: Date;
  /** When a poll should next look at the job. Only a hint: the claim documents decide what happens. */
  runAt: Date;
  status: JobStatus;
  attempts: number;
  maxAttempts?: number;
  /** The job's own retry policy, set at scheduling and never changed (so no racing write can alter it). */
  retry?: JobRetry;
  lastError?: string;
  cancelReason?: string;
  settledAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

// Untyped on purpose: the recursive JsonValue is too deep for mongoose's schema inference; JobRecord types reads.
const jobSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, default: null },
    dueAt: { type: Date, required: true },
    runAt: { type: Date, required: true },
    status: { type: String, enum: JOB_STATUSES, required: true, default: 'pending' },
    attempts: { type: Number, required: true, default: 0 },
    maxAttempts: { type: Number, min: 1 },
    retry: { type: new Schema({ baseDelayMs: Number, maxDelayMs: Number, retryForMs: Number }, { _id: false }), default: undefined },
    lastError: { type: String },
    cancelReason: { type: String },
    settledAt: { type: Date },
  },
  // minimize: false keeps an empty payload `{}` as given instead of dropping it.
  { collection: 'scheduler_jobs', timestamps: true, versionKey: false, minimize: false },
);
// The poll: pending jobs whose time has come, oldest first.
jobSchema.index({ status: 1, runAt: 1 });
// The admin list by handler.
jobSchema.index({ name: 1, dueAt: 1 });

export const JobModel = model<JobRecord>('SchedulerJob', jobSchema);
