import { trusted } from 'mongoose';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { createScheduler, getJob, type Scheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { createNotifications, mailJobKey, resendKeyOf, stableMessageId, type Notifications } from '../../../src/notifications';
import { createOrganization, createUser, PASSWORD, type TestUser } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { buildTestApp, testConfig } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { BASE_URL, dossierDriver } from '../notifications/notification-setup';
import { startSmtpPeer, type SmtpPeer } from '../notifications/smtp-peer';
import request from 'supertest';
import { SentMailModel } from '../../../src/notifications/sent-mail.model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Mail through long SMTP outages, with the scheduler's clock driven by the test: the jobs keep their real retry
 * policy (DURABLE_RETRY: 30 s doubling to 30 min, for 72 h), so this is the schedule production runs.
 */
describe('fault: the SMTP peer is down for a long time', () => {
  const database = useTestDatabase();
  const silent = createLogger('silent');
  let peer: SmtpPeer;
  let driver: ReturnType<typeof dossierDriver>;
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser[];
  let admin: TestUser;
  let clock = Date.parse('2026-03-02T01:00:00Z');
  const now = () => new Date(clock);
  const opened: Notifications[] = [];
  const schedulers: Scheduler[] = [];

  const newScheduler = (instanceId: string) => {
    const notifications = createNotifications({ config: testConfig({ SMTP_URL: peer.url, BASE_URL }), logger: silent, now });
    opened.push(notifications);
    const scheduler = createScheduler({ handlers: notifications.jobHandlers, instanceId, logger: silent, pollIntervalMs: 50, leaseMs: 60_000, now });
    schedulers.push(scheduler);
    return scheduler;
  };
  /** Moves the clock in steps, running what is due after each; answers the attempts made. */
  const runFor = async (scheduler: Scheduler, durationMs: number, stepMs: number) => {
    let runs = 0;
    for (let elapsed = 0; elapsed < durationMs; elapsed += stepMs) {
      clock += stepMs;
      for (let pass = 0; pass < 5; pass++) {
        const ran = await scheduler.runDueJobs();
        runs += ran;
        if (ran === 0) break;
      }
    }
    return runs;
  };
  const submitDossiers = async (count: number) => {
    const messageIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const { id } = await driver.createReady(business[0]!, `EPR bao bì ${i + 1}`);
      messageIds.push(`${await driver.event(business[0]!, id, { type: 'SUBMIT', declaration: true })}/notify`);
    }
    return messageIds;
  };
  const receivedOnce = (messageIds: string[]) => {
    const expected = messageIds.flatMap((id) => business.map((user) => stableMessageId(id, user.email)));
    const counts = expected.map((messageId) => peer.received.filter((mail) => mail.messageId === messageId).length);
    return { expected: expected.length, once: counts.filter((n) => n === 1).length, missing: counts.filter((n) => n === 0).length, duplicated: counts.filter((n) => n > 1).length };
  };

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = buildTestApp(database(), { now });
    registerOutboxDeliverer('notify', createNotifications({ config: testConfig({ BASE_URL }), logger: silent, now }).deliverNotify);
    driver = dossierDriver(app);
    const organizationId = await createOrganization();
    business = [await createUser(app, 'business', organizationId), await createUser(app, 'business', organizationId)];
    admin = await createUser(app, 'admin');
  });

  afterAll(async () => {
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
    for (const notifications of opened) notifications.close();
    await peer.start();
    await peer.stop();
  });

  it('when the peer is down for 30 minutes while dossiers are submitted, then afterwards every mail arrives exactly once', async () => {
    const scheduler = newScheduler('outage-30');
    await peer.stop();
    const messageIds = await submitDossiers(4);

    const attemptsDuringOutage = await runFor(scheduler, 30 * MINUTE, 30_000);
    expect(receivedOnce(messageIds).once).toBe(0);
    for (const id of messageIds) expect(await getJob(mailJobKey(id))).toMatchObject({ status: 'pending', lastError: expect.stringContaining('not sent') });
    const problems = (await request(app).get('/api/v1/admin/mail').set('Authorization', `Bearer ${admin.token}`)).body.problems as { jobKey: string; state: string; errorKind: string }[];
    expect(problems.filter((p) => messageIds.some((id) => p.jobKey === mailJobKey(id))).map((p) => [p.state, p.errorKind])).toEqual(messageIds.map(() => ['failing', 'unreachable']));

    await peer.start();
    const attemptsAfter = await runFor(scheduler, 31 * MINUTE, MINUTE);
    const result = receivedOnce(messageIds);
    const jobs = await Promise.all(messageIds.map((id) => getJob(mailJobKey(id))));
    console.log(
      `smtp down 30 min (simulated): ${messageIds.length} notify messages, ${result.expected} mails; ${attemptsDuringOutage} failed job attempts during the outage ` +
        `(${jobs.map((job) => job?.attempts).join('/')} attempts per job in all); afterwards ${result.once} exactly once, ${result.missing} missing, ${result.duplicated} duplicated; ${attemptsAfter} job runs after recovery`,
    );
    expect(result).toEqual({ expected: 8, once: 8, missing: 0, duplicated: 0 });
    for (const job of jobs) expect(job).toMatchObject({ status: 'done' });
    const expected = messageIds.flatMap((id) => business.map((user) => stableMessageId(id, user.email)));
    expect(await SentMailModel.countDocuments({ messageId: trusted({ $in: expected }) })).toBe(8);
  });

  it('when the peer stays down past 72 hours, then the mail ends failed, is listed for admins, and "send again" delivers it once', async () => {
    const scheduler = newScheduler('outage-73h');
    await peer.stop();
    const [messageId] = (await submitDossiers(1)) as [string];
    const jobKey = mailJobKey(messageId);

    await runFor(scheduler, 73 * HOUR, 30 * MINUTE);
    const failed = await getJob(jobKey);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(receivedOnce([messageId]).once).toBe(0);

    const page = browser(app);
    await page.signIn(admin.email, PASSWORD);
    const listing = await page.agent.get('/admin/mail');
    expect(listing.status).toBe(200);
    expect(listing.text).toContain('Gửi thất bại');
    expect(listing.text).toContain('Không kết nối được máy chủ thư');
    expect(listing.text).toContain(`name="job" value="${jobKey}"`);

    await peer.start();
    const resend = await page.agent.post('/admin/mail/resend').type('form').send({ _csrf: csrfTokenOf(listing.text), job: jobKey });
    expect(resend.status).toBe(303);
    expect(resend.headers.location).toBe('/admin/mail?done=resent');
    const again = await request(app).post('/api/v1/admin/mail/resend').set('Authorization', `Bearer ${admin.token}`).send({ jobKey });
    expect(again.status).toBe(200); // the same resend job, not a second one
    expect(again.body).toEqual({ jobKey: resendKeyOf(jobKey), created: false });

    await runFor(scheduler, 2 * MINUTE, MINUTE);
    const result = receivedOnce([messageId]);
    console.log(`smtp down 73 h (simulated): job ended ${failed?.status} after ${failed?.attempts} attempts; after "send again" ${result.once} of ${result.expected} mails exactly once, ${result.duplicated} duplicated`);
    expect(result).toEqual({ expected: 2, once: 2, missing: 0, duplicated: 0 });
    expect(await getJob(resendKeyOf(jobKey))).toMatchObject({ status: 'done' });
    const after = await page.agent.get('/admin/mail?done=resent');
    expect(after.text).toContain('Đã gửi lại thành công');
    expect(after.text).toContain('Đã xếp lịch gửi lại thư.');
  });

  it('when a mail is still being retried or does not exist, then "send again" is refused with a reason', async () => {
    const missing = await request(app).post('/api/v1/admin/mail/resend').set('Authorization', `Bearer ${admin.token}`).send({ jobKey: 'mail:nothing/notify' });
    expect(missing.status).toBe(404);
    const scheduler = newScheduler('retrying');
    await peer.stop();
    const [messageId] = (await submitDossiers(1)) as [string];
    await runFor(scheduler, MINUTE, 30_000);
    const retrying = await request(app).post('/api/v1/admin/mail/resend').set('Authorization', `Bearer ${admin.token}`).send({ jobKey: mailJobKey(messageId) });
    expect(retrying.status).toBe(409);
    expect(retrying.headers['content-type']).toContain('application/problem+json');
    await peer.start();
  });
});
