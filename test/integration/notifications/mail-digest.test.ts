import request from 'supertest';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { createScheduler, getJob } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { createNotifications, digestDayFor, digestInstant, DIGEST_JOB, scheduleDailyDigest, type Notifications } from '../../../src/notifications';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { buildTestApp, testConfig } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { BASE_URL, dossierDriver, drain, speaksEnglish } from './notification-setup';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer';
import { SentMailModel } from '../../../src/notifications/sent-mail.model';

describe('daily digests for staff who choose them', () => {
  const database = useTestDatabase();
  let peer: SmtpPeer;
  let notifications: Notifications;
  let app: ReturnType<typeof buildTestApp>;
  let clock = Date.now();
  const now = () => new Date(clock);

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = buildTestApp(database(), { now });
    notifications = createNotifications({ config: testConfig({ SMTP_URL: peer.url, BASE_URL }), logger: createLogger('silent'), now });
    registerOutboxDeliverer('notify', notifications.deliverNotify);
  });

  afterAll(async () => {
    notifications.close();
    await peer.stop();
  });

  const preference = (user: TestUser) => request(app).put('/api/v1/notifications/preference').set('Authorization', `Bearer ${user.token}`);

  it('when a leader chose the daily digest, then decision requests wait for the 07:00 digest, which is sent once and books the next day', async () => {
    const driver = dossierDriver(app);
    const business = await createUser(app, 'business', await createOrganization());
    const officer = await createUser(app, 'officer');
    const digestLeader = await createUser(app, 'leader');
    const immediateLeader = await createUser(app, 'leader');
    await speaksEnglish(digestLeader);
    expect((await preference(digestLeader).send({ delivery: 'daily_digest' })).body).toEqual({ delivery: 'daily_digest' });
    expect((await preference(business).send({ delivery: 'daily_digest' })).status).toBe(403);
    expect((await preference(officer).send({ delivery: 'weekly' })).status).toBe(400);

    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { id, code } = await driver.createReady(business);
      codes.push(code);
      for (const [user, body] of [[business, { type: 'SUBMIT', declaration: true }], [officer, { type: 'ACCEPT' }], [officer, { type: 'RECOMMEND', decision: 'approve' }]] as const) {
        await driver.event(user, id, body);
      }
    }
    const scheduler = createScheduler({ handlers: notifications.jobHandlers, instanceId: 'digest', logger: createLogger('silent'), pollIntervalMs: 50, leaseMs: 10_000, now });
    await drain(scheduler);
    expect(peer.mailsTo(immediateLeader.email).map((m) => m.subject).sort()).toEqual(codes.map((code) => `[${code}] Hồ sơ chờ lãnh đạo quyết định`).sort());
    expect(peer.mailsTo(digestLeader.email)).toEqual([]);

    const day = digestDayFor(now());
    await scheduleDailyDigest(now());
    await scheduleDailyDigest(now());
    clock = digestInstant(day).getTime() + 60_000;
    await drain(scheduler);
    clock += 86_400_000 - 120_000; // just before the next day's digest
    await drain(scheduler);
    await scheduler.stop();

    const digests = peer.mailsTo(digestLeader.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toMatch(/^Notification digest for \d{2} \w+ \d{4}$/);
    for (const code of codes) expect(digests[0]?.text).toContain(`[${code}] Dossier awaiting your decision — ${BASE_URL}/lookup?code=${code}`);
    expect(await SentMailModel.countDocuments({ deliveryKey: `digest:${day}`, template: 'digest' })).toBe(1);
    expect(await getJob(`${DIGEST_JOB}:${day}`)).toMatchObject({ status: 'done' });
    const next = digestDayFor(digestInstant(day));
    expect(await getJob(`${DIGEST_JOB}:${next}`)).toMatchObject({ status: 'pending', dueAt: digestInstant(next) });
    expect(await SentMailModel.countDocuments({ template: 'digest' })).toBe(1);
  });
});
