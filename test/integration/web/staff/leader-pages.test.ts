import { trusted } from 'mongoose';
import { ApplicationModel } from '../../../../src/applications/application.model';
import { DossierEventModel } from '../../../../src/applications/dossier-event.model';
import { workingDaysBetween } from '../../../../src/calendar';
import { createOrganization, createUser, type TestUser } from '../../../support/actors';
import { csrfTokenOf } from '../../../support/browser-session';
import { useTestDatabase } from '../../../support/test-database';
import { awaitingDecision, deps, markOverdue, signedIn, staffApp, submittedEprDossier, type App } from './staff-kit';

describe('the leader pages', () => {
  const database = useTestDatabase();
  let app: App;
  let business: TestUser;
  let officer: TestUser;
  let leader: TestUser;

  beforeAll(async () => {
    app = staffApp(database());
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
  });

  it('when a leader bulk-approves two dossiers, one overdue, then the confirmation asks for the apology note and each dossier is approved', async () => {
    const onTime = await awaitingDecision(app, business, officer, 'EPR đúng hạn');
    const late = await awaitingDecision(app, business, officer, 'EPR quá hạn');
    await markOverdue(late.id);
    const b = await signedIn(app, leader);

    const list = await b.agent.get('/leader/decisions');
    expect(list.status).toBe(200);
    expect(list.text).toContain(onTime.code);
    expect(list.text).toContain(late.code);
    // Overdue first.
    expect(list.text.indexOf(late.code)).toBeLessThan(list.text.indexOf(onTime.code));

    const confirm = await b.agent.post('/leader/decisions/confirm').type('form').send({ _csrf: csrfTokenOf(list.text), ids: [onTime.id, late.id], decision: 'APPROVE' });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`name="apology-${late.id}"`);
    expect(confirm.text).not.toContain(`name="apology-${onTime.id}"`);
    // Nothing happened yet: confirming is a separate step.
    expect((await ApplicationModel.findById(onTime.id).lean())!.state).toBe('awaiting_decision');

    const token = csrfTokenOf(confirm.text);
    const missing = await b.agent.post('/leader/decisions/apply').type('form').send({ _csrf: token, ids: [onTime.id, late.id], decision: 'APPROVE', confirmed: 'yes', comment: 'Đồng ý theo đề xuất' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain(`id="f-apology-${late.id}-error"`);
    expect(missing.text).toContain('Đồng ý theo đề xuất');
    expect((await ApplicationModel.findById(onTime.id).lean())!.state).toBe('awaiting_decision');

    const apology = 'Hồ sơ chậm do chờ ý kiến cơ quan phối hợp; hẹn trả kết quả ngày 15.';
    const applied = await b.agent
      .post('/leader/decisions/apply')
      .type('form')
      .send({ _csrf: token, ids: [onTime.id, late.id], decision: 'APPROVE', confirmed: 'yes', comment: 'Đồng ý theo đề xuất', [`apology-${late.id}`]: apology });
    expect(applied.status).toBe(200);
    expect(applied.text).toContain('2 hồ sơ thành công, 0 hồ sơ không thực hiện được');
    for (const id of [onTime.id, late.id]) expect((await ApplicationModel.findById(id).lean())!.state).toBe('approved');
    const lateApproval = await DossierEventModel.findOne({ dossierId: late.id, 'event.type': 'APPROVE' }).lean();
    expect((lateApproval!.event as { apologyNote?: string }).apologyNote).toBe(apology);
  });

  it('when one dossier of a bulk decision is no longer awaiting a decision, then the others go through and it is reported as not done', async () => {
    const ready = await awaitingDecision(app, business, officer);
    const notReady = await submittedEprDossier(app, business);
    const b = await signedIn(app, leader);
    const token = csrfTokenOf((await b.agent.get('/leader/decisions')).text);
    const res = await b.agent.post('/leader/decisions/apply').type('form').send({ _csrf: token, ids: [ready.id, notReady.id], decision: 'RETURN_FOR_REVIEW', reasons: 'Cần kiểm tra lại số liệu', confirmed: 'yes' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('1 hồ sơ thành công, 1 hồ sơ không thực hiện được');
    expect((await ApplicationModel.findById(ready.id).lean())!.state).toBe('technical_review');
    expect((await ApplicationModel.findById(notReady.id).lean())!.state).toBe('submitted');
  });

  it('when the statistics page is opened, then its figures match the dossiers in the database', async () => {
    const b = await signedIn(app, leader);
    const page = await b.agent.get('/leader/statistics');
    expect(page.status).toBe(200);

    const year = new Date().getFullYear();
    const records = await ApplicationModel.find({ submittedAt: trusted({ $exists: true }) }).lean();
    const submitted = records.length;
    const decided = records.filter((r) => r.state === 'approved' || r.state === 'rejected');
    const late = decided.filter((r) => (r.deadlines as { overdue?: boolean }).overdue).length;
    const days = decided.map((r) => workingDaysBetween(new Date(r.deadlines!.receivedAt!), r.decidedAt!, deps.calendar));
    const average = days.reduce((a, b) => a + b, 0) / days.length;
    const rate = Math.round(((decided.length - late) / decided.length) * 1000) / 10;

    const card = (id: string) => new RegExp(`id="${id}"[^]*?class="stat-value">([^<]+)<`).exec(page.text)![1]!.trim();
    expect(card('stat-submitted')).toBe(String(submitted));
    expect(card('stat-decided')).toBe(String(decided.length));
    expect(card('stat-ontime')).toBe(`${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(rate)} %`);
    expect(card('stat-days')).toBe(new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(average));
    // The suite's earlier decisions (one on time, one late) make the figures non-trivial.
    expect(decided.length).toBeGreaterThan(1);
    expect(late).toBeGreaterThan(0);
    expect(page.text).toContain('<svg');
    expect(page.text).toContain(`Số hồ sơ nộp theo tháng, ${year}`);
  });
});
