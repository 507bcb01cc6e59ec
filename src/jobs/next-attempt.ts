import type { RetryPolicy } from './job.types';

/** The latest attempt of a job as the poll reads it from its claim document. */
export interface LatestAttempt {
  readonly attempt: number;
  readonly instanceId: string;
  readonly leaseUntil: Date;
  readonly failedAt?: Date | null;
  readonly error?: string | null;
  readonly retryAt?: Date | null;
}

export type NextStep =
  | { readonly kind: 'claim'; readonly attempt: number }
  | { readonly kind: 'wait'; readonly until: Date }
  | { readonly kind: 'give-up'; readonly attempt: number; readonly error: string };

/** What ends a job's retries: a count of attempts, or (when `retryForMs` is set) time since its due time. */
export type AttemptLimit = Pick<RetryPolicy, 'maxAttempts' | 'retryForMs'>;

/** Whether an attempt that ended (failed, or ran out its lease) at `endedAt` was the job's last. */
export function wasLastAttempt(attempt: number, endedAt: Date, dueAt: Date, limit: AttemptLimit): boolean {
  if (limit.retryForMs !== undefined) return endedAt.getTime() - dueAt.getTime() >= limit.retryForMs;
  return attempt >= limit.maxAttempts;
}

/** Exponential backoff after the given failed attempt: base, 2×base, 4×base … capped at the maximum. */
export function retryDelayMs(failedAttempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
}

/**
 * Decides, for an unsettled job, what a poll may do now. Pure, so the whole retry and take-over policy is
 * visible in one place. An attempt whose lease ran out without an outcome (its instance crashed or hung)
 * counts as used: a job that kills every instance that runs it must still end as failed.
 */
export function nextStep(dueAt: Date, latest: LatestAttempt | undefined, limit: AttemptLimit, now: Date): NextStep {
  if (!latest) return dueAt <= now ? { kind: 'claim', attempt: 1 } : { kind: 'wait', until: dueAt };

  if (latest.failedAt) {
    const error = latest.error ?? 'failed';
    if (wasLastAttempt(latest.attempt, latest.failedAt, dueAt, limit)) return { kind: 'give-up', attempt: latest.attempt, error };
    const retryAt = latest.retryAt ?? latest.failedAt;
    return retryAt <= now ? { kind: 'claim', attempt: latest.attempt + 1 } : { kind: 'wait', until: retryAt };
  }

  if (latest.leaseUntil > now) return { kind: 'wait', until: latest.leaseUntil };
  if (wasLastAttempt(latest.attempt, latest.leaseUntil, dueAt, limit)) {
    return {
      kind: 'give-up',
      attempt: latest.attempt,
      error: `attempt ${latest.attempt} by ${latest.instanceId} did not finish within its lease`,
    };
  }
  return { kind: 'claim', attempt: latest.attempt + 1 };
}
