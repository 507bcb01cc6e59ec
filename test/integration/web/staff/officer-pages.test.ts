import { ApplicationModel } from '../../../../src/applications/application.model';
import { createOrganization, createUser, type TestUser } from '../../../support/actors';
import { csrfTokenOf } from '../../../support/browser-session';
import { useTestDatabase } from '../../../support/test-database';
import { signedIn, staffApp, submittedEprDossier, type App } from './staff-kit';
import { AuditEntryModel } from '../../../../src/audit/audit.model';

describe('the officer pages', () => {
  const database = useTestDatabase();
  let app: App;
  let business: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    app = staffApp(database());
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
  });

  it('when an officer reviews a dossier and requests supplementation with reasons, then the dossier moves and the reasons are logged one per line', async () => {
    const { id, code } = await submittedEprDossier(app, business);
    const b = await signedIn(app, officer);

    const queue = await b.agent.get('/officer/queue');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(code);

    const review = await b.agent.get(`/officer/dossiers/${id}`);
    expect(review.status).toBe(200);
    // The figures come with how they were computed: formula, factors with source and year, legal basis.
    expect(review.text).toContain('Cách tính');
    expect(review.text).toContain('F = R × V × Fs');
    expect(review.text).toContain('Căn cứ pháp lý');
    expect(review.text).toMatch(/Chuỗi nhật ký toàn vẹn: 1 bước/);
    expect(review.text).toContain('Hạn ban đầu');
    // The process diagram marks where the dossier is, and only there.
    expect(review.text.match(/aria-current="step"/g)).toHaveLength(1);
    expect(review.text).toMatch(/<g class="state state-normal state-current" aria-current="step">[\s\S]*?Đã nộp, chờ kiểm tra<\/text>/);
    // Only what the machine allows an officer here: accept or request supplementation; never a leader's decision.
    expect(review.text).toContain('value="REQUEST_SUPPLEMENT"');
    expect(review.text).toContain('value="ACCEPT"');
    expect(review.text).not.toContain('value="APPROVE"');

    // A request without reasons is refused next to the field, and the comment typed is kept.
    const token = csrfTokenOf(review.text);
    const empty = await b.agent.post(`/officer/dossiers/${id}/events`).type('form').send({ _csrf: token, type: 'REQUEST_SUPPLEMENT', reasons: '  \n ', comment: 'Gọi điện trước' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('id="ev-REQUEST_SUPPLEMENT-reasons-error"');
    expect(empty.text).toContain('Nhập ít nhất một lý do');
    expect(empty.text).toContain('Gọi điện trước');
    expect((await ApplicationModel.findById(id).lean())!.state).toBe('submitted');

    const sent = await b.agent
      .post(`/officer/dossiers/${id}/events`)
      .type('form')
      .send({ _csrf: token, type: 'REQUEST_SUPPLEMENT', reasons: 'Thiếu hợp đồng tái chế\n\nBảng kê chưa ký', comment: '' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/officer/dossiers/${id}?done=REQUEST_SUPPLEMENT`);

    const after = await b.agent.get(sent.headers.location as string);
    expect(after.text).toContain('Yêu cầu bổ sung');
    expect(after.text).toContain('<li>Thiếu hợp đồng tái chế</li>');
    expect(after.text).toContain('<li>Bảng kê chưa ký</li>');
    expect(after.text).toMatch(/Chuỗi nhật ký toàn vẹn: 2 bước/);
    const moved = (await ApplicationModel.findById(id).lean())!;
    expect(moved.state).toBe('supplementation_requested');
    // Acting took the dossier: it is now this officer's, in the same log entry (two steps, no separate assignment).
    expect(String(moved.assigneeId)).toBe(officer.id);
    expect(after.text).toContain('Test officer');
  });

  it('when the machine refuses an action, then the page answers 422 with the guard\'s reasons', async () => {
    const { id } = await submittedEprDossier(app, business);
    const b = await signedIn(app, officer);
    const token = csrfTokenOf((await b.agent.get(`/officer/dossiers/${id}`)).text);
    // RECOMMEND is not allowed before the dossier is accepted.
    const refused = await b.agent.post(`/officer/dossiers/${id}/events`).type('form').send({ _csrf: token, type: 'RECOMMEND', decision: 'approve' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('id="refusal"');
  });

  it('when an officer assigns a dossier to themself, then the queue shows it under "assigned to me" and the change is audited', async () => {
    const { id, code } = await submittedEprDossier(app, business);
    const b = await signedIn(app, officer);
    const token = csrfTokenOf((await b.agent.get('/officer/queue')).text);
    const res = await b.agent.post('/officer/queue/assign').type('form').send({ _csrf: token, dossierId: id, assignee: 'me', returnTo: '/officer/queue?assignee=me' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/officer/queue?assignee=me&done=assigned');
    const mine = await b.agent.get('/officer/queue?assignee=me');
    expect(mine.text).toContain(code);
    expect(String((await ApplicationModel.findById(id).lean())!.assigneeId)).toBe(officer.id);
    expect(await AuditEntryModel.countDocuments({ action: 'dossier.assigned', 'target.id': id })).toBe(1);
  });

  it('when a business user opens staff pages, then every one answers 403', async () => {
    const b = await signedIn(app, business);
    for (const path of ['/officer/queue', '/leader/decisions', '/leader/statistics', '/admin', '/admin/users', '/admin/calendar', '/admin/workflows']) {
      expect([path, (await b.agent.get(path)).status]).toEqual([path, 403]);
    }
  });

  it('when an officer refuses a dossier at intake from the review page, then a confirmation page comes first and nothing happens until it is confirmed', async () => {
    const { id, code } = await submittedEprDossier(app, business);
    const b = await signedIn(app, officer);
    const token = csrfTokenOf((await b.agent.get(`/officer/dossiers/${id}`)).text);
    const fields = { _csrf: token, type: 'REFUSE_INTAKE', reasons: 'Thủ tục thuộc thẩm quyền Ban Quản lý khu kinh tế', comment: 'Đã gọi điện báo' };
    const asked = await b.agent.post(`/officer/dossiers/${id}/events`).type('form').send(fields);
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('Xác nhận thao tác');
    expect(asked.text).toContain(code);
    expect(asked.text).toContain('Thủ tục thuộc thẩm quyền Ban Quản lý khu kinh tế');
    expect(asked.text).toContain('name="confirmed" value="yes"');
    expect((await ApplicationModel.findById(id).lean())!.state).toBe('submitted');

    const confirmed = await b.agent.post(`/officer/dossiers/${id}/events`).type('form').send({ ...fields, _csrf: csrfTokenOf(asked.text), confirmed: 'yes' });
    expect(confirmed.status).toBe(303);
    expect((await ApplicationModel.findById(id).lean())!.state).toBe('refused_at_intake');
  });
});
