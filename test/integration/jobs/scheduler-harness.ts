import { randomUUID } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';
import { insertIfAbsent } from '../../../src/db';
import { createScheduler, type JobContext, type JobHandler, type SchedulerOptions } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';

/** A clock the test moves by hand, shared by every scheduler instance of a test. */
export function manualClock(start = new Date('2026-03-02T01:00:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    at(offsetMs: number) {
      return new Date(current + offsetMs);
    },
  };
}

/** What handlers did: each effect is inserted under the job key (the idempotency key), as real handlers must. */
const JobEffectModel = mongoose.model('SchedulerTestEffect', new Schema({ _id: String, instanceId: String, attempt: Number }));

export function effectRecorder() {
  const starts: { key: string; attempt: number; instanceId: string }[] = [];
  let duplicates = 0;
  const handlerFor =
    (instanceId: string): JobHandler =>
    async ({ key, attempt }: JobContext) => {
      starts.push({ key, attempt, instanceId });
      // A short pause widens the window in which another instance could wrongly run the same attempt.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!(await insertIfAbsent(JobEffectModel, { _id: key, instanceId, attempt }))) duplicates++;
    };
  return {
    starts,
    handlerFor,
    duplicates: () => duplicates,
    effects: (keys: string[]) => JobEffectModel.find({ _id: mongoose.trusted({ $in: keys }) }).lean(),
  };
}

/** A job name of the test's own, so schedulers of different tests in one database never pick each other's jobs. */
export function uniqueName(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

export function testScheduler(options: Partial<SchedulerOptions> & Pick<SchedulerOptions, 'handlers' | 'instanceId'>) {
  return createScheduler({
    logger: createLogger('silent'),
    pollIntervalMs: 20,
    leaseMs: 60_000,
    ...options,
  });
}
