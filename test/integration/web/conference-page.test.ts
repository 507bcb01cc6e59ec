import request from 'supertest';
import { createUser, PASSWORD } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

describe('the dialogue conference page', () => {
  const database = useTestDatabase();

  it('when an officer clicks a briefing button, then a background export is requested and listed with its progress; businesses cannot open the page', async () => {
    const app = buildTestApp(database());
    const officer = await createUser(app, 'officer');
    const created = await request(app)
      .post('/api/v1/conferences')
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ title: 'Hội nghị đối thoại doanh nghiệp 2026', date: '2026-12-10', planReference: '462/KH-SCT', scope: { from: '2026-01-01', to: '2026-11-30' } });
    expect(created.status).toBe(201);

    const b = browser(app);
    await b.signIn(officer.email, PASSWORD);
    const page = await b.agent.get('/conferences');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Hội nghị đối thoại doanh nghiệp 2026');
    expect(page.text).toContain('Xuất báo cáo PDF');

    const clicked = await b.agent.post(`/conferences/${created.body.id}/exports`).type('form').send({ _csrf: csrfTokenOf(page.text), format: 'pdf', locale: 'vi' });
    expect(clicked.status).toBe(303);
    const exports = await request(app).get(`/api/v1/conferences/${created.body.id}/exports`).set('Authorization', `Bearer ${officer.token}`);
    expect(exports.body.items).toHaveLength(1);
    expect(exports.body.items[0]).toMatchObject({ format: 'pdf', locale: 'vi' });
    expect((await b.agent.get('/conferences')).text).toContain('đang tạo');

    const business = await createUser(app, 'business');
    const other = browser(app);
    await other.signIn(business.email, PASSWORD);
    expect((await other.agent.get('/conferences')).status).toBe(403);
  });
});
