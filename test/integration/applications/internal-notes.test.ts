import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { dispatchOutbox, registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { requiredDocuments } from '../../../src/applications/procedures';
import { evidenceMeetingAll } from '../../../src/seed/demo-history.data';
import { createScheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { createNotifications, type Notifications } from '../../../src/notifications';
import { createOrganization, createUser, PASSWORD, type TestUser } from '../../support/actors';
import { browser } from '../../support/browser-session';
import { attachDocuments } from '../../support/dossiers';
import { buildTestApp, testConfig } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { BASE_URL, dossierDriver, drain } from '../notifications/notification-setup';

/**
 * Internal notes never reach the applicant or the public. Every staff event of two dossiers carries a planted
 * internal text (each form's internal note, and the fields disclosure.ts keeps inside the Department: agency
 * opinions, inspection findings, recommendation reasons, a leader's reasons for returning a dossier), next to
 * the texts the applicant must be told. Then every surface an applicant or the public reads is searched.
 */
describe('what the applicant is told, and what stays inside the Department', () => {
  const database = useTestDatabase();
  const silent = createLogger('silent');
  let outboxDir: string;
  let notifications: Notifications;
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;
  let leader: TestUser;
  const dossiers: { id: string; code: string }[] = [];
  let planted = 0;
  /** A text only staff may read, unique to its event. */
  const secret = () => `NOI-BO-${++planted}-khong-cho-doanh-nghiep`;
  const TOLD = [
    'Bổ sung báo cáo kết quả tái chế năm 2025',
    'Cơ sở vi phạm điều kiện cấp',
    'Hồ sơ chưa đạt tiêu chí khu công nghiệp sinh thái',
    'Bổ sung kết quả quan trắc quý 3',
    'Thủ tục thuộc thẩm quyền Ban Quản lý khu kinh tế',
    'Chờ kết quả kiểm tra thực tế tại cơ sở',
  ];

  beforeAll(async () => {
    outboxDir = await mkdtemp(path.join(os.tmpdir(), 'hp-green-notes-'));
    app = buildTestApp(database(), { mailOutboxDir: outboxDir, env: { BASE_URL } });
    notifications = createNotifications({ config: testConfig({ BASE_URL }), logger: silent, outboxDir });
    registerOutboxDeliverer('notify', notifications.deliverNotify);
    const organizationId = await createOrganization();
    business = await createUser(app, 'business', organizationId);
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
    const driver = dossierDriver(app);
    const send = async (user: TestUser, id: string, body: object) => {
      const res = await request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(body);
      expect([res.status, res.body.detail]).toEqual([201, undefined]);
      await dispatchOutbox(res.body.entryId as string);
    };

    // An EPR dossier through every step an officer and a leader take on it, to its revocation.
    const epr = await driver.createReady(business, 'EPR bao bì nhựa 2026');
    dossiers.push(epr);
    await send(business, epr.id, { type: 'SUBMIT', declaration: true });
    await send(officer, epr.id, { type: 'REQUEST_SUPPLEMENT', reasons: [TOLD[0]], comment: secret() });
    await send(business, epr.id, { type: 'RESUBMIT', declaration: true });
    await send(officer, epr.id, { type: 'ACCEPT', comment: secret() });
    // A second request needs a leader's recorded approval, whose reasons stay inside the Department.
    await send(leader, epr.id, { type: 'ALLOW_SUPPLEMENTATION', reasons: [secret()], comment: secret() });
    await send(officer, epr.id, { type: 'REQUEST_SUPPLEMENT', reasons: [TOLD[3]], comment: secret() });
    await send(business, epr.id, { type: 'RESUBMIT', declaration: true });
    await send(officer, epr.id, { type: 'ACCEPT', comment: secret() });
    await send(officer, epr.id, { type: 'RESCHEDULE_RESULT', reasons: [TOLD[5]], appointment: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10), comment: secret() });
    await send(officer, epr.id, { type: 'SCHEDULE_INSPECTION', scheduledFor: '2026-12-20', comment: secret() });
    await send(officer, epr.id, { type: 'RECORD_INSPECTION', findings: secret(), passed: true, comment: secret() });
    await send(officer, epr.id, { type: 'RECOMMEND', decision: 'approve', reasons: [secret()], comment: secret() });
    await send(leader, epr.id, { type: 'RETURN_FOR_REVIEW', reasons: [secret()], comment: secret() });
    await send(officer, epr.id, { type: 'RECOMMEND', decision: 'approve', comment: secret() });
    await send(leader, epr.id, { type: 'APPROVE', comment: secret() });
    await send(officer, epr.id, { type: 'RETURN_RESULT', channel: 'online', comment: secret() });
    await send(leader, epr.id, { type: 'REVOKE', reasons: [TOLD[1]], comment: secret() });

    // A green-transformation dossier, whose agencies are consulted, to its refusal.
    const created = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`)
      .send({ type: 'green_transformation', title: 'Doanh nghiệp sinh thái thử', data: { certificateKind: 'eco_enterprise', evidence: evidenceMeetingAll('eco_enterprise'), transformationPlanSummary: 'Giảm 15 % điện năng', assessmentDate: '2026-06-01' } });
    expect(created.status).toBe(201);
    const green = { id: created.body.id as string, code: created.body.code as string };
    dossiers.push(green);
    await attachDocuments(green.id, requiredDocuments('green_transformation', { certificateKind: 'eco_enterprise' }), business.id);
    await send(business, green.id, { type: 'SUBMIT', declaration: true });
    await send(officer, green.id, { type: 'ACCEPT', comment: secret() });
    await send(officer, green.id, { type: 'REQUEST_OPINIONS', dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), comment: secret() });
    for (const agency of ['mae', 'dost', 'doc', 'ip_board']) {
      await send(officer, green.id, { type: 'RECORD_OPINION', agency, opinion: 'disagree', note: secret(), comment: secret() });
    }
    await send(officer, green.id, { type: 'RECOMMEND', decision: 'reject', reasons: [secret()], comment: secret() });
    await send(leader, green.id, { type: 'REJECT', reasons: [TOLD[2]], comment: secret() });

    // A dossier refused at intake (form 03): the reasons are told, the note is not.
    const refused = await driver.createReady(business, 'EPR nộp nhầm thẩm quyền');
    dossiers.push(refused);
    await send(business, refused.id, { type: 'SUBMIT', declaration: true });
    await send(officer, refused.id, { type: 'REFUSE_INTAKE', reasons: [TOLD[4]], comment: secret() });

    const scheduler = createScheduler({ handlers: notifications.jobHandlers, instanceId: 'notes', logger: silent, pollIntervalMs: 50, leaseMs: 10_000 });
    await drain(scheduler);
    await scheduler.stop();
  }, 120_000);

  afterAll(async () => {
    notifications.close();
    await rm(outboxDir, { recursive: true, force: true });
  });

  const leaks = (text: string) => text.match(/NOI-BO-\d+/g) ?? [];

  it('when staff read the history, then every planted note is there (the plant took)', async () => {
    const histories = await Promise.all(dossiers.map(({ id }) => request(app).get(`/api/v1/applications/${id}/history`).set('Authorization', `Bearer ${officer.token}`)));
    const all = histories.map((res) => JSON.stringify(res.body)).join('\n');
    expect(new Set(leaks(all)).size).toBe(planted);
  });

  it('when the applicant reads the API (dossier, list, history, documents), then no internal text is there and what they are told is', async () => {
    const api = (url: string) => request(app).get(url).set('Authorization', `Bearer ${business.token}`);
    const bodies: string[] = [JSON.stringify((await api('/api/v1/applications')).body)];
    for (const { id } of dossiers) {
      for (const url of [`/api/v1/applications/${id}`, `/api/v1/applications/${id}/history`, `/api/v1/applications/${id}/documents`]) {
        const res = await api(url);
        expect(res.status).toBe(200);
        bodies.push(JSON.stringify(res.body));
      }
    }
    const text = bodies.join('\n');
    expect(leaks(text)).toEqual([]);
    for (const told of TOLD) expect(text).toContain(told);
    expect(text).toContain('2026-12-20');
    // The history keeps every entry (its chain stays checkable), each reduced to what the applicant is told.
    const history = (await api(`/api/v1/applications/${dossiers[0]!.id}/history`)).body;
    expect(history.chain).toMatchObject({ intact: true, length: 17 });
    expect(history.entries.every((entry: { actor?: { userId?: string } }) => entry.actor?.userId === undefined)).toBe(true);
  });

  it('when the applicant opens their pages, then no internal text is there and what they are told is', async () => {
    const b = browser(app);
    await b.signIn(business.email, PASSWORD);
    const pages: string[] = [];
    for (const url of ['/my/dossiers', '/my/calendar', '/my/certificates', ...dossiers.map(({ id }) => `/my/dossiers/${id}`), ...dossiers.map(({ id }) => `/my/dossiers/${id}?lang=en`)]) {
      const res = await b.agent.get(url);
      expect([url, res.status]).toEqual([url, 200]);
      pages.push(res.text);
    }
    const text = pages.join('\n');
    expect(leaks(text)).toEqual([]);
    for (const told of TOLD) expect(text).toContain(told);
  });

  it('when mail goes to the applicant, then no internal text is in it and the supplementation list is', async () => {
    const files = (await readdir(outboxDir)).filter((name) => name.endsWith('.eml'));
    const mails = await Promise.all(files.map(async (name) => simpleParser(await readFile(path.join(outboxDir, name)))));
    const toApplicant = mails.filter((mail) => JSON.stringify(mail.to).includes(business.email));
    expect(toApplicant.length).toBeGreaterThanOrEqual(4);
    const text = toApplicant.map((mail) => `${mail.subject}\n${mail.text}\n${String(mail.html)}`).join('\n');
    expect(leaks(text)).toEqual([]);
    expect(text).toContain(TOLD[0]);
  });

  it('when the public looks a dossier up, then only its status shows', async () => {
    const bodies: string[] = [];
    for (const { code } of dossiers) {
      bodies.push((await request(app).get(`/lookup?code=${code}`)).text);
      bodies.push(JSON.stringify((await request(app).get(`/api/v1/public/dossiers/${code}`)).body));
    }
    expect(leaks(bodies.join('\n'))).toEqual([]);
    expect(bodies.join('\n')).toContain(dossiers[0]!.code);
  });
});
