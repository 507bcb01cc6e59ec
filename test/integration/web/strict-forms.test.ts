import { createOrganization, createUser, PASSWORD, type TestUser } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

const EPR_FORM = {
  title: 'EPR bao bì PET 2026',
  reportingYear: '2026',
  role: 'producer',
  previousYearAmountVnd: '50000000000',
  complianceMethod: 'recycle',
  'productLines.0.productCode': 'packaging_rigid_pet',
  'productLines.0.placedOnMarketKg': '500000',
};

describe('strict input on web forms', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization());
    admin = await createUser(app, 'admin');
  });

  async function signedIn(user: TestUser) {
    const b = browser(app);
    expect((await b.signIn(user.email, PASSWORD)).status).toBe(303);
    return b;
  }

  async function postDossierForm(fields: Record<string, string>) {
    const b = await signedIn(business);
    const form = await b.agent.get('/my/dossiers/new/epr');
    const res = await b.agent.post('/my/dossiers/new/epr').type('form').send({ _csrf: csrfTokenOf(form.text), ...fields });
    const list = await b.agent.get('/my/dossiers');
    return { res, stored: list.text.includes('HP-EPR-') };
  }

  it('when the dossier form carries a name it does not draw, then the page names it, keeps the input and saves nothing', async () => {
    const { res, stored } = await postDossierForm({ ...EPR_FORM, colour: 'green' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('colour: Trường này không được chấp nhận ở đây.');
    expect(res.text).toContain('value="EPR bao bì PET 2026"');
    expect(stored).toBe(false);
  });

  it('when the dossier form carries an operator-shaped name, then 400 names it and nothing is saved', async () => {
    const { res, stored } = await postDossierForm({ ...EPR_FORM, $where: 'sleep(1000)' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('$where');
    expect(res.text).toContain('Tên trường này không được phép');
    expect(stored).toBe(false);
  });

  it('when a mass is typed beyond its plausible range, then the field says so, the input is kept and nothing is saved', async () => {
    const { res, stored } = await postDossierForm({ ...EPR_FORM, 'productLines.0.placedOnMarketKg': '1e20' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('value="1e20"');
    expect(res.text).toContain('id="f-productLines-0-placedOnMarketKg-error"');
    expect(stored).toBe(false);
  });

  it('when a page query carries an operator or a repeated key, then 400 names it', async () => {
    const b = await signedIn(business);
    const operator = await b.agent.get('/my/dossiers?state[$ne]=draft');
    expect(operator.status).toBe(400);
    expect(operator.text).toContain('state[$ne]');
    expect((await b.agent.get('/my/dossiers?state=draft&state=submitted')).status).toBe(400);
  });

  it('when a staff form carries a name it does not draw, then 400 names it; its own hidden field still passes', async () => {
    const b = await signedIn(admin);
    const page = await b.agent.get('/admin/calendar');
    const entry = { date: '2031-09-03', kind: 'holiday', name_vi: 'Nghỉ lễ thử', name_en: 'Test holiday', source: 'Thử nghiệm' };
    const refused = await b.agent.post('/admin/calendar').type('form').send({ _csrf: csrfTokenOf(page.text), ...entry, rogue: '1' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('rogue');
    expect((await b.agent.get('/admin/calendar?year=2031')).text).not.toContain('Nghỉ lễ thử');
    const saved = await b.agent.post('/admin/calendar').type('form').send({ _csrf: csrfTokenOf(page.text), ...entry, editing: '2031-09-03' });
    expect(saved.status).toBe(303);
  });

  it.each(['/my/dossiers/0', '/my/dossiers/not-an-id/edit'])('when an applicant page names a malformed id (%s), then 404', async (path) => {
    const b = await signedIn(business);
    expect((await b.agent.get(path)).status).toBe(404);
  });

  it.each(['/officer/dossiers/0', '/admin/organizations/0/edit', '/admin/industrial-complexes/0/edit', '/petitions/0'])('when a staff page names a malformed id (%s), then 404', async (path) => {
    const b = await signedIn(admin);
    expect((await b.agent.get(path)).status).toBe(404);
  });

  it('when an admin changes the role of a malformed user id, then 404', async () => {
    const b = await signedIn(admin);
    const page = await b.agent.get('/admin/users');
    const res = await b.agent.post('/admin/users/0/role').type('form').send({ _csrf: csrfTokenOf(page.text), role: 'officer' });
    expect(res.status).toBe(404);
  });
});
