import request from 'supertest';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

describe('the public dossier lookup', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;

  const post = (user: TestUser, url: string, body: object) => request(app).post(url).set('Authorization', `Bearer ${user.token}`).send(body);

  beforeAll(async () => {
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
  });

  it('when anyone looks up a dossier in review by its code, then the page shows the steps with review current, and no applicant-only message', async () => {
    const created = await post(business, '/api/v1/applications', { type: 'epr', title: 'EPR bao bì PET', data: EPR_DATA });
    const id = created.body.id as string;
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    expect((await post(business, `/api/v1/applications/${id}/events`, { type: 'SUBMIT', declaration: true })).status).toBe(201);
    expect((await post(officer, `/api/v1/applications/${id}/events`, { type: 'ACCEPT' })).status).toBe(201);

    const page = await request(app).get(`/lookup?code=${created.body.code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('state-technical_review');
    expect(page.text).toMatch(/<li class="step step-done">[\s\S]*?Tiếp nhận, kiểm tra[\s\S]*?<li class="step step-current" aria-current="step">[\s\S]*?Thẩm định/);
    expect(page.text).not.toContain('Bước này đang chờ doanh nghiệp');
    const english = await request(app).get(`/lookup?code=${created.body.code}&lang=en`);
    expect(english.text).toMatch(/aria-current="step">[\s\S]*?Technical review/);
  });

  it('when the code is unknown, then no steps are shown, only the field message', async () => {
    const page = await request(app).get('/lookup?code=HP-EPR-2026-999999');
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('progress-steps');
  });
});
