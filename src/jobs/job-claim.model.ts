import { Schema, model } from 'mongoose';

/**
 * One attempt at a job. Inserting `_id: "<job key>:<attempt>"` is the lock: only the instance whose insert
 * succeeded runs that attempt. Only that owner ever updates the document afterwards (to record a failure), so
 * its plain updates race with nobody.
 */
export interface JobClaimRecord {
  _id: string;
  jobKey: string;
  attempt: number;
  instanceId: string;
  claimedAt: Date;
  leaseUntil: Date;
  failedAt?: Date;
  error?: string;
  retryAt?: Date;
}

const jobClaimSchema = new Schema<JobClaimRecord>(
  {
    _id: { type: String, required: true },
    jobKey: { type: String, required: true },
    attempt: { type: Number, required: true, min: 1 },
    instanceId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    leaseUntil: { type: Date, required: true },
    failedAt: { type: Date },
    error: { type: String },
    retryAt: { type: Date },
  },
  { collection: 'scheduler_job_claims', versionKey: false },
);
// The latest attempt of a job.
jobClaimSchema.index({ jobKey: 1, attempt: -1 });

export const JobClaimModel = model<JobClaimRecord>('SchedulerJobClaim', jobClaimSchema);

/** The key's last ':' separates it from the attempt number, so two different keys can never share a claim id. */
export function claimId(jobKey: string, attempt: number): string {
  return `${jobKey}:${attempt}`;
}
