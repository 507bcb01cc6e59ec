import { cancelJob, getJob, listJobs, scheduleJob } from '../../../src/jobs';
import { useTestDatabase } from '../../support/test-database';
import { effectRecorder, manualClock, testScheduler, uniqueName } from './scheduler-harness';

describe('scheduling and cancelling jobs', () => {
  useTestDatabase();

  it('when the same key is scheduled twice, then it is scheduled once and the first job is returned', async () => {
    const clock = manualClock();
    const name = uniqueName('warn');
    const key = `deadline-warning:${name}:1`;

    const first = await scheduleJob({ key, name, dueAt: clock.at(1000), payload: { sequence: 1 } });
    const second = await scheduleJob({ key, name, dueAt: clock.at(9000), payload: { sequence: 2 } });

    expect(first).toMatchObject({ created: true, job: { key, status: 'pending', dueAt: clock.at(1000), payload: { sequence: 1 } } });
    expect(second).toEqual({ created: false, job: first.job });
    expect(await listJobs({ keyPrefix: key })).toHaveLength(1);
  });

  it('when 20 callers schedule one key at once, then exactly one creates it and the job runs once', async () => {
    const clock = manualClock();
    const name = uniqueName('burst');
    const key = `burst:${name}`;
    const recorder = effectRecorder();

    const results = await Promise.all(Array.from({ length: 20 }, () => scheduleJob({ key, name, dueAt: clock.at(0) })));
    await testScheduler({ instanceId: 'A', handlers: { [name]: recorder.handlerFor('A') }, now: clock.now }).runDueJobs();

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(recorder.starts).toEqual([{ key, attempt: 1, instanceId: 'A' }]);
  });

  it('when a job is cancelled, then it never runs and a second cancel reports that it had already ended', async () => {
    const clock = manualClock();
    const name = uniqueName('cancel');
    const key = `cancel:${name}`;
    const recorder = effectRecorder();
    const scheduler = testScheduler({ instanceId: 'A', handlers: { [name]: recorder.handlerFor('A') }, now: clock.now });
    await scheduleJob({ key, name, dueAt: clock.at(-1000) });

    expect(await cancelJob(key, 'dossier withdrawn')).toBe(true);
    expect(await scheduler.runDueJobs()).toBe(0);

    expect(recorder.starts).toEqual([]);
    expect(await getJob(key)).toMatchObject({ status: 'cancelled', cancelReason: 'dossier withdrawn', attempts: 0 });
    expect(await cancelJob(key, 'again')).toBe(false);
    expect(await cancelJob(`unknown:${name}`, 'never scheduled')).toBe(false);
  });

  it('when a job is done, then cancelling it changes nothing', async () => {
    const clock = manualClock();
    const name = uniqueName('late-cancel');
    const key = `late-cancel:${name}`;
    const recorder = effectRecorder();
    await scheduleJob({ key, name, dueAt: clock.at(0) });
    await testScheduler({ instanceId: 'A', handlers: { [name]: recorder.handlerFor('A') }, now: clock.now }).runDueJobs();

    expect(await cancelJob(key, 'too late')).toBe(false);
    expect(await getJob(key)).toMatchObject({ status: 'done' });
  });

  it('when a job is not yet due, then it does not run until its time comes', async () => {
    const clock = manualClock();
    const name = uniqueName('later');
    const key = `later:${name}`;
    const recorder = effectRecorder();
    const scheduler = testScheduler({ instanceId: 'A', handlers: { [name]: recorder.handlerFor('A') }, now: clock.now });
    await scheduleJob({ key, name, dueAt: clock.at(3_600_000) });

    expect(await scheduler.runDueJobs()).toBe(0);
    clock.advance(3_599_999);
    expect(await scheduler.runDueJobs()).toBe(0);
    clock.advance(1);
    expect(await scheduler.runDueJobs()).toBe(1);
    expect(recorder.starts).toHaveLength(1);
  });

  it('when an instance has no handler for a job, then it leaves the job for one that has', async () => {
    const clock = manualClock();
    const name = uniqueName('foreign');
    await scheduleJob({ key: `foreign:${name}`, name, dueAt: clock.at(0) });

    expect(await testScheduler({ instanceId: 'old', handlers: { other: async () => {} }, now: clock.now }).runDueJobs()).toBe(0);
    expect(await getJob(`foreign:${name}`)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('when jobs are listed, then they can be filtered by status, name and key prefix, by due time', async () => {
    const clock = manualClock();
    const name = uniqueName('list');
    await scheduleJob({ key: `${name}:b`, name, dueAt: clock.at(2000) });
    await scheduleJob({ key: `${name}:a`, name, dueAt: clock.at(1000) });
    await scheduleJob({ key: `${name}.x:c`, name, dueAt: clock.at(3000) });
    await cancelJob(`${name}:b`, 'no longer needed');

    expect((await listJobs({ name })).map((job) => job.key)).toEqual([`${name}:a`, `${name}:b`, `${name}.x:c`]);
    expect((await listJobs({ name, status: 'cancelled' })).map((job) => job.key)).toEqual([`${name}:b`]);
    // A '.' in the prefix is literal, not a pattern.
    expect((await listJobs({ keyPrefix: `${name}.` })).map((job) => job.key)).toEqual([`${name}.x:c`]);
    expect(await listJobs({ name, limit: 1, skip: 1 })).toHaveLength(1);
  });

  it('when the input cannot be stored, then scheduling fails with the field named', async () => {
    const clock = manualClock();
    await expect(scheduleJob({ key: '', name: 'x', dueAt: clock.now() })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(scheduleJob({ key: 'bad-payload', name: 'x', dueAt: clock.now(), payload: { $where: 1 } })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: [expect.objectContaining({ field: 'payload' })],
    });
    await expect(scheduleJob({ key: 'bad-date', name: 'x', dueAt: new Date('nope') })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
