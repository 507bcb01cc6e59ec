import { nextStep, retryDelayMs } from '../../../src/jobs/next-attempt';

const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };
const limit = { maxAttempts: 4 };
const now = new Date('2026-03-02T01:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe('the next attempt of a job', () => {
  it('when attempts fail, then the delay doubles from the base up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('when a job has no attempt yet, then it is claimed as attempt 1 once due', () => {
    expect(nextStep(at(1), undefined, limit, now)).toEqual({ kind: 'wait', until: at(1) });
    expect(nextStep(at(0), undefined, limit, now)).toEqual({ kind: 'claim', attempt: 1 });
  });

  it('when the latest attempt still holds its lease, then others wait for it', () => {
    const latest = { attempt: 2, instanceId: 'A', leaseUntil: at(1) };
    expect(nextStep(at(-9000), latest, limit, now)).toEqual({ kind: 'wait', until: at(1) });
  });

  it('when the latest lease expired without an outcome, then the next attempt takes over, or the job fails at the limit', () => {
    expect(nextStep(at(-9000), { attempt: 2, instanceId: 'A', leaseUntil: at(0) }, limit, now)).toEqual({ kind: 'claim', attempt: 3 });
    expect(nextStep(at(-9000), { attempt: 4, instanceId: 'A', leaseUntil: at(0) }, limit, now)).toEqual({
      kind: 'give-up',
      attempt: 4,
      error: 'attempt 4 by A did not finish within its lease',
    });
  });

  it('when the latest attempt failed, then the next waits for its retry time, or the job fails at the limit', () => {
    const failed = { instanceId: 'A', leaseUntil: at(60_000), failedAt: at(-10), error: 'boom', retryAt: at(5) };
    expect(nextStep(at(-9000), { ...failed, attempt: 1 }, limit, now)).toEqual({ kind: 'wait', until: at(5) });
    expect(nextStep(at(-9000), { ...failed, attempt: 1 }, limit, at(5))).toEqual({ kind: 'claim', attempt: 2 });
    expect(nextStep(at(-9000), { ...failed, attempt: 4 }, limit, now)).toEqual({ kind: 'give-up', attempt: 4, error: 'boom' });
  });

  it('when time bounds the retries, then attempts are not counted and the job fails only once an attempt ends that long after its due time', () => {
    const timed = { maxAttempts: 4, retryForMs: 72 * 3_600_000 };
    const failed = (attempt: number, failedAt: Date) => ({ attempt, instanceId: 'A', leaseUntil: at(60_000), failedAt, error: 'ECONNREFUSED', retryAt: failedAt });
    expect(nextStep(at(-71 * 3_600_000), failed(140, at(0)), timed, now)).toEqual({ kind: 'claim', attempt: 141 });
    expect(nextStep(at(-72 * 3_600_000), failed(150, at(0)), timed, now)).toEqual({ kind: 'give-up', attempt: 150, error: 'ECONNREFUSED' });
    expect(nextStep(at(-72 * 3_600_000), { attempt: 150, instanceId: 'A', leaseUntil: at(0) }, timed, now)).toMatchObject({ kind: 'give-up', attempt: 150 });
  });
});
