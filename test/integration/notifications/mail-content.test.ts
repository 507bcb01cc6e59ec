import { DEADLINE_JOB, deadlineJobHandler, registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { assignDossier } from '../../../src/applications/dossier-changes';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { createScheduler, type Scheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { createNotifications, type Notifications } from '../../../src/notifications';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { buildTestApp, testConfig } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { BASE_URL, dossierDriver, drain, speaksEnglish } from './notification-setup';
import { startSmtpPeer, type ReceivedMail, type SmtpPeer } from './smtp-peer';

const viDate = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
const enDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: 'long', year: 'numeric' }).format(new Date(iso));

describe('notification mail content and recipients', () => {
  const database = useTestDatabase();
  let peer: SmtpPeer;
  let notifications: Notifications;
  let scheduler: Scheduler;
  let driver: ReturnType<typeof dossierDriver>;
  let app: ReturnType<typeof buildTestApp>;
  let businessVi: TestUser;
  let businessEn: TestUser;
  let officer: TestUser;
  let leaderVi: TestUser;
  let leaderEn: TestUser;

  const only = (mails: ReceivedMail[], code: string) => mails.filter((mail) => mail.subject.includes(code));

  /** Runs the deadline and mail jobs as if a day after the dossier's due date; returns that due date. */
  async function passDueDate(id: string): Promise<string> {
    const dueAt = (await driver.get(officer, `/api/v1/applications/${id}`)).deadlines.currentDueAt as string;
    await runDeadlineJobsAt(new Date(new Date(dueAt).getTime() + 86_400_000));
    return dueAt;
  }

  /** Runs the deadline jobs due by `instant` (and the mail jobs they ask for) as if it were then. */
  async function runDeadlineJobsAt(instant: Date): Promise<void> {
    const later = () => instant;
    const deadlines = createScheduler({
      handlers: { ...notifications.jobHandlers, [DEADLINE_JOB]: deadlineJobHandler({ now: later, calendar: DEFAULT_WORKING_CALENDAR }) },
      instanceId: 'deadlines',
      logger: createLogger('silent'),
      pollIntervalMs: 50,
      leaseMs: 10_000,
      now: later,
    });
    await drain(deadlines);
    await deadlines.stop();
  }

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = buildTestApp(database());
    notifications = createNotifications({ config: testConfig({ SMTP_URL: peer.url, BASE_URL }), logger: createLogger('silent') });
    registerOutboxDeliverer('notify', notifications.deliverNotify);
    scheduler = createScheduler({ handlers: notifications.jobHandlers, instanceId: 'content', logger: createLogger('silent'), pollIntervalMs: 50, leaseMs: 10_000 });
    driver = dossierDriver(app);
    const organizationId = await createOrganization();
    businessVi = await createUser(app, 'business', organizationId);
    businessEn = await createUser(app, 'business', organizationId);
    await speaksEnglish(businessEn);
    officer = await createUser(app, 'officer');
    leaderVi = await createUser(app, 'leader');
    leaderEn = await createUser(app, 'leader');
    await speaksEnglish(leaderEn);
    await createUser(app, 'business', await createOrganization('Công ty không liên quan'));
  });

  afterAll(async () => {
    await scheduler.stop();
    notifications.close();
    await peer.stop();
  });

  it('when a dossier goes from submission to approval and revocation, then each step mails the right people in their own language', async () => {
    const { id, code } = await driver.createReady(businessVi);
    await driver.event(businessVi, id, { type: 'SUBMIT', declaration: true });
    await driver.event(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Thiếu hợp đồng tái chế', 'Bảng kê chưa ký'] });
    await driver.event(businessVi, id, { type: 'RESUBMIT', declaration: true });
    await driver.event(officer, id, { type: 'ACCEPT' });
    await driver.event(officer, id, { type: 'RECOMMEND', decision: 'approve' });
    await driver.event(leaderVi, id, { type: 'APPROVE' });
    await driver.event(leaderVi, id, { type: 'REVOKE', reasons: ['Sai lệch số liệu khối lượng'] });
    await drain(scheduler);

    const dueAt = (await driver.get(officer, `/api/v1/applications/${id}`)).deadlines.currentDueAt as string;
    const certificate = (await driver.get(businessVi, '/api/v1/certificates')).items.find((c: { dossierCode: string }) => c.dossierCode === code);
    const toVi = only(peer.mailsTo(businessVi.email), code);
    const toEn = only(peer.mailsTo(businessEn.email), code);

    // Jobs due together run in any order, so mails are found by subject, not by arrival.
    const bySubject = (mails: ReceivedMail[], ending: string) => mails.filter((m) => m.subject === `[${code}] ${ending}`);
    expect(toVi.map((m) => m.subject).sort()).toEqual(
      // Decree 118 versions: a submission starts the completeness check; the receipt (with its due date) follows the acceptance.
      ['Đã nhận hồ sơ nộp trực tuyến', 'Yêu cầu bổ sung hồ sơ', 'Đã nhận hồ sơ nộp trực tuyến', 'Đã tiếp nhận hồ sơ', 'Hồ sơ đã được chấp thuận', 'Thu hồi giấy chứng nhận'].map((s) => `[${code}] ${s}`).sort(),
    );
    expect(toEn.map((m) => m.subject).sort()).toEqual(
      ['Online submission received', 'Supplementation requested', 'Online submission received', 'Dossier received', 'Dossier approved', 'Certificate revoked'].map((s) => `[${code}] ${s}`).sort(),
    );
    expect(bySubject(toVi, 'Đã tiếp nhận hồ sơ').some((m) => m.text.includes(`Ngày hẹn trả kết quả: ${viDate(dueAt)}`))).toBe(true);
    expect(bySubject(toEn, 'Dossier received').some((m) => m.text.includes(`Results are due by ${enDate(dueAt)}`))).toBe(true);
    expect(bySubject(toVi, 'Yêu cầu bổ sung hồ sơ')[0]?.text).toMatch(/1\. Thiếu hợp đồng tái chế\n\s*2\. Bảng kê chưa ký/);
    expect(bySubject(toEn, 'Supplementation requested')[0]?.html).toMatch(/<li>Thiếu hợp đồng tái chế<\/li>\s*<li>Bảng kê chưa ký<\/li>/);
    const verifyUrl = `${BASE_URL}/certificates/verify?code=${certificate.verificationCode}`;
    expect(bySubject(toVi, 'Hồ sơ đã được chấp thuận')[0]?.text).toContain(verifyUrl);
    expect(bySubject(toEn, 'Dossier approved')[0]?.html).toContain(`href="${verifyUrl}"`);
    expect(bySubject(toEn, 'Dossier approved')[0]?.text).toContain(`Certificate no. ${certificate.number}`);
    expect(bySubject(toEn, 'Certificate revoked')[0]?.text).toContain('1. Sai lệch số liệu khối lượng');
    expect(bySubject(toVi, 'Đã tiếp nhận hồ sơ')[0]?.text).toContain(`${BASE_URL}/my/dossiers/${id}`);

    const toLeaders = [leaderVi, leaderEn].map((leader) => only(peer.mailsTo(leader.email), code).map((m) => m.subject));
    expect(toLeaders).toEqual([[`[${code}] Hồ sơ chờ lãnh đạo quyết định`], [`[${code}] Dossier awaiting your decision`]]);
    expect(only(peer.mailsTo(officer.email), code)).toEqual([]);
    const all = only(peer.received, code);
    expect(all).toHaveLength(14);
    expect(all.every((mail) => mail.to.length === 1)).toBe(true);
    expect(new Set(all.map((mail) => mail.messageId)).size).toBe(14);
    expect(bySubject(toVi, 'Đã nhận hồ sơ nộp trực tuyến')[0]?.text).toContain('kiểm tra thành phần hồ sơ chậm nhất ngày');
    // The receipt mail carries the receipt and appointment slip (form 01); the others carry nothing.
    expect(bySubject(toVi, 'Đã tiếp nhận hồ sơ')[0]?.attachments).toEqual([{ filename: 'giay-tiep-nhan-hen-tra-ket-qua.pdf', contentType: 'application/pdf', size: expect.any(Number) }]);
    expect(bySubject(toVi, 'Yêu cầu bổ sung hồ sơ')[0]?.attachments).toEqual([]);
    expect(all.every((mail) => /^<[0-9a-f]{32}\.[0-9a-f]{16}@hp-green>$/.test(mail.messageId))).toBe(true);
  });

  it('when a leader rejects a dossier whose title holds markup, then the applicants get the reasons and the HTML part escapes the title', async () => {
    const { id, code } = await driver.createReady(businessVi, 'EPR <b>PET</b> & bao bì');
    await driver.event(businessVi, id, { type: 'SUBMIT', declaration: true });
    await driver.event(officer, id, { type: 'ACCEPT' });
    await driver.event(officer, id, { type: 'RECOMMEND', decision: 'reject', reasons: ['Không đạt tỷ lệ tái chế'] });
    await driver.event(leaderEn, id, { type: 'REJECT', reasons: ['Không đạt tỷ lệ tái chế bắt buộc', 'Thiếu chứng từ'] });
    await drain(scheduler);

    const [rejectedVi] = only(peer.mailsTo(businessVi.email), code).filter((m) => m.subject.endsWith('không được chấp thuận'));
    const [rejectedEn] = only(peer.mailsTo(businessEn.email), code).filter((m) => m.subject.endsWith('Dossier rejected'));
    expect(rejectedVi?.text).toMatch(/1\. Không đạt tỷ lệ tái chế bắt buộc\n\s*2\. Thiếu chứng từ/);
    expect(rejectedEn?.text).toContain('for these reasons');
    expect(rejectedEn?.text).toContain('("EPR <b>PET</b> & bao bì")');
    expect(rejectedEn?.html).toContain('EPR &lt;b&gt;PET&lt;/b&gt; &amp; bao bì');
    expect(rejectedEn?.html).not.toContain('<b>PET</b>');
  });

  it('when an officer gives an apology and a new appointment, or refuses a dossier at intake, then the applicants get it with the form as a PDF', async () => {
    const { id, code } = await driver.createReady(businessVi);
    await driver.event(businessVi, id, { type: 'SUBMIT', declaration: true });
    await driver.event(officer, id, { type: 'ACCEPT' });
    const appointment = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await driver.event(officer, id, { type: 'RESCHEDULE_RESULT', reasons: ['Chờ kết quả kiểm tra thực tế của Sở Tài nguyên và Môi trường'], appointment, comment: 'Ghi chú nội bộ: đoàn kiểm tra thiếu người' });
    const refused = await driver.createReady(businessVi);
    await driver.event(businessVi, refused.id, { type: 'SUBMIT', declaration: true });
    await driver.event(officer, refused.id, { type: 'REFUSE_INTAKE', reasons: ['Thủ tục thuộc thẩm quyền Ban Quản lý khu kinh tế'] });
    await drain(scheduler);

    const [vi] = only(peer.mailsTo(businessVi.email), code).filter((m) => m.subject === `[${code}] Xin lỗi và hẹn lại ngày trả kết quả`);
    const [en] = only(peer.mailsTo(businessEn.email), code).filter((m) => m.subject === `[${code}] Apology and new appointment for your result`);
    expect(vi?.text).toContain('Chờ kết quả kiểm tra thực tế của Sở Tài nguyên và Môi trường');
    expect(vi?.text).toContain(`Ngày hẹn trả kết quả mới: ${viDate(`${appointment}T12:00:00+07:00`)}`);
    expect(en?.text).toContain(`New appointment for the result: ${enDate(`${appointment}T12:00:00+07:00`)}`);
    expect([vi?.text, en?.text].some((text) => text?.includes('đoàn kiểm tra'))).toBe(false);
    expect(vi?.attachments).toEqual([{ filename: 'phieu-xin-loi-hen-lai.pdf', contentType: 'application/pdf', size: expect.any(Number) }]);
    const [refusal] = only(peer.mailsTo(businessVi.email), refused.code).filter((m) => m.subject.endsWith('Hồ sơ không được tiếp nhận'));
    expect(refusal?.attachments).toEqual([{ filename: 'phieu-tu-choi-tiep-nhan.pdf', contentType: 'application/pdf', size: expect.any(Number) }]);
    expect(only(peer.mailsTo(officer.email), code)).toEqual([]);
  });

  it('when an applicant supplements a dossier after its receipt, then they are told it arrived and the appointment it now has', async () => {
    const { id, code } = await driver.createReady(businessVi);
    await driver.event(businessVi, id, { type: 'SUBMIT', declaration: true });
    await driver.event(officer, id, { type: 'ACCEPT' });
    await driver.event(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Bổ sung bảng kê khối lượng'] });
    await driver.event(businessVi, id, { type: 'RESUBMIT', declaration: true });
    await drain(scheduler);
    const dueAt = (await driver.get(officer, `/api/v1/applications/${id}`)).deadlines.currentDueAt as string;
    const [vi] = only(peer.mailsTo(businessVi.email), code).filter((m) => m.subject === `[${code}] Đã nhận hồ sơ bổ sung`);
    const [en] = only(peer.mailsTo(businessEn.email), code).filter((m) => m.subject === `[${code}] Supplement received`);
    expect(vi?.text).toContain(`Ngày hẹn trả kết quả: ${viDate(dueAt)}`);
    expect(en?.text).toContain(`Results are due by ${enDate(dueAt)}`);
  });

  it('when a dossier nears its due date, then the scheduler\'s DEADLINE_WARNING mails the officers (no assignee yet) with the due date', async () => {
    const { id, code } = await driver.createReady(businessVi);
    await driver.event(businessVi, id, { type: 'SUBMIT', declaration: true });
    await driver.event(officer, id, { type: 'ACCEPT' });
    const dueAt = await passDueDate(id);

    const warnings = only(peer.mailsTo(officer.email), code);
    expect(warnings.map((m) => m.subject)).toEqual([`[${code}] Sắp đến hạn giải quyết hồ sơ`]);
    expect(warnings[0]?.text).toContain(`sắp đến hạn giải quyết: ${viDate(dueAt)}`);
    expect(warnings[0]?.text).toContain(`${BASE_URL}/lookup?code=${code}`);
    expect(only(peer.mailsTo(businessVi.email), code).map((m) => m.subject).sort()).toEqual([`[${code}] Đã nhận hồ sơ nộp trực tuyến`, `[${code}] Đã tiếp nhận hồ sơ`].sort());
  });

  it('when the completeness check of a submitted dossier nears its end, then the officers are warned; once accepted, no such warning', async () => {
    const { id, code } = await driver.createReady(businessVi);
    await driver.event(businessVi, id, { type: 'SUBMIT', declaration: true });
    const intake = (await driver.get(officer, `/api/v1/applications/${id}`)).deadlines.intake as { dueAt: string; warningAt: string };
    await runDeadlineJobsAt(new Date(new Date(intake.warningAt).getTime() + 60_000));
    const warnings = only(peer.mailsTo(officer.email), code);
    expect(warnings.map((m) => m.subject)).toEqual([`[${code}] Sắp hết hạn kiểm tra thành phần hồ sơ`]);
    expect(warnings[0]?.text).toContain(`sắp hết hạn kiểm tra thành phần: ${viDate(intake.dueAt)}`);
    const history = await driver.get(officer, `/api/v1/applications/${id}/history`);
    expect(history.entries.at(-1).event).toMatchObject({ type: 'DEADLINE_WARNING', dueAt: intake.dueAt });

    const accepted = await driver.createReady(businessVi);
    await driver.event(businessVi, accepted.id, { type: 'SUBMIT', declaration: true });
    const itsIntake = (await driver.get(officer, `/api/v1/applications/${accepted.id}`)).deadlines.intake as { warningAt: string };
    await driver.event(officer, accepted.id, { type: 'ACCEPT' });
    await runDeadlineJobsAt(new Date(new Date(itsIntake.warningAt).getTime() + 60_000));
    expect(only(peer.mailsTo(officer.email), accepted.code)).toEqual([]);
  });

  it('when a dossier has an assignee, then its deadline warning goes to that officer only, in their language', async () => {
    const assignee = await createUser(app, 'officer');
    await speaksEnglish(assignee);
    const { id, code } = await driver.createReady(businessVi);
    await driver.event(businessVi, id, { type: 'SUBMIT', declaration: true });
    // Assignment is a log entry like any other change (the officers' queue calls the same service).
    await driver.event(officer, id, { type: 'ACCEPT' });
    await assignDossier({ kind: 'user', userId: officer.id, role: 'officer', name: 'Test officer' }, id, assignee.id, new Date());
    const dueAt = await passDueDate(id);

    expect(only(peer.mailsTo(assignee.email), code).map((m) => m.subject)).toEqual([`[${code}] Dossier deadline approaching`]);
    expect(only(peer.mailsTo(assignee.email), code)[0]?.text).toContain(`is due by ${enDate(dueAt)}`);
    expect(only(peer.mailsTo(officer.email), code)).toEqual([]);
  });
});
