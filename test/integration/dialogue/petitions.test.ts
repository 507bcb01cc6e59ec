import request from 'supertest';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { AuditEntryModel } from '../../../src/audit/audit.model';

describe('petitions (kiến nghị) over HTTP', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let otherBusiness: TestUser;
  let officer: TestUser;
  let leader: TestUser;
  let conferenceId: string;
  const now = () => new Date();

  const as = (user: TestUser) => ({
    get: (url: string) => request(app).get(url).set('Authorization', `Bearer ${user.token}`),
    post: (url: string, body: object = {}) => request(app).post(url).set('Authorization', `Bearer ${user.token}`).send(body),
  });
  const file = (user: TestUser, body: object = {}) =>
    as(user).post('/api/v1/petitions', { conferenceId, topic: 'epr', text: 'Đề nghị hướng dẫn cách tính nghĩa vụ tái chế bao bì PET.', ...body });

  beforeAll(async () => {
    app = buildTestApp(database(), { now });
    business = await createUser(app, 'business', await createOrganization('Công ty TNHH Nhựa Hải Phòng'));
    otherBusiness = await createUser(app, 'business', await createOrganization('Công ty khác'));
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
    const res = await as(officer).post('/api/v1/conferences', { title: 'Hội nghị đối thoại doanh nghiệp 2026', date: '2026-07-20', planReference: '462/KH-SCT', scope: { from: '2026-01-01', to: '2026-06-30' } });
    expect(res.status).toBe(201);
    conferenceId = res.body.id;
  });

  it('when a business files a petition, then it is received with a readable code for its own organization, and audited', async () => {
    const res = await file(business);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'received', channel: 'web', organizationId: business.organizationId, topic: 'epr' });
    expect(res.body.code).toMatch(/^HP-KN-\d{4}-\d{6}$/);
    expect(res.body.organizationName).toContain('Nhựa Hải Phòng');
    expect(await AuditEntryModel.countDocuments({ action: 'petition.file', 'target.id': res.body.id })).toBe(1);
  });

  it('when a business names another organization, then the petition is refused', async () => {
    const res = await file(business, { organizationId: otherBusiness.organizationId });
    expect(res.status).toBe(403);
  });

  it('when an officer enters a petition raised at the conference, then it must name the organization and is marked as entered by an officer', async () => {
    expect((await file(officer)).status).toBe(400);
    const res = await file(officer, { organizationId: business.organizationId, topic: 'infrastructure' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'officer', organizationId: business.organizationId });
  });

  it('when businesses list petitions, then each sees only its own, and another organization\'s petition looks missing', async () => {
    const mine = (await file(business)).body;
    const theirs = (await file(otherBusiness, { topic: 'procedures' })).body;
    const list = await as(business).get('/api/v1/petitions');
    expect(list.status).toBe(200);
    expect(list.body.items.every((p: { organizationId: string }) => p.organizationId === business.organizationId)).toBe(true);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(mine.id);
    expect((await as(business).get(`/api/v1/petitions/${theirs.id}`)).status).toBe(404);
    expect((await as(officer).get(`/api/v1/petitions/${theirs.id}`)).status).toBe(200);
  });

  it('when a petition goes received → assigned → answered → closed, then each change is logged in order and audited', async () => {
    const { id } = (await file(business)).body;
    const assigned = await as(officer).post(`/api/v1/petitions/${id}/assign`, { responsibleUnit: 'Phòng Quản lý Công nghiệp' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', responsibleUnit: 'Phòng Quản lý Công nghiệp', revision: 1 });
    const answered = await as(leader).post(`/api/v1/petitions/${id}/answer`, { response: 'Sở sẽ tổ chức tập huấn về EPR trong quý III.' });
    expect(answered.body).toMatchObject({ status: 'answered', response: 'Sở sẽ tổ chức tập huấn về EPR trong quý III.' });
    const closed = await as(officer).post(`/api/v1/petitions/${id}/close`);
    expect(closed.body).toMatchObject({ status: 'closed', revision: 3 });

    const history = await as(business).get(`/api/v1/petitions/${id}/history`);
    expect(history.body.changes.map((c: { from: string; to: string }) => `${c.from}>${c.to}`)).toEqual(['received>assigned', 'assigned>answered', 'answered>closed']);
    const audited = await AuditEntryModel.find({ 'target.id': id }).sort({ at: 1 }).lean();
    expect(audited.map((a) => a.action)).toEqual(['petition.file', 'petition.assign', 'petition.answer', 'petition.close']);
  });

  it('when a step does not follow from the status, then it answers 422 and nothing is logged', async () => {
    const { id } = (await file(business)).body;
    const res = await as(officer).post(`/api/v1/petitions/${id}/answer`, { response: 'Trả lời khi chưa giao đơn vị xử lý.' });
    expect(res.status).toBe(422);
    expect((await as(officer).get(`/api/v1/petitions/${id}/history`)).body.changes).toEqual([]);
  });

  it('when officers assign the same petition at once, then every accepted change has its own revision in order and the losers answer 409', async () => {
    const { id } = (await file(business)).body;
    const answers = await Promise.all(['Phòng A', 'Phòng B', 'Phòng C'].map((unit) => as(officer).post(`/api/v1/petitions/${id}/assign`, { responsibleUnit: unit })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const history = (await as(officer).get(`/api/v1/petitions/${id}/history`)).body.changes;
    expect(history.map((c: { revision: number }) => c.revision)).toEqual(history.map((_: unknown, i: number) => i + 1));
    expect(history.length).toBe(statuses.filter((s) => s === 200).length);
  });

  it('when a business tries to assign, answer or export, then it is refused', async () => {
    const { id } = (await file(business)).body;
    expect((await as(business).post(`/api/v1/petitions/${id}/assign`, { responsibleUnit: 'Tự giao' })).status).toBe(403);
    expect((await as(business).post(`/api/v1/conferences/${conferenceId}/exports`, { format: 'pdf' })).status).toBe(403);
    expect((await as(business).get(`/api/v1/conferences/${conferenceId}/figures`)).status).toBe(403);
  });

  it('when a conference is edited, then the change is audited with the fields that changed', async () => {
    const res = await request(app).patch(`/api/v1/conferences/${conferenceId}`).set('Authorization', `Bearer ${leader.token}`).send({ status: 'held' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('held');
    const entry = await AuditEntryModel.findOne({ action: 'conference.update', 'target.id': conferenceId }).lean();
    expect(entry?.changedFields).toEqual(['status']);
  });
});
