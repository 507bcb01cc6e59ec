import { insertIfAbsent } from '../db';
import { JobCompletionModel, type JobCompletionRecord } from './job-completion.model';
import { JobModel } from './job.model';

export type Settlement = Omit<JobCompletionRecord, '_id'>;

/**
 * Ends a job by inserting its completion document. Returns true if this call decided the outcome, false if
 * another outcome was recorded first. Either way the job's status cache is set from the outcome that won.
 */
export async function settleJob(key: string, settlement: Settlement): Promise<boolean> {
  const won = await insertIfAbsent(JobCompletionModel, { _id: key, ...settlement });
  const winner = won ? { _id: key, ...settlement } : await JobCompletionModel.findById(key).lean();
  if (winner) await cacheSettlement(winner);
  return won;
}

/**
 * Copies an outcome onto the job document. Only this function writes `status`, and always from a completion
 * document, so the cache can lag (a crash before this write) but never move backwards; the next poll that
 * meets the job repairs a lag.
 */
export async function cacheSettlement(completion: JobCompletionRecord): Promise<void> {
  const fields: Record<string, unknown> = { status: completion.outcome, settledAt: completion.at };
  if (completion.error !== undefined) fields.lastError = completion.error;
  if (completion.reason !== undefined) fields.cancelReason = completion.reason;
  await JobModel.updateOne({ _id: completion._id }, { $set: fields });
}

/** An error as one bounded line for the job record (stacks stay in the logs). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > 2000 ? `${text.slice(0, 1997)}...` : text;
}
