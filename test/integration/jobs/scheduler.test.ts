import mongoose from 'mongoose';
import { insertIfAbsent } from '../../../src/db';
import { getJob, scheduleJob, type JobContext } from '../../../src/jobs';
import { JobClaimModel } from '../../../src/jobs/job-claim.model';
import { JobCompletionModel } from '../../../src/jobs/job-completion.model';
import { useTestDatabase } from '../../support/test-database';
import { effectRecorder, manualClock, testScheduler, uniqueName } from './scheduler-harness';

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the durable scheduler', () => {
  useTestDatabase();

  it('when two instances poll the same database concurrently, then each due job runs exactly once', async () => {
    const clock = manualClock();
    const name = uniqueName('race');
    const recorder = effectRecorder();
    const keys = Array.from({ length: 30 }, (_, i) => `race:${name}:${i}`);
    for (const key of keys) await scheduleJob({ key, name, dueAt: clock.at(-1000), payload: { i: key } });
    const a = testScheduler({ instanceId: 'A', handlers: { [name]: recorder.handlerFor('A') }, now: clock.now, batchSize: 12 });
    const b = testScheduler({ instanceId: 'B', handlers: { [name]: recorder.handlerFor('B') }, now: clock.now, batchSize: 12 });

    let ran = 0;
    for (let pass = 0; pass < 10; pass++) {
      // Two passes per instance at once: overlapping passes of one instance must not collide either.
      const counts = await Promise.all([a.runDueJobs(), b.runDueJobs(), a.runDueJobs(), b.runDueJobs()]);
      ran += counts.reduce((sum, count) => sum + count, 0);
      if ((await JobCompletionModel.countDocuments({ _id: mongoose.trusted({ $in: keys }) })) === keys.length) break;
    }

    const startsPerKey = new Map<string, number>();
    for (const start of recorder.starts) startsPerKey.set(start.key, (startsPerKey.get(start.key) ?? 0) + 1);
    expect([...startsPerKey.keys()].sort()).toEqual([...keys].sort());
    expect([...startsPerKey.values()].every((count) => count === 1)).toBe(true);
    expect(recorder.duplicates()).toBe(0);
    expect(await recorder.effects(keys)).toHaveLength(30);
    expect(await JobClaimModel.countDocuments({ jobKey: mongoose.trusted({ $in: keys }) })).toBe(30);
    for (const key of keys) expect((await getJob(key))?.status).toBe('done');
    expect(ran).toBe(30);
  });

  it('when the instance that scheduled a job stops, then a new instance runs it after the "restart"', async () => {
    const clock = manualClock();
    const name = uniqueName('restart');
    const recorder = effectRecorder();
    const key = `restart:${name}`;
    const a = testScheduler({ instanceId: 'A', handlers: { [name]: recorder.handlerFor('A') }, now: clock.now });
    a.start();
    await scheduleJob({ key, name, dueAt: clock.at(60_000), payload: { dossierId: 'd-1' } });
    await a.stop();

    clock.advance(60_000);
    const b = testScheduler({ instanceId: 'B', handlers: { [name]: recorder.handlerFor('B') }, now: clock.now });
    b.start();
    await waitFor(async () => (await getJob(key))?.status === 'done');
    await b.stop();

    expect(recorder.starts).toEqual([{ key, attempt: 1, instanceId: 'B' }]);
  });

  it('when a claim was left by a crashed instance, then another takes over only after the lease expires, once', async () => {
    const clock = manualClock();
    const name = uniqueName('crash');
    const recorder = effectRecorder();
    const key = `crash:${name}`;
    await scheduleJob({ key, name, dueAt: clock.at(-5000) });
    await insertIfAbsent(JobClaimModel, {
      _id: `${key}:1`, jobKey: key, attempt: 1, instanceId: 'crashed', claimedAt: clock.at(-4000), leaseUntil: clock.at(30_000),
    });
    const b = testScheduler({ instanceId: 'B', handlers: { [name]: recorder.handlerFor('B') }, now: clock.now });

    expect(await b.runDueJobs()).toBe(0);
    clock.advance(30_000);
    expect(await b.runDueJobs()).toBe(1);
    expect(await b.runDueJobs()).toBe(0);

    expect(recorder.starts).toEqual([{ key, attempt: 2, instanceId: 'B' }]);
    expect(await JobCompletionModel.findById(key).lean()).toMatchObject({ outcome: 'done', attempt: 2, instanceId: 'B' });
    expect(await getJob(key)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('when a handler hangs past its short lease, then another instance takes the job over and it completes once', async () => {
    const clock = manualClock();
    const name = uniqueName('hang');
    const recorder = effectRecorder();
    const key = `hang:${name}`;
    await scheduleJob({ key, name, dueAt: clock.at(-1) });
    let hung: JobContext | undefined;
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const hanging = async (job: JobContext) => {
      hung = job;
      markStarted();
      await new Promise(() => {});
    };
    const a = testScheduler({ instanceId: 'A', handlers: { [name]: hanging }, now: clock.now, leaseMs: 300 });
    const b = testScheduler({ instanceId: 'B', handlers: { [name]: recorder.handlerFor('B') }, now: clock.now, leaseMs: 300 });

    const passOfA = a.runDueJobs();
    await started;
    expect(await b.runDueJobs()).toBe(0);
    clock.advance(300);
    expect(await b.runDueJobs()).toBe(1);

    expect(await passOfA).toBe(1);
    expect(hung?.signal.aborted).toBe(true);
    expect(recorder.starts).toEqual([{ key, attempt: 2, instanceId: 'B' }]);
    expect(await JobCompletionModel.find({ _id: key }).lean()).toEqual([expect.objectContaining({ outcome: 'done', attempt: 2 })]);
  });

  it('when a handler keeps failing, then it is retried with exponential backoff and ends failed with the error', async () => {
    const clock = manualClock();
    const name = uniqueName('flaky');
    const key = `flaky:${name}`;
    const attempts: number[] = [];
    const failing = async ({ attempt }: JobContext) => {
      attempts.push(attempt);
      throw new Error(`SMTP unavailable (attempt ${attempt})`);
    };
    const retry = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 1500 };
    const scheduler = testScheduler({ instanceId: 'A', handlers: { [name]: failing }, now: clock.now, retry });
    await scheduleJob({ key, name, dueAt: clock.at(0) });

    expect(await scheduler.runDueJobs()).toBe(1);
    expect(await getJob(key)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMTP unavailable (attempt 1)', nextRunAt: clock.at(1000) });
    clock.advance(999);
    expect(await scheduler.runDueJobs()).toBe(0);
    clock.advance(1);
    expect(await scheduler.runDueJobs()).toBe(1);
    // 2 × base would be 2000 ms; the maximum caps it at 1500 ms.
    expect((await getJob(key))?.nextRunAt).toEqual(clock.at(1500));
    clock.advance(1499);
    expect(await scheduler.runDueJobs()).toBe(0);
    clock.advance(1);
    expect(await scheduler.runDueJobs()).toBe(1);
    clock.advance(3_600_000);
    expect(await scheduler.runDueJobs()).toBe(0);

    expect(attempts).toEqual([1, 2, 3]);
    expect(await getJob(key)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'SMTP unavailable (attempt 3)' });
    expect(await JobCompletionModel.findById(key).lean()).toMatchObject({ outcome: 'failed', attempt: 3, error: 'SMTP unavailable (attempt 3)' });
  });

  it('when a handler fails once, then the retry succeeds and the job is done', async () => {
    const clock = manualClock();
    const name = uniqueName('once');
    const key = `once:${name}`;
    const seen: Omit<JobContext, 'signal'>[] = [];
    const handler = async ({ signal: _signal, ...job }: JobContext) => {
      seen.push(job);
      if (job.attempt === 1) throw new Error('temporary');
    };
    const scheduler = testScheduler({ instanceId: 'A', handlers: { [name]: handler }, now: clock.now, retry: { baseDelayMs: 10 } });
    await scheduleJob({ key, name, dueAt: clock.at(0), payload: { dossierId: 'd-7', sequence: 3 } });

    await scheduler.runDueJobs();
    clock.advance(10);
    await scheduler.runDueJobs();

    expect(seen).toEqual([
      { key, name, payload: { dossierId: 'd-7', sequence: 3 }, attempt: 1 },
      { key, name, payload: { dossierId: 'd-7', sequence: 3 }, attempt: 2 },
    ]);
    expect(await getJob(key)).toMatchObject({ status: 'done', attempts: 2, lastError: 'temporary' });
  });

  it('when stop() is called while a handler hangs, then it returns promptly and leaves the job to its lease', async () => {
    const clock = manualClock();
    const name = uniqueName('stop');
    const key = `stop:${name}`;
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const hanging = async () => {
      markStarted();
      await new Promise(() => {});
    };
    const scheduler = testScheduler({ instanceId: 'A', handlers: { [name]: hanging }, now: clock.now, stopTimeoutMs: 200 });
    await scheduleJob({ key, name, dueAt: clock.at(0) });
    scheduler.start();
    await started;

    const stopping = Date.now();
    await scheduler.stop();

    expect(Date.now() - stopping).toBeLessThan(2000);
    expect(await getJob(key)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await scheduler.runDueJobs()).toBe(0);
  });
});
