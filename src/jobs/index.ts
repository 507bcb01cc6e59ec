/**
 * The durable scheduler. Jobs are documents with a unique key; each attempt is claimed by inserting
 * `<key>:<attempt>`, and each job ends by inserting its one completion document. See scheduler.ts.
 */
export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler';
export { scheduleJob, cancelJob, getJob, listJobs, type ScheduleJobInput, type JobFilter } from './job.service';
export { retryDelayMs } from './next-attempt';
export {
  DEFAULT_RETRY_POLICY,
  DURABLE_RETRY,
  JOB_STATUSES,
  type JobContext,
  type JobHandler,
  type JobRetry,
  type JobStatus,
  type JobView,
  type JsonValue,
  type RetryPolicy,
} from './job.types';
