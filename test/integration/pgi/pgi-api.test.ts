import request from 'supertest';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { parsePeriodId, periodsOf, pgiOutboxDeliverer, recomputePeriod } from '../../../src/pgi';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

describe('the PGI API', () => {
  const database = useTestDatabase();
  const deps = { now: () => new Date(), calendar: DEFAULT_WORKING_CALENDAR };
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;
  let leader: TestUser;
  const as = (user: TestUser) => ({
    get: (url: string) => request(app).get(url).set('Authorization', `Bearer ${user.token}`),
    post: (url: string, body: object = {}) => request(app).post(url).set('Authorization', `Bearer ${user.token}`).send(body),
  });

  beforeAll(async () => {
    // What the composition root will do (see src/pgi/index.ts).
    registerOutboxDeliverer('project_pgi', pgiOutboxDeliverer(deps));
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
  });

  it('when an EPR dossier is approved through the API, then its quarter counts it, names its code, and equals the full recompute', async () => {
    const created = await as(business).post('/api/v1/applications', { type: 'epr', title: 'EPR bao bì PET', data: EPR_DATA });
    const id = created.body.id as string;
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    for (const [user, event] of [[business, { type: 'SUBMIT', declaration: true }], [officer, { type: 'ACCEPT' }], [officer, { type: 'RECOMMEND', decision: 'approve' }], [leader, { type: 'APPROVE' }]] as const) {
      expect((await as(user).post(`/api/v1/applications/${id}/events`, event)).status).toBe(201);
    }
    const quarter = periodsOf(new Date()).quarter;

    const res = await as(officer).get(`/api/v1/pgi/periods/${quarter}`);
    expect(res.status).toBe(200);
    const fulfilled = res.body.components[1].indicators.find((i: { indicator: { id: string } }) => i.indicator.id === 'c2_epr_obligations_fulfilled');
    expect(fulfilled.lineage.map((l: { code: string }) => l.code)).toEqual([created.body.code]);
    expect(fulfilled.value).toBe(1);
    const { status: _status, ...view } = res.body;
    expect(view).toEqual(JSON.parse(JSON.stringify((await recomputePeriod(parsePeriodId(quarter)!, deps)).view)));

    const list = await as(leader).get('/api/v1/pgi/periods');
    expect(list.body.periods.find((p: { id: string }) => p.id === quarter).values.c2_epr_obligations_fulfilled).toBe(1);
  });

  it('when a period is exported, then CSV and XLSX come back with the indicators and the dossier codes', async () => {
    const quarter = periodsOf(new Date()).quarter;
    const csv = await as(officer).get(`/api/v1/pgi/periods/${quarter}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('c2_epr_obligations_fulfilled');
    expect(csv.text).toMatch(/HP-EPR-\d{4}-\d{6}/);
    const xlsx = await as(leader).get(`/api/v1/pgi/periods/${quarter}/export.xlsx`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK'); // a zip container, as XLSX is
  });

  it('when a business asks for province-wide figures, drill-downs or exports, then it is refused; officers read but only leaders close', async () => {
    for (const path of ['/api/v1/pgi/periods', '/api/v1/pgi/periods/2025', '/api/v1/pgi/periods/2025/export.csv', '/api/v1/pgi/periods/2025/export.xlsx', '/pgi']) {
      expect((await as(business).get(path)).status).toBe(403);
      // API routes answer 401; the page sends a browser to sign in.
      expect([401, 303]).toContain((await request(app).get(path)).status);
    }
    expect((await as(business).post('/api/v1/pgi/periods/2025/close')).status).toBe(403);
    expect((await as(officer).post('/api/v1/pgi/periods/2025/close')).status).toBe(403);
    expect((await as(officer).post('/api/v1/pgi/periods/2025/recompute')).status).toBe(403);
    expect((await as(leader).post('/api/v1/pgi/periods/2025/reopen', { reason: 'short' })).status).toBe(400);
    expect((await as(officer).get('/api/v1/pgi/periods/2025-Q9')).status).toBe(404);
  });

  it('when staff open the dashboard, then it shows the four components with drill-down links', async () => {
    const res = await as(officer).get(`/pgi?period=${periodsOf(new Date()).quarter}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Vai trò lãnh đạo của chính quyền tỉnh');
    expect(res.text).toContain('href="#c2_epr_obligations_fulfilled"');
  });
});
