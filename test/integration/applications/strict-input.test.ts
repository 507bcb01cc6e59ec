import fc from 'fast-check';
import request from 'supertest';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { EPR_DATA } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

interface FieldError {
  field: string;
  message: string;
}

describe('strict input: refused by name, nothing stored', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;

  const bearer = (user: TestUser) => `Bearer ${user.token}`;
  /** A raw JSON body, so keys such as "__proto__" arrive as sent (an object literal would set the prototype). */
  const postJson = (url: string, json: string) => request(app).post(url).set('Authorization', bearer(business)).set('Content-Type', 'application/json').send(json);
  const fieldsOf = (body: { errors?: FieldError[] }) => (body.errors ?? []).map((e) => e.field);
  /** Read through the API, as a client would: how many dossiers the business can see. */
  const dossierCount = async () => {
    const res = await request(app).get('/api/v1/applications?pageSize=1').set('Authorization', bearer(business));
    expect(res.status).toBe(200);
    return res.body.total as number;
  };

  beforeAll(async () => {
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
  });

  it('when data carries operator or dotted keys, then 400 names each one and nothing is stored', async () => {
    const before = await dossierCount();
    const res = await postJson('/api/v1/applications', JSON.stringify({ type: 'epr', title: 'EPR bao bì', data: { $where: 'sleep(1000)', 'a.b': 1 } }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['data.$where', 'data.a.b']));
    expect(await dossierCount()).toBe(before);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('when a body carries "%s", then 400 names it and nothing is stored', async (key) => {
    const before = await dossierCount();
    const res = await postJson('/api/v1/applications', `{"type":"epr","title":"EPR bao bì","data":{"${key}":{"polluted":true}}}`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(`data.${key}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await dossierCount()).toBe(before);
  });

  it('when data nests 150 levels deep, then 400 and nothing is stored', async () => {
    const before = await dossierCount();
    const deep = `${'{"x":'.repeat(150)}1${'}'.repeat(150)}`;
    const res = await postJson('/api/v1/applications', `{"type":"epr","title":"EPR bao bì","data":{"note":${deep}}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/sâu|deep/i);
    expect(await dossierCount()).toBe(before);
  });

  it('when a body nests 99,000 arrays (just under the size limit), then 400, not a crash', async () => {
    const res = await postJson('/api/v1/applications', `{"type":"epr","title":"EPR bao bì","data":{"note":${'['.repeat(99_000)}${']'.repeat(99_000)}}}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('when a body, its data or a product line carries an unknown key, then 400 names each, in the caller\'s language', async () => {
    const body = { type: 'epr', title: 'EPR bao bì', colour: 'green', data: { ...EPR_DATA, note: 'x', productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 1, weight: 2 }] } };
    const vi = await request(app).post('/api/v1/applications?lang=vi').set('Authorization', bearer(business)).send(body);
    expect(vi.status).toBe(400);
    expect(fieldsOf(vi.body)).toEqual(expect.arrayContaining(['colour', 'data.note', 'data.productLines.0.weight']));
    expect(vi.body.errors.find((e: FieldError) => e.field === 'colour').message).toBe('Trường này không được chấp nhận ở đây.');
    const en = await request(app).post('/api/v1/applications?lang=en').set('Authorization', bearer(business)).send(body);
    expect(en.body.errors.find((e: FieldError) => e.field === 'colour').message).toBe('This field is not accepted here.');
  });

  it('when an edit carries an unknown or operator key, then 400 names it and the dossier is unchanged', async () => {
    const created = await request(app).post('/api/v1/applications').set('Authorization', bearer(business)).send({ type: 'epr', title: 'EPR bao bì', data: EPR_DATA });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const unknown = await request(app).patch(`/api/v1/applications/${id}`).set('Authorization', bearer(business)).send({ data: { rogue: 1 } });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toContain('data.rogue');
    const operator = await request(app).patch(`/api/v1/applications/${id}`).set('Authorization', bearer(business)).send({ $set: { title: 'x' } });
    expect(operator.status).toBe(400);
    expect(fieldsOf(operator.body)).toContain('$set');
    const after = await request(app).get(`/api/v1/applications/${id}`).set('Authorization', bearer(business));
    expect(after.body.title).toBe('EPR bao bì');
    expect(after.body.data).toEqual(EPR_DATA);
  });

  it('when an event carries a field its type does not have, then 400 names it and no event is logged', async () => {
    const created = await request(app).post('/api/v1/applications').set('Authorization', bearer(business)).send({ type: 'epr', title: 'EPR bao bì', data: EPR_DATA });
    const id = created.body.id as string;
    const res = await request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', bearer(business)).send({ type: 'WITHDRAW', reason: 'đổi kế hoạch', at: '2000-01-01T00:00:00Z', decision: 'approve' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['at', 'decision']));
    const history = await request(app).get(`/api/v1/applications/${id}/history`).set('Authorization', bearer(business));
    expect(JSON.stringify(history.body)).not.toContain('WITHDRAW');
  });

  it.each([
    ['/api/v1/applications?state[$ne]=draft', 'state[$ne]'],
    ['/api/v1/applications?type[$gt]=', 'type[$gt]'],
    ['/api/v1/applications?ic[$regex]=.*', 'ic[$regex]'],
    ['/api/v1/applications?state=draft&state=submitted', 'state'],
    ['/api/v1/applications?a.b=1', 'a.b'],
    ['/api/v1/applications?colour=green', 'colour'],
    ['/api/v1/public/certificates?code[$ne]=x', 'code[$ne]'],
  ])('when the query is %s, then 400 names %s instead of ignoring it', async (url, field) => {
    const res = await request(app).get(url).set('Authorization', bearer(officer));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('when the query only switches the language, then the list answers as before', async () => {
    const res = await request(app).get('/api/v1/applications?lang=en&state=draft').set('Authorization', bearer(business));
    expect(res.status).toBe(200);
  });

  it('when a mass is beyond its plausible range, then 400 names it; at the bound it is accepted and explained exactly', async () => {
    const line = (placedOnMarketKg: number) => ({ ...EPR_DATA, productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg }] });
    const tooMuch = await request(app).post('/api/v1/applications').set('Authorization', bearer(business)).send({ type: 'epr', title: 'EPR bao bì', data: line(1e20) });
    expect(tooMuch.status).toBe(400);
    expect(fieldsOf(tooMuch.body)).toContain('data.productLines.0.placedOnMarketKg');
    const atBound = await request(app).post('/api/v1/applications').set('Authorization', bearer(business)).send({ type: 'epr', title: 'EPR bao bì', data: line(1_000_000_000) });
    expect(atBound.status).toBe(201);
    expect(atBound.body.results.eprObligation.explanation.en).toContain('1,000,000,000 kg');
  });

  it.each([
    ['post', '/api/v1/applications/0/events', { type: 'SUBMIT', declaration: true }],
    ['get', '/api/v1/applications/not-an-id', undefined],
    ['get', '/api/v1/applications/0/history', undefined],
    ['patch', '/api/v1/applications/0', { title: 'Tiêu đề mới' }],
    ['get', '/api/v1/documents/0/download', undefined],
    ['delete', '/api/v1/auth/tokens/0', undefined],
    ['get', '/api/v1/petitions/0', undefined],
    ['get', '/api/v1/conferences/0', undefined],
    ['get', '/api/v1/pgi/periods/0', undefined],
  ] as const)('when %s %s names a malformed id, then 404', async (method, url, body) => {
    const user = url.includes('/pgi/') || url.includes('/conferences/') ? officer : business;
    const res = await request(app)[method](url).set('Authorization', bearer(user)).send(body);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('property: an operator-shaped key at any depth of the data is always refused and nothing is stored', async () => {
    const before = await dossierCount();
    const hostileKey = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$ne', '$gt', '$set'),
      fc.string({ minLength: 1, maxLength: 8 }).map((s) => `$${s}`),
      fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[a-z]{1,6}$/)).map(([a, b]) => `${a}.${b}`),
    );
    await fc.assert(
      fc.asyncProperty(hostileKey, fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 5 }), async (key, path) => {
        // Built as text so the key is an own key at the given depth, as a client would send it.
        const nested = path.reduceRight((inner, name) => `{"${name}":${inner}}`, `{${JSON.stringify(key)}:1}`);
        const res = await postJson('/api/v1/applications', `{"type":"epr","title":"EPR bao bì","data":${nested}}`);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation_failed');
      }),
      { numRuns: 40 },
    );
    expect(await dossierCount()).toBe(before);
  });
});
