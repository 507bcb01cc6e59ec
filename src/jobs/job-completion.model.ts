import { Schema, model } from 'mongoose';
import type { JobOutcome } from './job.types';

/**
 * How a job ended, keyed by the job key: whichever of done, failed or cancelled inserts first is the one
 * outcome, so a job is settled exactly once even when a cancellation races a run or two attempts overlap.
 */
export interface JobCompletionRecord {
  _id: string;
  outcome: JobOutcome;
  at: Date;
  attempt?: number;
  instanceId?: string;
  error?: string;
  reason?: string;
}

const jobCompletionSchema = new Schema<JobCompletionRecord>(
  {
    _id: { type: String, required: true },
    outcome: { type: String, enum: ['done', 'failed', 'cancelled'], required: true },
    at: { type: Date, required: true },
    attempt: { type: Number },
    instanceId: { type: String },
    error: { type: String },
    reason: { type: String },
  },
  { collection: 'scheduler_job_completions', versionKey: false },
);

export const JobCompletionModel = model<JobCompletionRecord>('SchedulerJobCompletion', jobCompletionSchema);
