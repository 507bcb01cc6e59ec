import ExcelJS from 'exceljs';
import request from 'supertest';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { EPR_DATA } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

describe('the EPR portal export (forms 01 and 02 from an EPR dossier)', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization());
    other = await createUser(app, 'business', await createOrganization('Công ty khác'));
  });

  const create = (type: string, data: object) => request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type, title: 'Xuất cổng EPR', data });

  it('when the producer asks for its filing, then JSON and XLSX carry the obligation per product with its explanation, and form 02 leaves the achieved figures empty', async () => {
    const dossier = await create('epr', EPR_DATA);
    const json = await request(app).get(`/api/v1/applications/${dossier.body.id}/epr-portal`).set('Authorization', `Bearer ${business.token}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      schema: { name: 'hp-green/epr-portal-export', version: 1 },
      producer: { role: 'producer' },
      registration: { form: '01', reportingYear: 2026, complianceMethod: 'recycle', totals: { recyclingObligationKg: 110000 } },
      resultsReport: { form: '02', lines: [{ productCode: 'packaging_rigid_pet', recyclingObligationKg: 110000, achievedKg: null }] },
    });
    expect(json.body.registration.products[0]).toMatchObject({ productCode: 'packaging_rigid_pet', placedOnMarketKg: 500000, ratePercent: 22, recyclingObligationKg: 110000 });
    expect(json.body.registration.products[0].explanation.vi).toContain('R × V');
    expect(json.body.calculation.factors.length).toBeGreaterThan(0);

    const xlsx = await request(app).get(`/api/v1/applications/${dossier.body.id}/epr-portal?format=xlsx`).set('Authorization', `Bearer ${business.token}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Mau01-DangKy', 'Mau02-BaoCao', 'CachTinh']);
    const totals = workbook.getWorksheet('Mau01-DangKy')!.getRow(workbook.getWorksheet('Mau01-DangKy')!.rowCount).values as unknown[];
    expect(totals).toContain(110000);
  });

  it('when the dossier is not EPR, belongs to another organization, or has no obligation computed yet, then it answers 404, 404 and 409', async () => {
    const solar = await create('renewable_energy', { ownerKind: 'household', capacityKw: 5, gridConnection: 'grid_no_export' });
    expect((await request(app).get(`/api/v1/applications/${solar.body.id}/epr-portal`).set('Authorization', `Bearer ${business.token}`)).status).toBe(404);
    const epr = await create('epr', EPR_DATA);
    expect((await request(app).get(`/api/v1/applications/${epr.body.id}/epr-portal`).set('Authorization', `Bearer ${other.token}`)).status).toBe(404);
    const empty = await create('epr', { reportingYear: 2026 });
    const refused = await request(app).get(`/api/v1/applications/${empty.body.id}/epr-portal`).set('Authorization', `Bearer ${business.token}`);
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toBe('obligation_not_computed');
  });
});
