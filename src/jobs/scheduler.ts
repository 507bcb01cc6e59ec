import mongoose from 'mongoose';
import type { Logger } from '../logging/logger';
import { advanceJob, type RunnerContext } from './advance-job';
import { JobModel, type JobRecord } from './job.model';
import { DEFAULT_RETRY_POLICY, type JobHandler, type RetryPolicy } from './job.types';

export interface SchedulerOptions {
  /** Handlers by job name. An instance only picks jobs it has a handler for, so rolling deploys are safe. */
  handlers: Readonly<Record<string, JobHandler>>;
  /** Names this process in claims and logs (e.g. host and pid); must differ between running instances. */
  instanceId: string;
  logger: Logger;
  pollIntervalMs: number;
  /**
   * How long an attempt may run before another instance may take the job over. The stored lease is measured
   * on `now`; this process also stops waiting for a handler after `leaseMs` of real time.
   */
  leaseMs: number;
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  /** Jobs looked at per polling pass (default 50). */
  batchSize?: number;
  /** Attempts run at once by this instance (default 4). */
  concurrency?: number;
  /** How long stop() waits for running handlers before abandoning them to their leases (default 5 s). */
  stopTimeoutMs?: number;
}

export interface Scheduler {
  /** Polls now and then every `pollIntervalMs` after each pass ends. */
  start(): void;
  /** Stops polling and waits for running handlers, at most `stopTimeoutMs`. */
  stop(): Promise<void>;
  /** One polling pass; resolves with the number of attempts this instance ran. */
  runDueJobs(): Promise<number>;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`scheduler option ${name} must be a positive number, got ${value}`);
  return value;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Two instances read the same due list; visiting it in different orders makes them collide less. */
function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * A durable scheduler: all state is in the database (jobs, claims, completions); the timer only triggers
 * polling. Several instances may poll the same database; each attempt runs on exactly one of them.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const names = Object.keys(options.handlers);
  const batchSize = positive('batchSize', options.batchSize ?? 50);
  const concurrency = positive('concurrency', options.concurrency ?? 4);
  const stopTimeoutMs = positive('stopTimeoutMs', options.stopTimeoutMs ?? 5000);
  const pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs);
  const context: RunnerContext = {
    handlers: options.handlers,
    instanceId: options.instanceId,
    logger: options.logger.child({ component: 'scheduler', instanceId: options.instanceId }),
    leaseMs: positive('leaseMs', options.leaseMs),
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    now: options.now ?? (() => new Date()),
    running: new Set(),
  };
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const passes = new Set<Promise<number>>();

  async function pass(): Promise<number> {
    if (names.length === 0) return 0;
    const due = await JobModel.find({
      status: 'pending',
      runAt: mongoose.trusted({ $lte: context.now() }),
      name: mongoose.trusted({ $in: names }),
    })
      .sort({ runAt: 1, _id: 1 })
      .limit(batchSize)
      .lean<JobRecord[]>();
    let ran = 0;
    await forEachLimited(shuffled(due), concurrency, async (job) => {
      if (stopping) return;
      try {
        if (await advanceJob(job, context)) ran++;
      } catch (error) {
        // A database hiccup on one job must not end the pass; the job is looked at again next time.
        context.logger.error({ err: error, jobKey: job._id }, 'could not advance a job');
      }
    });
    return ran;
  }

  function runDueJobs(): Promise<number> {
    if (stopping) return Promise.resolve(0);
    const running = pass();
    passes.add(running);
    return running.finally(() => passes.delete(running));
  }

  function poll(): void {
    timer = undefined;
    runDueJobs()
      .catch((error: unknown) => context.logger.error({ err: error }, 'a polling pass failed'))
      .finally(() => {
        if (!stopping) timer = setTimeout(poll, pollIntervalMs);
      });
  }

  return {
    start() {
      if (stopping) throw new Error('a stopped scheduler cannot be started again; create a new one');
      if (started) return;
      started = true;
      poll();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      timer = undefined;
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<'timeout'>((resolve) => {
        graceTimer = setTimeout(() => resolve('timeout'), stopTimeoutMs);
      });
      const settled = Promise.allSettled([...passes]);
      if ((await Promise.race([settled, grace])) === 'timeout') {
        context.logger.warn({ running: context.running.size }, 'handlers still running at stop; leaving them to their leases');
        for (const controller of context.running) controller.abort('scheduler stopped');
        await settled;
      }
      clearTimeout(graceTimer);
    },
    runDueJobs,
  };
}
