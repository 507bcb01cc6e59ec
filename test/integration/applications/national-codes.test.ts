import request from 'supertest';
import { configureDossierDirectory } from '../../../src/applications/read-model/dossier-directory';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

/** National dossier codes (#17): given at receipt, gapless per day, the reference from creation still resolving. */
describe('national dossier codes', () => {
  const database = useTestDatabase();
  // Thu 12 Mar 2026, 09:00 in Hai Phong.
  let clock = new Date('2026-03-12T02:00:00Z');
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    configureDossierDirectory({ maxStalenessMs: 0 });
    app = buildTestApp(database(), { now: () => clock });
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
  });

  const submitted = async () => {
    const res = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title: 'EPR bao bì 2026', data: EPR_DATA });
    await attachDocuments(res.body.id, eprRequiredDocuments(), business.id);
    const sent = await request(app).post(`/api/v1/applications/${res.body.id}/events`).set('Authorization', `Bearer ${business.token}`).send({ type: 'SUBMIT', declaration: true });
    expect(sent.status).toBe(201);
    return { id: res.body.id as string, code: res.body.code as string };
  };
  const accept = (id: string) => request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${officer.token}`).send({ type: 'ACCEPT' });
  const read = async (id: string) => (await request(app).get(`/api/v1/applications/${id}`).set('Authorization', `Bearer ${officer.token}`)).body;

  it('when a dossier is received, then it gets <agency>-YYMMDD-0001; before receipt it has only its reference; both codes find it', async () => {
    const { id, code } = await submitted();
    expect((await read(id)).nationalCode).toBeUndefined();
    expect((await accept(id)).status).toBe(201);
    const national = (await read(id)).nationalCode as string;
    expect(national).toBe('000.00.00.H26-260312-0001');
    for (const asked of [national, code]) {
      const found = await request(app).get(`/api/v1/public/dossiers/${asked}`);
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ code, nationalCode: national });
    }
    const page = await request(app).get(`/lookup?code=${encodeURIComponent(national)}`);
    expect(page.text).toContain(national);
  });

  it('when five dossiers are received at once, then they take the next five numbers of the day, each once, with no gap', async () => {
    const dossiers = await Promise.all(Array.from({ length: 5 }, () => submitted()));
    const answers = await Promise.all(dossiers.map((d) => accept(d.id)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const numbers = (await Promise.all(dossiers.map(async (d) => (await read(d.id)).nationalCode as string))).map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual([2, 3, 4, 5, 6]);
  });

  it('when the day changes, then numbering starts again at 0001 under the new date', async () => {
    clock = new Date('2026-03-13T02:00:00Z');
    const { id } = await submitted();
    await accept(id);
    expect((await read(id)).nationalCode).toBe('000.00.00.H26-260313-0001');
  });
});
