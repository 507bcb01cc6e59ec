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
 * document, so a settled status is always true. But FerretDB writes a whole document back on every update,
 * so an attempt's cache write (attempts, runAt, lastError) racing this one can bring `pending` back, and a
 * crash can skip this write. Both are harmless: nothing decides from the cached status (advanceJob reads the
 * completion first, views overlay it), and the poll meets a job cached as pending by its runAt at the latest,
 * finds its completion and writes this again. The attempt count comes along, so a lost claim write heals too.
 */
export async function cacheSettlement(completion: JobCompletionRecord): Promise<void> {
  const fields: Record<string, unknown> = { status: completion.outcome, settledAt: completion.at };
  if (completion.attempt !== undefined) fields.attempts = completion.attempt;
  if (completion.error !== undefined) fields.lastError = completion.error;
  if (completion.reason !== undefined) fields.cancelReason = completion.reason;
  await JobModel.updateOne({ _id: completion._id }, { $set: fields });
}

/** An error as one bounded line for the job record (stacks stay in the logs). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > 2000 ? `${text.slice(0, 1997)}...` : text;
}
