import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import request from 'supertest';
import { ApplicationModel } from '../../../src/applications/application.model';
import { decidedOnTime } from '../../../src/applications/timeliness';
import { DossierSummaryModel } from '../../../src/applications/read-model/dossier-summary.model';
import { configureDossierDirectory } from '../../../src/applications/read-model/dossier-directory';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

/**
 * The one-stop steps of Decree 118/2025 in the machine versions published for it, and the older versions'
 * dossiers finishing under the rules they started with. Through the HTTP API, on the real database.
 */
describe('the one-stop process under Decree 118/2025', () => {
  const database = useTestDatabase();
  // Wed 11 Feb 2026, 09:00 in Hai Phong; Tết runs from Sat 14 to Sun 22 Feb.
  let clock = new Date('2026-02-11T02:00:00Z');
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;
  let leader: TestUser;

  beforeAll(async () => {
    configureDossierDirectory({ maxStalenessMs: 0 });
    app = buildTestApp(database(), { now: () => clock });
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
  });

  const create = async () => {
    const res = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title: 'EPR bao bì 2026', data: EPR_DATA });
    expect(res.status).toBe(201);
    await attachDocuments(res.body.id, eprRequiredDocuments(), business.id);
    return res.body.id as string;
  };
  const send = (user: TestUser, id: string, body: object) => request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(body);
  const ok = async (user: TestUser, id: string, body: object) => {
    const res = await send(user, id, body);
    expect([res.status, res.body.detail]).toEqual([201, undefined]);
  };
  const dossier = async (id: string) => (await request(app).get(`/api/v1/applications/${id}`).set('Authorization', `Bearer ${officer.token}`)).body;
  const at = (iso: string) => (clock = new Date(iso));

  it('when a new dossier is submitted without the declaration, then it is refused with a field reason and nothing is logged', async () => {
    const id = await create();
    const res = await send(business, id, { type: 'SUBMIT' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.reasons.map((r: { code: string; field?: string }) => [r.code, r.field])).toEqual([['declaration_required', 'declaration']]);
    expect((await dossier(id)).state).toBe('draft');
    expect((await dossier(id)).sequence).toBe(0);
  });

  it('when a rooftop-solar-like dossier is submitted on Wed 11 Feb and accepted on Thu 12 Feb, then the limit runs from the acceptance (Tết skipped)', async () => {
    const id = await create();
    at('2026-02-11T02:00:00Z');
    await ok(business, id, { type: 'SUBMIT', declaration: true });
    const submitted = await dossier(id);
    expect(submitted.workflow).toEqual({ id: 'epr@v2', version: 2 });
    // Before the acceptance there is no receipt and no statutory due date, only the completeness check.
    expect(submitted.deadlines.receivedAt).toBeUndefined();
    expect(submitted.deadlines.currentDueAt).toBeUndefined();
    expect(submitted.deadlines.intake).toMatchObject({ startedAt: '2026-02-11T02:00:00.000Z', limitWorkingDays: expect.any(Number) });

    at('2026-02-12T03:00:00Z');
    await ok(officer, id, { type: 'ACCEPT' });
    const accepted = await dossier(id);
    expect(accepted.deadlines.receivedAt).toBe('2026-02-12T03:00:00.000Z');
    expect(accepted.deadlines.intake).toBeNull();
    // EPR's limit is not 10 days; the arithmetic of the example is checked in the clock's unit test.
    expect(new Date(accepted.deadlines.currentDueAt).getTime()).toBeGreaterThan(new Date('2026-02-23T00:00:00Z').getTime());
  });

  it('when a dossier is refused at intake, then it ends not received with the reasons, and cannot be refused once accepted', async () => {
    const refused = await create();
    await ok(business, refused, { type: 'SUBMIT', declaration: true });
    expect((await send(officer, refused, { type: 'REFUSE_INTAKE', reasons: [] })).status).toBe(422);
    await ok(officer, refused, { type: 'REFUSE_INTAKE', reasons: ['Thủ tục không thuộc thẩm quyền của Sở Công Thương'] });
    expect((await dossier(refused)).state).toBe('refused_at_intake');

    const accepted = await create();
    await ok(business, accepted, { type: 'SUBMIT', declaration: true });
    await ok(officer, accepted, { type: 'ACCEPT' });
    await ok(officer, accepted, { type: 'REQUEST_SUPPLEMENT', reasons: ['Bổ sung hợp đồng tái chế'] });
    await ok(business, accepted, { type: 'RESUBMIT', declaration: true });
    const res = await send(officer, accepted, { type: 'REFUSE_INTAKE', reasons: ['Quá muộn'] });
    expect([res.status, res.body.reasons?.[0]?.code]).toEqual([422, 'already_accepted']);
  });

  it('when a second supplementation is wanted, then it needs a leader\'s recorded approval and the decision counts late', async () => {
    const id = await create();
    await ok(business, id, { type: 'SUBMIT', declaration: true });
    await ok(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Thiếu bảng kê khối lượng'] });
    await ok(business, id, { type: 'RESUBMIT', declaration: true });
    await ok(officer, id, { type: 'ACCEPT' });
    const refused = await send(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Thiếu hợp đồng'] });
    expect([refused.status, refused.body.reasons?.[0]?.code]).toEqual([422, 'supplementation_used_up']);
    expect((await dossier(id)).allowedActions).not.toContain('REQUEST_SUPPLEMENT');
    // Only a leader may allow it, with reasons.
    expect((await send(officer, id, { type: 'ALLOW_SUPPLEMENTATION', reasons: ['Cần thêm'] })).status).toBe(403);
    await ok(leader, id, { type: 'ALLOW_SUPPLEMENTATION', reasons: ['Số liệu quan trắc mới được công bố'] });
    await ok(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Bổ sung kết quả quan trắc mới'] });
    await ok(business, id, { type: 'RESUBMIT', declaration: true });
    await ok(officer, id, { type: 'ACCEPT' });
    await ok(officer, id, { type: 'RECOMMEND', decision: 'approve' });
    await ok(leader, id, { type: 'APPROVE' });
    const decided = await dossier(id);
    expect(decided.deadlines.supplementationRequests).toBe(2);
    // Decided well within its due date, yet late by the one rule (timeliness.ts) that every figure reads.
    expect(new Date(decided.decidedAt).getTime()).toBeLessThan(new Date(decided.deadlines.currentDueAt).getTime());
    expect(decidedOnTime(decided)).toBe(false);
  });

  it('when a decision is made, then the result is returned once, and the step is recorded for the applicant to see', async () => {
    const id = await create();
    await ok(business, id, { type: 'SUBMIT', declaration: true });
    await ok(officer, id, { type: 'ACCEPT' });
    await ok(officer, id, { type: 'RECOMMEND', decision: 'approve' });
    await ok(leader, id, { type: 'APPROVE' });
    expect((await dossier(id)).allowedActions).toContain('RETURN_RESULT');
    await ok(officer, id, { type: 'RETURN_RESULT', channel: 'online' });
    const again = await send(officer, id, { type: 'RETURN_RESULT', channel: 'online' });
    expect([again.status, again.body.reasons?.[0]?.code]).toEqual([422, 'result_already_returned']);
    const history = await request(app).get(`/api/v1/applications/${id}/history`).set('Authorization', `Bearer ${business.token}`);
    expect(history.body.entries.at(-1).event).toMatchObject({ type: 'RETURN_RESULT', channel: 'online' });
  });

  it('when the applicant asks for the one-stop forms, then each is a Vietnamese PDF once its step happened, and nobody else gets it', async () => {
    const pdfText = async (url: string, user: TestUser) => {
      const res = await request(app).get(url).set('Authorization', `Bearer ${user.token}`).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      return { status: res.status, type: res.headers['content-type'], text: res.status === 200 ? (await pdfParse(res.body as Buffer)).text : '' };
    };
    const id = await create();
    const code = (await dossier(id)).code as string;
    await ok(business, id, { type: 'SUBMIT', declaration: true });
    expect((await pdfText(`/api/v1/applications/${id}/forms/receipt`, business)).status).toBe(404);
    await ok(officer, id, { type: 'ACCEPT' });
    const receipt = await pdfText(`/api/v1/applications/${id}/forms/receipt`, business);
    expect([receipt.status, receipt.type]).toEqual([200, 'application/pdf']);
    expect(receipt.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(receipt.text).toContain(code);
    expect(receipt.text).toContain('Test officer');
    expect(receipt.text).toContain('Kế hoạch tái chế');
    const stranger = await createUser(app, 'business', await createOrganization());
    expect((await pdfText(`/api/v1/applications/${id}/forms/receipt`, stranger)).status).toBe(404);
    expect((await pdfText(`/api/v1/applications/${id}/forms/unknown`, business)).status).toBe(404);

    const refused = await create();
    await ok(business, refused, { type: 'SUBMIT', declaration: true });
    await ok(officer, refused, { type: 'REFUSE_INTAKE', reasons: ['Thủ tục thuộc thẩm quyền Ban Quản lý khu kinh tế'] });
    const refusal = await pdfText(`/api/v1/applications/${refused}/forms/refusal`, business);
    expect(refusal.text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refusal.text).toContain('Thủ tục thuộc thẩm quyền Ban Quản lý khu kinh tế');
  });

  it('when a dossier will be late, then the officer gives an apology and a new appointment (form 04); the due date and the lateness stay', async () => {
    at('2026-03-02T02:00:00Z');
    const id = await create();
    await ok(business, id, { type: 'SUBMIT', declaration: true });
    expect((await send(officer, id, { type: 'RESCHEDULE_RESULT', reasons: ['Chờ ý kiến'], appointment: '2026-04-30' })).status).toBe(422); // not accepted yet
    await ok(officer, id, { type: 'ACCEPT' });
    const before = (await dossier(id)).deadlines;
    // Bad input: no reasons, an appointment that is today or not a date; nothing is logged.
    for (const bad of [{ reasons: [], appointment: '2026-04-30' }, { reasons: ['Chờ ý kiến'], appointment: '2026-03-02' }, { reasons: ['Chờ ý kiến'], appointment: '30/04/2026' }]) {
      const res = await send(officer, id, { type: 'RESCHEDULE_RESULT', ...bad });
      expect([res.status, res.headers['content-type']]).toEqual([422, expect.stringContaining('application/problem+json')]);
    }
    expect((await send(business, id, { type: 'RESCHEDULE_RESULT', reasons: ['x'], appointment: '2026-04-30' })).status).toBe(403);
    await ok(officer, id, { type: 'RESCHEDULE_RESULT', reasons: ['Chờ kết quả kiểm tra thực tế'], appointment: '2026-04-30' });
    const after = await dossier(id);
    expect(after.state).toBe('technical_review');
    expect(after.deadlines).toMatchObject({ rescheduledTo: '2026-04-30', currentDueAt: before.currentDueAt, originalDueAt: before.originalDueAt });
    const forms = await request(app).get(`/api/v1/applications/${id}/forms/apology`).set('Authorization', `Bearer ${business.token}`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(forms.status).toBe(200);
    const text = (await pdfParse(forms.body as Buffer)).text;
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Chờ kết quả kiểm tra thực tế');
    expect(text).toContain('30/04/2026');
    const history = await request(app).get(`/api/v1/applications/${id}/history`).set('Authorization', `Bearer ${business.token}`);
    expect(history.body.entries.at(-1).event).toMatchObject({ type: 'RESCHEDULE_RESULT', reasons: ['Chờ kết quả kiểm tra thực tế'], appointment: '2026-04-30' });
  });

  it('when a dossier started under an older version, then it finishes under its old rules: no declaration, clock from submission, no result step', async () => {
    const id = await create();
    // A dossier opened before the Decree 118 versions were published (its draft snapshot is the same).
    await ApplicationModel.updateOne({ _id: id }, { $set: { workflow: { id: 'epr@v1', version: 1 } } });
    await DossierSummaryModel.updateOne({ _id: id }, { $set: { workflow: { id: 'epr@v1', version: 1 } } });
    at('2026-02-11T02:00:00Z');
    await ok(business, id, { type: 'SUBMIT' });
    const submitted = await dossier(id);
    expect(submitted.workflow.version).toBe(1);
    expect(submitted.deadlines.receivedAt).toBe('2026-02-11T02:00:00.000Z');
    expect(submitted.deadlines.intake ?? null).toBeNull();
    await ok(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Một'] });
    await ok(business, id, { type: 'RESUBMIT' });
    // The old version has no limit on requests and no result step.
    await ok(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Hai'] });
    await ok(business, id, { type: 'RESUBMIT' });
    await ok(officer, id, { type: 'ACCEPT' });
    await ok(officer, id, { type: 'RECOMMEND', decision: 'approve' });
    await ok(leader, id, { type: 'APPROVE' });
    expect((await dossier(id)).state).toBe('approved');
    expect((await send(officer, id, { type: 'RETURN_RESULT', channel: 'online' })).status).toBe(422);
  });
});
