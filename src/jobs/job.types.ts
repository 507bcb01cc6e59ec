/** What a payload may hold: it is stored as a document, so it must be plain JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** `status` on a job is a cache of its completion document, kept for queries; the completion is the truth. */
export const JOB_STATUSES = ['pending', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export type JobOutcome = Exclude<JobStatus, 'pending'>;

/**
 * What a handler receives. `key` is the job's idempotency key: an attempt whose lease expired may be re-run by
 * another instance while the first is still finishing, so every effect the handler produces must be keyed by it
 * (or by a key derived from it), e.g. inserted with `insertIfAbsent` under `<key>` or `<key>:<part>`.
 */
export interface JobContext {
  readonly key: string;
  readonly name: string;
  readonly payload: JsonValue;
  /** 1 for the first run; retries and take-overs after an expired lease count up. */
  readonly attempt: number;
  /** Aborted when the lease runs out or the scheduler stops: stop early; the job will be run again. */
  readonly signal: AbortSignal;
}

/** Resolves when the work is done; a rejection is recorded and retried with backoff. */
export type JobHandler = (job: JobContext) => Promise<void>;

export interface RetryPolicy {
  /** Attempts in all, the first included; an attempt whose lease expired counts too. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * When set, time bounds the retries instead of a count (maxAttempts is then ignored): the job is retried
   * until an attempt ends this long after the job's due time, then it fails. For effects a short outage must
   * not drop, such as mail.
   */
  readonly retryForMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 3_600_000 });

/** What a job may carry for itself at scheduling time; the scheduler's policy fills in the rest. */
export type JobRetry = Partial<Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'retryForMs'>>;

/**
 * For jobs whose failure would drop an effect someone is owed (a mail, a deadline event): 30 s doubling,
 * capped at 30 min, for 72 h (about 150 attempts), so a weekend-long outage still ends in delivery.
 */
export const DURABLE_RETRY: Readonly<Required<JobRetry>> = Object.freeze({ baseDelayMs: 30_000, maxDelayMs: 1_800_000, retryForMs: 72 * 3_600_000 });

/** A job as an admin page or a caller sees it. */
export interface JobView {
  readonly key: string;
  readonly name: string;
  readonly payload: JsonValue;
  readonly dueAt: Date;
  readonly status: JobStatus;
  /** Attempts started so far (a cache, like status). */
  readonly attempts: number;
  readonly maxAttempts?: number;
  readonly retry?: JobRetry;
  /** When a pending job is next looked at (its due time, a retry time or a lease expiry). */
  readonly nextRunAt?: Date;
  readonly lastError?: string;
  readonly cancelReason?: string;
  readonly settledAt?: Date;
  readonly createdAt: Date;
}
