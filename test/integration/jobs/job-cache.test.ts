import { JobModel } from '../../../src/jobs/job.model';
import { getJob, listJobs, scheduleJob } from '../../../src/jobs';
import { useTestDatabase } from '../../support/test-database';
import { effectRecorder, manualClock, testScheduler, uniqueName } from './scheduler-harness';

/**
 * On FerretDB an update rewrites the whole document, so an attempt's cache write that read the job before a
 * settlement writes `pending` back over it. This test makes that lost update happen on purpose.
 */
describe('the job document is a cache of its claims and completion', () => {
  useTestDatabase();

  it('when a racing write rolls a settled job back to pending, then views still tell the outcome, it never runs again, and the next poll repairs the cache', async () => {
    const clock = manualClock();
    const name = uniqueName('rollback');
    const key = `rollback:${name}`;
    const recorder = effectRecorder();
    const scheduler = testScheduler({ instanceId: 'A', handlers: { [name]: recorder.handlerFor('A') }, now: clock.now });
    await scheduleJob({ key, name, dueAt: clock.at(0) });
    expect(await scheduler.runDueJobs()).toBe(1);
    const stale = await JobModel.findById(key).lean();
    expect(stale).toMatchObject({ status: 'done', attempts: 1 });

    // What a lost update leaves: the document as an earlier reader saw it, written back whole.
    await JobModel.replaceOne({ _id: key }, { ...stale, status: 'pending', attempts: 0, runAt: clock.at(0), settledAt: undefined });

    expect(await getJob(key)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await listJobs({ keyPrefix: key, status: 'pending' })).toEqual([]);
    expect(await scheduler.runDueJobs()).toBe(0);
    expect(recorder.starts).toHaveLength(1);
    expect(await JobModel.findById(key).lean()).toMatchObject({ status: 'done', attempts: 1 });
  });
});
