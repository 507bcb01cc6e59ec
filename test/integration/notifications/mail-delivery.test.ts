import { trusted } from 'mongoose';
import { dispatchOutbox, registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { getJob, createScheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { createMailSender, createNotifications, mailJobKey, stableMessageId, type MailSender, type Notifications } from '../../../src/notifications';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { buildTestApp, testConfig } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { BASE_URL, dossierDriver, drain } from './notification-setup';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer';
import { SentMailModel } from '../../../src/notifications/sent-mail.model';

describe('notification delivery through outages and crashes', () => {
  const database = useTestDatabase();
  const silent = createLogger('silent');
  let peer: SmtpPeer;
  let driver: ReturnType<typeof dossierDriver>;
  let business: TestUser[];
  let officer: TestUser;
  let clock = Date.now();
  const now = () => new Date(clock);
  const opened: Notifications[] = [];

  const notificationsWith = (sender?: MailSender) => {
    const built = createNotifications({ config: testConfig({ SMTP_URL: peer.url, BASE_URL }), logger: silent, now, sender });
    opened.push(built);
    return built;
  };
  const schedulerFor = (notifications: Notifications, instanceId: string, leaseMs = 10_000) =>
    createScheduler({ handlers: notifications.jobHandlers, instanceId, logger: silent, pollIntervalMs: 50, leaseMs, now, retry: { baseDelayMs: 1000, maxAttempts: 5 } });

  beforeAll(async () => {
    peer = await startSmtpPeer();
    const app = buildTestApp(database());
    registerOutboxDeliverer('notify', createNotifications({ config: testConfig({ BASE_URL }), logger: silent, now }).deliverNotify);
    driver = dossierDriver(app);
    const organizationId = await createOrganization();
    business = [await createUser(app, 'business', organizationId), await createUser(app, 'business', organizationId)];
    officer = await createUser(app, 'officer');
  });

  afterAll(async () => {
    for (const notifications of opened) notifications.close();
    await peer.start();
    await peer.stop();
  });

  it('when the SMTP peer is down while events happen and comes back, then every message is delivered exactly once after the backoff', async () => {
    const scheduler = schedulerFor(notificationsWith(), 'outage');
    await peer.stop();
    const messageIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { id } = await driver.createReady(business[0]!);
      messageIds.push(`${await driver.event(business[0]!, id, { type: 'SUBMIT', declaration: true })}/notify`);
      messageIds.push(`${await driver.event(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Bổ sung báo cáo tái chế'] })}/notify`);
    }

    expect(await scheduler.runDueJobs()).toBe(4);
    for (const id of messageIds) expect(await getJob(mailJobKey(id))).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('2 of 2 mail(s) not sent') });
    expect(await scheduler.runDueJobs()).toBe(0); // still backing off

    await peer.start();
    clock += 1500;
    await drain(scheduler);
    clock += 3_600_000;
    await drain(scheduler);
    await scheduler.stop();

    const expected = messageIds.flatMap((id) => business.map((user) => stableMessageId(id, user.email)));
    const received = peer.received.filter((mail) => expected.includes(mail.messageId));
    expect(received.map((mail) => mail.messageId).sort()).toEqual([...expected].sort());
    expect(await SentMailModel.countDocuments({ messageId: trusted({ $in: expected }) })).toBe(8);
    for (const id of messageIds) expect(await getJob(mailJobKey(id))).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('when an instance dies after the peer accepted a mail but before recording it, then another instance takes over and resends it with the same Message-ID, once', async () => {
    const real = createMailSender({ smtpUrl: peer.url, outboxDir: 'unused' });
    // The first instance "dies" right after its first mail is accepted: its handler never returns.
    const dying: MailSender = { mode: 'smtp', send: async (mail) => { await real.send(mail); await new Promise(() => undefined); }, close: () => real.close() };
    const first = schedulerFor(notificationsWith(dying), 'dies', 300);
    // A long lease for the survivor, so a slow machine cannot make its own attempt look abandoned.
    const second = schedulerFor(notificationsWith(), 'takes-over', 10_000);
    const { id } = await driver.createReady(business[0]!);
    const messageId = `${await driver.event(business[0]!, id, { type: 'SUBMIT', declaration: true })}/notify`;

    expect(await first.runDueJobs()).toBe(1); // returns once it stops waiting for the stuck attempt
    const [a, b] = business.map((user) => stableMessageId(messageId, user.email)) as [string, string];
    expect(peer.received.filter((mail) => mail.messageId === a)).toHaveLength(1);
    expect(await SentMailModel.countDocuments({ messageId: a })).toBe(0);

    expect(await second.runDueJobs()).toBe(0); // the lease has not expired yet
    clock += 1000;
    await drain(second);
    clock += 3_600_000;
    await drain(second);

    expect(peer.received.filter((mail) => mail.messageId === a).map((mail) => mail.to)).toEqual([[business[0]!.email], [business[0]!.email]]);
    expect(peer.received.filter((mail) => mail.messageId === b)).toHaveLength(1);
    expect(await SentMailModel.countDocuments({ messageId: trusted({ $in: [a, b] }) })).toBe(2);
    expect(await getJob(mailJobKey(messageId))).toMatchObject({ status: 'done', attempts: 2 });
    await Promise.all([first.stop(), second.stop()]);
  });

  it('when the notify message is dispatched again, then no second job and no second mail follow', async () => {
    const scheduler = schedulerFor(notificationsWith(), 'redispatch');
    const { id } = await driver.createReady(business[0]!);
    const entryId = await driver.event(business[0]!, id, { type: 'SUBMIT', declaration: true });
    await drain(scheduler);
    await driver.event(officer, id, { type: 'ACCEPT' });
    await dispatchOutbox(entryId);
    clock += 60_000;
    await drain(scheduler);
    await scheduler.stop();
    const ids = business.map((user) => stableMessageId(`${entryId}/notify`, user.email));
    expect(peer.received.filter((mail) => ids.includes(mail.messageId))).toHaveLength(2);
  });
});
