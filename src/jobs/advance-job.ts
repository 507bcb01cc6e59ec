import { insertIfAbsent } from '../db';
import type { Logger } from '../logging/logger';
import { claimId, JobClaimModel, type JobClaimRecord } from './job-claim.model';
import { JobCompletionModel, type JobCompletionRecord } from './job-completion.model';
import type { JobRecord } from './job.model';
import { JobModel } from './job.model';
import { cacheSettlement, describeError, settleJob } from './job-settlement';
import type { JobHandler, RetryPolicy } from './job.types';
import { nextStep, retryDelayMs, wasLastAttempt } from './next-attempt';
import { runWithinLease } from './run-within-lease';

export interface RunnerContext {
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly instanceId: string;
  readonly logger: Logger;
  readonly leaseMs: number;
  readonly retry: RetryPolicy;
  readonly now: () => Date;
  /** Controllers of the attempts running now, so stop() can abort those that outlive its grace period. */
  readonly running: Set<AbortController>;
}

/** The scheduler's policy with the job's own overrides, fixed when it was scheduled. */
function policyOf(job: JobRecord, retry: RetryPolicy): RetryPolicy {
  return { ...retry, ...job.retry, maxAttempts: job.maxAttempts ?? retry.maxAttempts };
}

/** Repairs the status cache if the job has ended; returns whether it has. */
async function isSettled(key: string): Promise<boolean> {
  const completion = await JobCompletionModel.findById(key).lean<JobCompletionRecord>();
  if (completion) await cacheSettlement(completion);
  return completion !== null;
}

/**
 * Moves one job on if it is this instance's turn: claims its next attempt by inserting `<key>:<attempt>` and
 * runs it, or ends it as failed when its attempts are used up. Returns true if this instance ran an attempt.
 */
export async function advanceJob(job: JobRecord, context: RunnerContext): Promise<boolean> {
  const handler = context.handlers[job.name];
  if (!handler || (await isSettled(job._id))) return false;

  const latest = await JobClaimModel.findOne({ jobKey: job._id }).sort({ attempt: -1 }).lean<JobClaimRecord>();
  const policy = policyOf(job, context.retry);
  const step = nextStep(job.dueAt, latest ?? undefined, policy, context.now());
  if (step.kind === 'wait') return false;
  if (step.kind === 'give-up') {
    const at = context.now();
    await settleJob(job._id, { outcome: 'failed', at, attempt: step.attempt, instanceId: context.instanceId, error: step.error });
    context.logger.error({ jobKey: job._id, jobName: job.name, attempt: step.attempt, error: step.error }, 'job failed for good');
    return false;
  }

  const claimedAt = context.now();
  const leaseUntil = new Date(claimedAt.getTime() + context.leaseMs);
  const claim = { _id: claimId(job._id, step.attempt), jobKey: job._id, attempt: step.attempt, instanceId: context.instanceId, claimedAt, leaseUntil };
  if (!(await insertIfAbsent(JobClaimModel, claim))) return false;
  // A cancellation may have been inserted between our first look and our claim.
  if (await isSettled(job._id)) return false;
  // A cache write (see job-settlement.ts): it may race a settlement and bring back `pending`; the next poll
  // then meets the job, finds its completion and repairs the cache, and views read the completion anyway.
  await JobModel.updateOne({ _id: job._id }, { $set: { attempts: step.attempt, runAt: leaseUntil } });

  await runAttempt(job, handler, step.attempt, policy, context);
  return true;
}

async function runAttempt(job: JobRecord, handler: JobHandler, attempt: number, policy: RetryPolicy, context: RunnerContext): Promise<void> {
  const { instanceId } = context;
  const logger = context.logger.child({ jobKey: job._id, jobName: job.name, attempt });
  const controller = new AbortController();
  context.running.add(controller);
  const result = await runWithinLease(
    (signal) => handler({ key: job._id, name: job.name, payload: job.payload ?? null, attempt, signal }),
    controller,
    context.leaseMs,
  ).finally(() => context.running.delete(controller));

  if (result.kind === 'succeeded') {
    const won = await settleJob(job._id, { outcome: 'done', at: context.now(), attempt, instanceId });
    logger.info(won ? 'job done' : 'job ran, but it had already ended (cancelled or done by an overlapping attempt)');
    return;
  }

  if (result.kind === 'abandoned') {
    // Nothing is recorded: the claim's lease expiry is the record, and another instance takes over from it.
    logger.warn({ reason: result.reason }, 'stopped waiting for a job; it will be taken over when its lease expires');
    result.late.then(
      () => settleJob(job._id, { outcome: 'done', at: context.now(), attempt, instanceId }),
      (error: unknown) => logger.warn({ error: describeError(error) }, 'an abandoned attempt failed late'),
    ).catch((error: unknown) => logger.warn({ error: describeError(error) }, 'could not record a late success'));
    return;
  }

  const error = describeError(result.error);
  const at = context.now();
  if (wasLastAttempt(attempt, at, job.dueAt, policy)) {
    await settleJob(job._id, { outcome: 'failed', at, attempt, instanceId, error });
    logger.error({ error }, 'job failed for good');
    return;
  }
  const retryAt = new Date(at.getTime() + retryDelayMs(attempt, policy));
  // The claim has one owner, so its plain update races with nobody; the job's runAt is only a polling hint.
  await JobClaimModel.updateOne({ _id: claimId(job._id, attempt) }, { $set: { failedAt: at, error, retryAt } });
  await JobModel.updateOne({ _id: job._id }, { $set: { lastError: error, runAt: retryAt } });
  logger.warn({ error, retryAt }, 'job failed; will retry');
}
