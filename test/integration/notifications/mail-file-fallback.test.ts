import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { createScheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { createNotifications, stableMessageId } from '../../../src/notifications';
import { createOrganization, createUser } from '../../support/actors';
import { buildTestApp, testConfig } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { BASE_URL, dossierDriver, drain, speaksEnglish } from './notification-setup';

describe('mail without SMTP_URL', () => {
  const database = useTestDatabase();
  let outboxDir: string;

  beforeAll(async () => {
    outboxDir = await mkdtemp(path.join(os.tmpdir(), 'hp-green-mail-'));
  });
  afterAll(async () => {
    await rm(outboxDir, { recursive: true, force: true });
  });

  it('when SMTP_URL is unset, then each mail is written once as an .eml file that an admin can list, and nobody else can', async () => {
    const now = () => new Date();
    const app = buildTestApp(database(), { now, mailOutboxDir: outboxDir });
    const notifications = createNotifications({ config: testConfig({ BASE_URL }), logger: createLogger('silent'), outboxDir });
    expect(notifications.mode).toBe('file');
    registerOutboxDeliverer('notify', notifications.deliverNotify);
    const scheduler = createScheduler({ handlers: notifications.jobHandlers, instanceId: 'files', logger: createLogger('silent'), pollIntervalMs: 50, leaseMs: 10_000 });
    const organizationId = await createOrganization();
    const [vi, en] = [await createUser(app, 'business', organizationId), await createUser(app, 'business', organizationId)] as const;
    await speaksEnglish(en);
    const admin = await createUser(app, 'admin');
    const officer = await createUser(app, 'officer');
    const driver = dossierDriver(app);

    const { id, code } = await driver.createReady(vi);
    const entryId = await driver.event(vi, id, { type: 'SUBMIT', declaration: true });
    await drain(scheduler);
    await drain(scheduler);
    await scheduler.stop();
    notifications.close();

    const files = (await readdir(outboxDir)).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(2);
    const parsed = await Promise.all(files.map(async (name) => simpleParser(await readFile(path.join(outboxDir, name)))));
    const byId = new Map(parsed.map((mail) => [mail.messageId, mail]));
    expect(byId.get(stableMessageId(`${entryId}/notify`, vi.email))?.subject).toBe(`[${code}] Đã nhận hồ sơ nộp trực tuyến`);
    expect(byId.get(stableMessageId(`${entryId}/notify`, en.email))?.text).toContain('has received the extended producer responsibility (EPR) dossier');

    const listed = await request(app).get('/api/v1/admin/mail').set('Authorization', `Bearer ${admin.token}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { subject: string }) => item.subject).sort()).toEqual([`[${code}] Online submission received`, `[${code}] Đã nhận hồ sơ nộp trực tuyến`]);
    expect(listed.body.items.map((item: { to: string }) => item.to).join(' ')).toContain(vi.email);
    expect((await request(app).get('/api/v1/admin/mail').set('Authorization', `Bearer ${officer.token}`)).status).toBe(403);
    expect((await request(app).get('/api/v1/admin/mail')).status).toBe(401);
  });
});
