import request from 'supertest';
import { ApplicationModel } from '../../../src/applications/application.model';
import { DossierEventModel } from '../../../src/applications/dossier-event.model';
import { repairLaggingCaches } from '../../../src/applications/dossier-cache';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

describe('the dossier event path over HTTP', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let otherBusiness: TestUser;
  let officer: TestUser;
  let leader: TestUser;

  const as = (user: TestUser) => ({
    get: (url: string) => request(app).get(url).set('Authorization', `Bearer ${user.token}`),
    post: (url: string, body: object) => request(app).post(url).set('Authorization', `Bearer ${user.token}`).send(body),
    patch: (url: string, body: object) => request(app).patch(url).set('Authorization', `Bearer ${user.token}`).send(body),
  });
  const sendEvent = (user: TestUser, id: string, body: object) => as(user).post(`/api/v1/applications/${id}/events`, body);

  async function createEprDraft(): Promise<string> {
    const res = await as(business).post('/api/v1/applications', { type: 'epr', title: 'EPR bao bì PET 2026', data: EPR_DATA });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    app = buildTestApp(database());
    const organizationId = await createOrganization();
    business = await createUser(app, 'business', organizationId);
    otherBusiness = await createUser(app, 'business', await createOrganization('Công ty khác'));
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
  });

  it('when a business files an EPR draft, then it gets a readable code, the computed obligation and the missing documents', async () => {
    const res = await as(business).post('/api/v1/applications', { type: 'epr', title: 'EPR bao bì PET 2026', data: EPR_DATA });
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^HP-EPR-\d{4}-\d{6}$/);
    expect(res.body).toMatchObject({ state: 'draft', type: 'epr', workflow: { version: expect.any(Number) } });
    expect(res.body.results.eprObligation.result).toMatchObject({ totalRecyclingObligationKg: 110_000, totalContributionVnd: 440_000_000 });
    expect(res.body.requiredDocumentsMissing).toEqual(expect.arrayContaining(['recycling_plan']));
    expect(res.body.allowedActions).toEqual(expect.arrayContaining(['SUBMIT', 'WITHDRAW']));
  });

  it('when the data is invalid, then the answer names each bad field and nothing is created', async () => {
    const before = await ApplicationModel.countDocuments();
    const res = await as(business).post('/api/v1/applications', { type: 'epr', title: 'x', data: { reportingYear: 'soon', complianceMethod: 'burn' } });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title']));
    expect(await ApplicationModel.countDocuments()).toBe(before);
    const dataRes = await as(business).post('/api/v1/applications', { type: 'epr', title: 'Hồ sơ EPR', data: { reportingYear: 'soon', complianceMethod: 'burn' } });
    expect(dataRes.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['data.reportingYear', 'data.complianceMethod']));
  });

  it('when documents are missing, then SUBMIT is refused with 422 and the reasons, and nothing is logged', async () => {
    const id = await createEprDraft();
    const res = await sendEvent(business, id, { type: 'SUBMIT', declaration: true });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid_transition');
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('document_missing');
    expect(await DossierEventModel.countDocuments({ dossierId: id })).toBe(0);
  });

  it('when the whole one-stop journey runs, then every step is logged in an intact chain and the public sees the outcome', async () => {
    const id = await createEprDraft();
    await attachDocuments(id, eprRequiredDocuments(), business.id);

    const submit = await sendEvent(business, id, { type: 'SUBMIT', declaration: true });
    expect(submit.status).toBe(201);
    expect(submit.body).toMatchObject({ sequence: 1, from: 'draft', to: 'submitted' });
    // Decree 118 versions: no receipt and no due date before acceptance, only the completeness check's.
    const submitted = await as(business).get(`/api/v1/applications/${id}`);
    expect(submitted.body.deadlines.currentDueAt).toBeUndefined();
    expect(submitted.body.deadlines.intake.dueAt).toBeDefined();

    expect((await sendEvent(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Thiếu hợp đồng tái chế', 'Bảng kê chưa ký'] })).status).toBe(201);
    const patched = await as(business).patch(`/api/v1/applications/${id}`, {
      title: 'EPR bao bì PET 2026 (bổ sung)',
      data: { productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 600_000 }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data.productLines[0].placedOnMarketKg).toBe(600_000);
    expect(patched.body.results.eprObligation.result.totalRecyclingObligationKg).toBe(132_000);
    expect((await sendEvent(business, id, { type: 'RESUBMIT', declaration: true })).status).toBe(201);
    expect((await sendEvent(officer, id, { type: 'ACCEPT' })).status).toBe(201);
    expect((await sendEvent(officer, id, { type: 'RECOMMEND', decision: 'approve' })).status).toBe(201);
    const approve = await sendEvent(leader, id, { type: 'APPROVE', comment: 'Đồng ý' });
    expect(approve.status).toBe(201);
    // The edit is an entry of its own (sequence 3), between the request and the resubmission.
    expect(approve.body).toMatchObject({ sequence: 7, to: 'approved' });
    expect(approve.body.outbox.map((m: { kind: string }) => m.kind)).toEqual(expect.arrayContaining(['issue_certificate', 'notify']));

    const history = await as(business).get(`/api/v1/applications/${id}/history`);
    expect(history.body.chain).toEqual({ intact: true, length: 7 });
    expect(history.body.entries.map((e: { to: string }) => e.to)).toEqual([
      'submitted', 'supplementation_requested', 'supplementation_requested', 'submitted', 'technical_review', 'awaiting_decision', 'approved',
    ]);
    expect(history.body.entries[2].event).toMatchObject({
      type: 'UPDATE_DATA',
      change: { title: 'EPR bao bì PET 2026 (bổ sung)', data: { productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 600_000 }] } },
    });

    const dossier = await as(business).get(`/api/v1/applications/${id}`);
    const lookup = await request(app).get(`/api/v1/public/dossiers/${dossier.body.code}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ code: dossier.body.code, state: 'approved' });
    expect(JSON.stringify(lookup.body)).not.toMatch(/organizationId|title|data/);
  });

  it('when a dossier is approved, then exactly one certificate is issued, the public can verify it, and revoking it shows at once', async () => {
    const id = await createEprDraft();
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    for (const [user, body] of [
      [business, { type: 'SUBMIT', declaration: true }],
      [officer, { type: 'ACCEPT' }],
      [officer, { type: 'RECOMMEND', decision: 'approve' }],
      [leader, { type: 'APPROVE' }],
    ] as const) {
      expect((await sendEvent(user, id, body)).status).toBe(201);
    }
    const dossier = await as(business).get(`/api/v1/applications/${id}`);
    const mine = await as(business).get('/api/v1/certificates');
    const certificate = mine.body.items.find((c: { dossierCode: string }) => c.dossierCode === dossier.body.code);
    expect(certificate).toMatchObject({ type: 'epr', status: 'valid', number: expect.stringMatching(/^\d{5}\/\d{4}\/GCN-SCT-EPR$/) });
    expect((await as(otherBusiness).get('/api/v1/certificates')).body.items.map((c: { dossierCode: string }) => c.dossierCode)).not.toContain(dossier.body.code);

    const verified = await request(app).get(`/api/v1/public/certificates/${certificate.verificationCode.toLowerCase()}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ number: certificate.number, status: 'valid', holderName: expect.any(String) });
    expect((await request(app).get('/api/v1/public/certificates/ZZZZZZZZZZ')).status).toBe(404);
    const register = await request(app).get('/api/v1/public/certificates?type=epr&pageSize=100');
    expect(register.body.items.map((c: { number: string }) => c.number)).toContain(certificate.number);
    // The register is searched by holder name (marks optional) or number, and filtered by type.
    const plainName = (verified.body.holderName as string).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toUpperCase();
    const byName = await request(app).get(`/api/v1/public/certificates?q=${encodeURIComponent(plainName)}`);
    expect(byName.body.items.map((c: { number: string }) => c.number)).toContain(certificate.number);
    const page = await request(app).get(`/certificates?q=${encodeURIComponent(certificate.number)}`);
    expect(page.text).toContain(certificate.number);
    expect(page.text).toContain('Có 1 giấy chứng nhận.');
    const otherType = await request(app).get(`/certificates?q=${encodeURIComponent(certificate.number)}&type=renewable_energy`);
    expect(otherType.text).toContain('Không có giấy chứng nhận nào khớp với điều kiện tìm.');
    expect(otherType.text).not.toContain(`>${certificate.number}</a>`); // the search box still shows what was typed

    expect((await sendEvent(leader, id, { type: 'REVOKE', reasons: ['Sai lệch số liệu khối lượng'] })).status).toBe(201);
    const revoked = await request(app).get(`/api/v1/public/certificates/${certificate.verificationCode}`);
    expect(revoked.body.status).toBe('revoked');
    // The register lists valid certificates by default; revoked ones are asked for, and say so with the date.
    expect((await request(app).get(`/certificates?q=${encodeURIComponent(certificate.number)}`)).text).toContain('Không có giấy chứng nhận nào khớp với điều kiện tìm.');
    const revokedPage = await request(app).get(`/certificates?q=${encodeURIComponent(certificate.number)}&status=revoked`);
    expect(revokedPage.text).toContain(`>${certificate.number}</a>`);
    expect(revokedPage.text).toContain('<span class="state state-cert-revoked">Đã thu hồi</span>');
    // This dossier names no industrial complex: a complex filter leaves it out.
    expect((await request(app).get(`/certificates?q=${encodeURIComponent(certificate.number)}&status=all&ic=KCN-DEEP-C`)).text).not.toContain(`>${certificate.number}</a>`);
    const revokedApi = await request(app).get(`/api/v1/public/certificates?status=all&q=${encodeURIComponent(certificate.number)}`);
    expect(revokedApi.body.items).toEqual([expect.objectContaining({ number: certificate.number, status: 'revoked' })]);
  });

  it('when a log entry is altered in the database, then the history reports the broken link', async () => {
    const id = await createEprDraft();
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    await sendEvent(business, id, { type: 'SUBMIT', declaration: true });
    await sendEvent(officer, id, { type: 'ACCEPT' });
    await DossierEventModel.updateOne({ dossierId: id, sequence: 1 }, { $set: { comment: 'rewritten later' } });
    const history = await as(officer).get(`/api/v1/applications/${id}/history`);
    expect(history.body.chain).toMatchObject({ intact: false, brokenAt: 1 });
  });

  it('when a writer crashed between its log insert and the cache update, then the next writer works from the log and the repair sweep catches the cache up', async () => {
    const id = await createEprDraft();
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    await sendEvent(business, id, { type: 'SUBMIT', declaration: true });
    const afterSubmit = await ApplicationModel.findById(id).lean();
    await sendEvent(officer, id, { type: 'ACCEPT' });
    // Simulate the crash: the log holds ACCEPT (sequence 2) but the cache still shows the state after SUBMIT.
    const rollBack = () =>
      ApplicationModel.updateOne({ _id: id }, { $set: { sequence: 1, state: afterSubmit!.state, snapshot: afterSubmit!.snapshot, lastHash: afterSubmit!.lastHash } });
    await rollBack();

    // The next event is judged against the log's real state (technical_review), not the stale cache.
    const next = await sendEvent(officer, id, { type: 'SCHEDULE_INSPECTION', scheduledFor: '2026-12-10' });
    expect(next.status).toBe(201);
    expect(next.body.sequence).toBe(3);

    await ApplicationModel.updateOne({ _id: id }, { $set: { sequence: 1 } });
    expect(await repairLaggingCaches()).toBeGreaterThanOrEqual(1);
    expect((await ApplicationModel.findById(id).lean())).toMatchObject({ sequence: 3, state: 'inspection' });
  });

  it('when the wrong people act, then they are refused: role 403, other organization 404, anonymous 401', async () => {
    const id = await createEprDraft();
    expect((await sendEvent(business, id, { type: 'ACCEPT' })).status).toBe(403);
    expect((await sendEvent(officer, id, { type: 'APPROVE' })).status).toBe(403);
    expect((await as(otherBusiness).get(`/api/v1/applications/${id}`)).status).toBe(404);
    expect((await sendEvent(otherBusiness, id, { type: 'SUBMIT', declaration: true })).status).toBe(404);
    expect((await as(officer).patch(`/api/v1/applications/${id}`, { title: 'Sửa bởi cán bộ' })).status).toBe(403);
    expect((await request(app).get(`/api/v1/applications/${id}`)).status).toBe(401);
    const list = await as(otherBusiness).get('/api/v1/applications');
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(id);
  });

  it('when a dossier is no longer in draft or supplementation, then PATCH is refused with 409', async () => {
    const id = await createEprDraft();
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    await sendEvent(business, id, { type: 'SUBMIT', declaration: true });
    await sendEvent(officer, id, { type: 'ACCEPT' });
    const res = await as(business).patch(`/api/v1/applications/${id}`, { title: 'Đổi tên sau khi tiếp nhận' });
    expect(res.status).toBe(409);
  });

  it('when officers list dossiers with filters, then the filters apply and paging is reported', async () => {
    const res = await as(officer).get('/api/v1/applications?type=epr&state=draft&pageSize=2');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    expect(res.body.items.every((d: { type: string; state: string }) => d.type === 'epr' && d.state === 'draft')).toBe(true);
    expect((await as(officer).get('/api/v1/applications?overdue=true')).status).toBe(200);
    expect((await as(officer).get('/api/v1/applications?state=nonsense')).status).toBe(400);
  });

  it('when the workflows are listed, then each type and version has a diagram', async () => {
    const list = await as(officer).get('/api/v1/workflows');
    expect(list.body.items.length).toBeGreaterThanOrEqual(4);
    const one = await as(officer).get('/api/v1/workflows/epr/1');
    expect(one.status).toBe(200);
    expect(one.body.mermaid).toMatch(/stateDiagram-v2/);
    // The national portal's statuses come with the machine, versioned, with their (unverified) source.
    expect(one.body.dvcqg).toMatchObject({ version: 1, states: { submitted: { status: 1 }, draft: { none: 'not_sent' } }, events: { RETURN_RESULT: { status: 10 } }, source: { verified: false } });
    expect((await as(officer).get('/api/v1/workflows/epr/99')).status).toBe(404);
  });
});
