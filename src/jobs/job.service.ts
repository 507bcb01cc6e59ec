import { z } from 'zod';
import { insertIfAbsent } from '../db';
import { validationFailed } from '../errors';
import { JobCompletionModel, type JobCompletionRecord } from './job-completion.model';
import { JobModel, type JobRecord } from './job.model';
import { settleJob } from './job-settlement';
import { JOB_STATUSES, type JobStatus, type JobView } from './job.types';

/** Keys with '.' or a leading '$' cannot be stored on FerretDB (nor safely on MongoDB). */
function hasStorableKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(hasStorableKeys);
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([key, inner]) => !key.includes('.') && !key.startsWith('$') && hasStorableKeys(inner));
}

const scheduleInput = z.object({
  key: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(100),
  dueAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'an invalid date'),
  payload: z.json().refine(hasStorableKeys, "payload keys may not contain '.' or start with '$'").default(null),
  maxAttempts: z.number().int().min(1).max(100).optional(),
  retry: z
    .object({ baseDelayMs: z.number().int().min(1).optional(), maxDelayMs: z.number().int().min(1).optional(), retryForMs: z.number().int().min(1).optional() })
    .optional(),
});

function parseOrFail<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationFailed(parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
}

export type ScheduleJobInput = z.input<typeof scheduleInput>;

export function toJobView(record: JobRecord): JobView {
  return {
    key: record._id,
    name: record.name,
    payload: record.payload ?? null,
    dueAt: record.dueAt,
    status: record.status,
    attempts: record.attempts,
    ...(record.maxAttempts !== undefined && { maxAttempts: record.maxAttempts }),
    ...(record.retry?.retryForMs !== undefined && { retry: record.retry }),
    ...(record.status === 'pending' && { nextRunAt: record.runAt }),
    ...(record.lastError !== undefined && { lastError: record.lastError }),
    ...(record.cancelReason !== undefined && { cancelReason: record.cancelReason }),
    ...(record.settledAt !== undefined && { settledAt: record.settledAt }),
    createdAt: record.createdAt,
  };
}

/**
 * The job document's outcome fields are a cache that a racing write can roll back (FerretDB writes whole
 * documents back), so a view takes them from the completion document, the truth, whenever there is one.
 */
function withOutcome(record: JobRecord, completion: JobCompletionRecord | null | undefined): JobRecord {
  if (!completion) return record;
  return {
    ...record,
    status: completion.outcome,
    settledAt: completion.at,
    ...(completion.attempt !== undefined && { attempts: Math.max(record.attempts, completion.attempt) }),
    ...(completion.error !== undefined && { lastError: completion.error }),
    ...(completion.reason !== undefined && { cancelReason: completion.reason }),
  };
}

async function completionsOf(keys: string[]): Promise<Map<string, JobCompletionRecord>> {
  // One lookup by _id per key: the fast path on FerretDB, where an $in scans the collection.
  const found = await Promise.all(keys.map((key) => JobCompletionModel.findById(key).lean<JobCompletionRecord>()));
  return new Map(found.filter((c): c is JobCompletionRecord => c !== null).map((c) => [c._id, c]));
}

/**
 * Schedules a job once per key: the key is the caller's idempotency key (e.g.
 * `deadline-warning:<dossierId>:<sequence>`), so scheduling it again, even concurrently or after the job ran,
 * changes nothing and returns the job that exists. `maxAttempts` and `retry` override the scheduler's retry
 * policy for this job (e.g. DURABLE_RETRY: retried for 72 h).
 */
export async function scheduleJob(input: ScheduleJobInput): Promise<{ created: boolean; job: JobView }> {
  const { key, name, dueAt, payload, maxAttempts, retry } = parseOrFail(scheduleInput, input);
  const created = await insertIfAbsent(JobModel, { _id: key, name, payload, dueAt, runAt: dueAt, maxAttempts, retry });
  const record = await JobModel.findById(key).lean<JobRecord>();
  if (!record) throw new Error(`job ${key} vanished right after it was scheduled`);
  return { created, job: toJobView(record) };
}

/**
 * Cancels a job that has not ended. Returns true if this call cancelled it; false if the job is unknown or
 * already done, failed or cancelled. An attempt already running is not interrupted (its effects are
 * idempotent), but its result is then ignored, and no further attempt starts.
 */
export async function cancelJob(key: string, reason: string, at: Date = new Date()): Promise<boolean> {
  if (!(await JobModel.exists({ _id: key }))) return false;
  return settleJob(key, { outcome: 'cancelled', reason, at });
}

export async function getJob(key: string): Promise<JobView | undefined> {
  const record = await JobModel.findById(key).lean<JobRecord>();
  if (!record) return undefined;
  return toJobView(withOutcome(record, await JobCompletionModel.findById(key).lean<JobCompletionRecord>()));
}

export interface JobFilter {
  status?: JobStatus;
  name?: string;
  /** Jobs whose key starts with this text, e.g. `deadline-warning:<dossierId>:`. */
  keyPrefix?: string;
  limit?: number;
  skip?: number;
}

const filterInput = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  name: z.string().max(100).optional(),
  keyPrefix: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  skip: z.number().int().min(0).default(0),
});

/**
 * Jobs by due time, for an admin page. The status filter runs on the cached status; each job found is then
 * shown with its true outcome, and one whose cache lagged behind its outcome is left out of that status.
 */
export async function listJobs(filter: JobFilter = {}): Promise<JobView[]> {
  const { status, name, keyPrefix, limit, skip } = parseOrFail(filterInput, filter);
  const query: Record<string, unknown> = {};
  if (status) query.status = status;
  if (name) query.name = name;
  if (keyPrefix) query._id = new RegExp(`^${keyPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const records = await JobModel.find(query).sort({ dueAt: 1, _id: 1 }).skip(skip).limit(limit).lean<JobRecord[]>();
  const completions = await completionsOf(records.map((record) => record._id));
  const views = records.map((record) => toJobView(withOutcome(record, completions.get(record._id))));
  return status ? views.filter((view) => view.status === status) : views;
}
