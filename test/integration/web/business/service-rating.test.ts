import request from 'supertest';
import { createOrganization, createUser, type TestUser } from '../../../support/actors';
import { csrfTokenOf } from '../../../support/browser-session';
import { useTestDatabase } from '../../../support/test-database';
import { awaitingDecision, sendEvent, signedIn, staffApp, submittedEprDossier, type App } from '../staff/staff-kit';
import { AuditEntryModel } from '../../../../src/audit/audit.model';

describe('applicants rate the service after the result (Decision 766 satisfaction)', () => {
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

  it('when the result is given, then the applicant rates once (1–5, a comment optional); before it, or twice, is refused; the leader sees the average', async () => {
    const waiting = await submittedEprDossier(app, business, 'Chưa có kết quả');
    const early = await request(app).post(`/api/v1/applications/${waiting.id}/rating`).set('Authorization', `Bearer ${business.token}`).send({ score: 5 });
    expect(early.status).toBe(409);
    expect(early.body.reason).toBe('no_result_yet');

    const { id } = await awaitingDecision(app, business, officer, 'Đã có kết quả');
    await sendEvent(app, leader, id, { type: 'APPROVE' });
    const b = await signedIn(app, business);
    const page = await b.agent.get(`/my/dossiers/${id}`);
    expect(page.text).toContain('Đánh giá mức độ hài lòng');
    const none = await b.agent.post(`/my/dossiers/${id}/rating`).type('form').send({ _csrf: csrfTokenOf(page.text), comment: 'Quên chọn mức' });
    expect(none.status).toBe(400);
    expect(none.text).toContain('Chọn một mức từ 1 đến 5.');
    const rated = await b.agent.post(`/my/dossiers/${id}/rating`).type('form').send({ _csrf: csrfTokenOf(page.text), score: '4', comment: 'Xử lý nhanh, hướng dẫn rõ' });
    expect(rated.headers.location).toBe(`/my/dossiers/${id}?done=rated#rating`);
    expect((await b.agent.get(`/my/dossiers/${id}`)).text).toContain('Bạn đã đánh giá 4/5.');
    const twice = await request(app).post(`/api/v1/applications/${id}/rating`).set('Authorization', `Bearer ${business.token}`).send({ score: 1 });
    expect(twice.status).toBe(409);
    expect(await AuditEntryModel.countDocuments({ action: 'dossier.service_rated', 'target.id': id })).toBe(1);

    const other = await createUser(app, 'business', await createOrganization('Công ty khác'));
    expect((await request(app).post(`/api/v1/applications/${id}/rating`).set('Authorization', `Bearer ${other.token}`).send({ score: 5 })).status).toBe(404);

    // The Decision 766 self-assessment counts the decision and reads the rating (5.4), page and API alike.
    const year = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);
    const d766 = await request(app).get(`/api/v1/decision-766?period=${year}`).set('Authorization', `Bearer ${leader.token}`);
    expect(d766.status).toBe(200);
    expect(d766.body.byProcedure.find((p: { type: string }) => p.type === 'epr')).toMatchObject({ decided: 1, ratings: 1, complaints: 0 });
    expect((await request(app).get('/api/v1/decision-766?period=soon').set('Authorization', `Bearer ${leader.token}`)).status).toBe(404);
    expect((await request(app).get(`/api/v1/decision-766?period=${year}`).set('Authorization', `Bearer ${business.token}`)).status).toBe(403);

    const l = await signedIn(app, leader);
    expect((await l.agent.get(`/leader/decision-766?period=${year}`)).text).toContain('Tự đánh giá chỉ số phục vụ (Quyết định 766)');
    const statistics = await l.agent.get('/leader/statistics');
    expect(statistics.text).toContain('Mức hài lòng bình quân');
    expect(statistics.text).toContain('4/5');
  });
});
