import request from 'supertest';
import { tokenFor, type TokenPurpose } from '../../../src/accounts/account-token';
import { AccountRequestModel } from '../../../src/accounts/account-request';
import { AuditEntryModel } from '../../../src/audit/audit.model';
import { UserModel } from '../../../src/auth/user.model';
import { JobModel } from '../../../src/jobs/job.model';
import { OrganizationModel } from '../../../src/organizations/organization.model';
import { createOrganization, createUser, PASSWORD, type TestUser, freshTaxCode as freshTaxCodeFrom } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { EPR_DATA } from '../../support/dossiers';
import { buildTestApp, testConfig } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

const SECRET = testConfig().sessionSecret;
const GOOD_PASSWORD = 'Xanh-Hai-Phong-2026';

/** The link the account mail job would write for the newest mail of `purpose` queued to `address`. */
async function linkSentTo(address: string, purpose: TokenPurpose): Promise<string | undefined> {
  const jobs = await JobModel.find({ name: 'account-mail' }).lean();
  const mine = jobs.filter((job) => {
    const payload = job.payload as { to?: { address?: string }; token?: { purpose?: string } };
    return payload.to?.address === address && payload.token?.purpose === purpose;
  });
  const newest = mine.at(-1)?.payload as { token: { id: string } } | undefined;
  return newest ? tokenFor(SECRET, newest.token.id, purpose) : undefined;
}

const freshTaxCode = () => freshTaxCodeFrom('8');

const mailsTo = async (address: string, template: string) =>
  (await JobModel.find({ name: 'account-mail' }).lean()).filter((job) => {
    const payload = job.payload as { to?: { address?: string }; template?: string };
    return payload.to?.address === address && payload.template === template;
  }).length;

describe('businesses join and help themselves', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let admin: TestUser;

  beforeAll(async () => {
    app = buildTestApp(database());
    admin = await createUser(app, 'admin');
  });

  function registration(overrides: Record<string, string> = {}) {
    return {
      taxCode: freshTaxCode(),
      organizationName: 'Công ty TNHH Bao bì Thử nghiệm',
      kind: 'enterprise',
      province: 'Hải Phòng',
      commune: 'Phường Hải An',
      address: 'Số 1 đường Thử',
      name: 'Nguyễn Văn Đăng Ký',
      email: `dangky.${Math.random().toString(36).slice(2)}@example.vn`,
      phone: '0225 3 123 456',
      password: GOOD_PASSWORD,
      locale: 'vi',
      ...overrides,
    };
  }

  async function register(fields: Record<string, string>) {
    const b = browser(app);
    const token = csrfTokenOf((await b.agent.get('/register')).text);
    return b.agent.post('/register').type('form').send({ _csrf: token, ...fields });
  }

  it('when a new business registers, then nothing exists until the link is opened; then the DOIT approves and the administrator signs in', async () => {
    const fields = registration();
    const sent = await register(fields);
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('Hãy kiểm tra hộp thư');
    expect(await UserModel.exists({ email: fields.email })).toBeNull();
    expect(await OrganizationModel.exists({ taxCode: fields.taxCode })).toBeNull();

    const link = await linkSentTo(fields.email, 'verify_registration');
    expect(link).toBeDefined();
    const opened = await request(app).get(`/register/verify/${link}`);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('đang chờ Sở Công Thương duyệt');
    // Opening it again answers the same and makes no second request.
    expect((await request(app).get(`/register/verify/${link}`)).text).toContain('đang chờ Sở Công Thương duyệt');
    expect(await AccountRequestModel.countDocuments({ 'person.email': fields.email })).toBe(1);
    expect(await AuditEntryModel.countDocuments({ action: 'account.registration_verified', 'target.label': fields.email })).toBe(1);

    const a = browser(app);
    await a.signIn(admin.email, PASSWORD);
    const queue = await a.agent.get('/admin/account-requests');
    expect(queue.text).toContain(fields.organizationName);
    const requestId = (await AccountRequestModel.findOne({ 'person.email': fields.email }).lean())!._id;
    const approved = await a.agent.post(`/admin/account-requests/${requestId}`).type('form').send({ _csrf: csrfTokenOf(queue.text), outcome: 'approved' });
    expect(approved.headers.location).toBe('/admin/account-requests?done=decided');
    const user = await UserModel.findOne({ email: fields.email }).lean();
    expect(user).toMatchObject({ role: 'business', memberRole: 'org_admin', name: fields.name });
    const organization = await OrganizationModel.findById(user!.organizationId).lean();
    expect(organization).toMatchObject({ taxCode: fields.taxCode, name: fields.organizationName, kind: 'enterprise' });
    expect(await mailsTo(fields.email, 'account_ready')).toBe(1);

    const person = browser(app);
    expect((await person.signIn(fields.email, GOOD_PASSWORD)).status).toBe(303);
    expect((await person.agent.get('/my/organization')).text).toContain(fields.organizationName);
  });

  it('when a registration is refused at the door, then each field says why and nothing is sent: a wrong tax code, a used e-mail, a weak password', async () => {
    const existing = await createUser(app, 'business', await createOrganization());
    const bad = await register(registration({ taxCode: '0200123450', email: existing.email, password: 'ngan' }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Mã số thuế không hợp lệ');
    expect(bad.text).toContain('Địa chỉ này đã có tài khoản');
    expect(bad.text).toContain('Mật khẩu chưa đủ mạnh');
    expect(await mailsTo(existing.email, 'verify_registration')).toBe(0);
    const tampered = await request(app).get(`/register/verify/${'a'.repeat(32)}.${'b'.repeat(43)}`);
    expect(tampered.status).toBe(404);
    expect(tampered.text).toContain('Liên kết không hợp lệ');
  });

  it('when someone registers with the tax code of an organization that exists, then it asks to join; its administrator approves as a preparer, who cannot submit', async () => {
    const organizationId = await createOrganization('Công ty CP Đã Có');
    const orgAdmin = await createUser(app, 'business', organizationId);
    await UserModel.updateOne({ _id: orgAdmin.id }, { $set: { memberRole: 'org_admin' } });
    const taxCode = (await OrganizationModel.findById(organizationId).lean())!.taxCode;
    const fields = registration({ taxCode, name: 'Trần Thị Tham Gia' });
    await register(fields);
    const opened = await request(app).get(`/register/verify/${await linkSentTo(fields.email, 'verify_registration')}`);
    expect(opened.text).toContain('Đã gửi yêu cầu tham gia');
    expect(await mailsTo(orgAdmin.email, 'join_request')).toBe(1);

    const b = browser(app);
    await b.signIn(orgAdmin.email, PASSWORD);
    const page = await b.agent.get('/my/organization');
    expect(page.text).toContain('Trần Thị Tham Gia');
    const requestId = (await AccountRequestModel.findOne({ 'person.email': fields.email }).lean())!._id;
    const noReason = await b.agent.post(`/my/organization/requests/${requestId}`).type('form').send({ _csrf: csrfTokenOf(page.text), outcome: 'refused' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Nêu lý do khi từ chối.');
    await b.agent.post(`/my/organization/requests/${requestId}`).type('form').send({ _csrf: csrfTokenOf(page.text), outcome: 'approved', memberRole: 'preparer' }).expect(303);
    const joined = await UserModel.findOne({ email: fields.email }).lean();
    expect(joined).toMatchObject({ memberRole: 'preparer', role: 'business' });
    expect(String(joined!.organizationId)).toBe(organizationId);

    // A preparer drafts but never submits.
    const token = (await request(app).post('/api/v1/auth/tokens').send({ email: fields.email, password: GOOD_PASSWORD, name: 'thử' })).body.token as string;
    const draft = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${token}`).send({ type: 'epr', title: 'Bản nháp của người chuẩn bị', data: EPR_DATA });
    expect(draft.status).toBe(201);
    const submit = await request(app).post(`/api/v1/applications/${draft.body.id}/events`).set('Authorization', `Bearer ${token}`).send({ type: 'SUBMIT', declaration: true });
    expect(submit.status).toBe(403);
    // Another organization's administrator does not even see the request.
    const stranger = await createUser(app, 'business', await createOrganization());
    await UserModel.updateOne({ _id: stranger.id }, { $set: { memberRole: 'org_admin' } });
    const s = browser(app);
    await s.signIn(stranger.email, PASSWORD);
    const strangerPage = await s.agent.get('/my/organization');
    expect(strangerPage.text).not.toContain('Trần Thị Tham Gia');
  });

  it('when a password is reset, then the answer never tells whether the address exists, the link works once, and every old session and key ends', async () => {
    const user = await createUser(app, 'business', await createOrganization());
    const session = browser(app);
    await session.signIn(user.email, PASSWORD);
    expect((await session.agent.get('/my/dossiers')).status).toBe(200);

    const ask = async (email: string) => {
      const b = browser(app);
      const token = csrfTokenOf((await b.agent.get('/password/forgot')).text);
      return b.agent.post('/password/forgot').type('form').send({ _csrf: token, email });
    };
    const unknown = await ask('khong.co.ai@example.vn');
    const known = await ask(user.email);
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    expect(unknown.text.replace('khong.co.ai@example.vn', 'X')).toBe(known.text.replace(user.email, 'X').replace(/name="_csrf" value="[^"]+"/, (m) => m));
    expect(await mailsTo('khong.co.ai@example.vn', 'password_reset')).toBe(0);

    const link = (await linkSentTo(user.email, 'password_reset'))!;
    const b = browser(app);
    const form = await b.agent.get(`/password/reset/${link}`);
    expect(form.status).toBe(200);
    const weak = await b.agent.post(`/password/reset/${link}`).type('form').send({ _csrf: csrfTokenOf(form.text), password: 'ngan' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('Mật khẩu chưa đủ mạnh');
    // A refused password does not spend the link.
    const done = await b.agent.post(`/password/reset/${link}`).type('form').send({ _csrf: csrfTokenOf(form.text), password: GOOD_PASSWORD });
    expect(done.headers.location).toBe('/login?done=password');
    const again = await request(app).get(`/password/reset/${link}`);
    expect(again.status).toBe(410);
    expect(again.text).toContain('Liên kết đã được dùng');

    expect((await session.agent.get('/my/dossiers').redirects(0)).headers.location).toMatch(/^\/login/);
    expect((await request(app).get('/api/v1/applications').set('Authorization', `Bearer ${user.token}`)).status).toBe(401);
    expect((await browser(app).signIn(user.email, PASSWORD)).status).toBe(401);
    expect((await browser(app).signIn(user.email, GOOD_PASSWORD)).status).toBe(303);
    expect(await AuditEntryModel.countDocuments({ action: 'account.password_reset', 'target.id': user.id })).toBe(1);
  });

  it('when an organization administrator invites colleagues, then an address of another organization is refused by name, and a new colleague accepts once', async () => {
    const organizationId = await createOrganization('Công ty TNHH Mời');
    const orgAdmin = await createUser(app, 'business', organizationId);
    await UserModel.updateOne({ _id: orgAdmin.id }, { $set: { memberRole: 'org_admin' } });
    const elsewhere = await createUser(app, 'business', await createOrganization('Công ty khác'));
    const b = browser(app);
    await b.signIn(orgAdmin.email, PASSWORD);
    const page = await b.agent.get('/my/organization');
    const refused = await b.agent.post('/my/organization/invitations').type('form').send({ _csrf: csrfTokenOf(page.text), email: elsewhere.email, name: 'Người khác', memberRole: 'submitter', locale: 'vi' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('đã có tài khoản ở một tổ chức khác');

    const email = `moi.${Math.random().toString(36).slice(2)}@example.vn`;
    await b.agent.post('/my/organization/invitations').type('form').send({ _csrf: csrfTokenOf(page.text), email, name: 'Lê Văn Được Mời', memberRole: 'submitter', locale: 'vi' }).expect(303);
    const link = (await linkSentTo(email, 'invitation'))!;
    const invited = browser(app);
    const form = await invited.agent.get(`/invitation/${link}`);
    expect(form.text).toContain('Công ty TNHH Mời');
    const accepted = await invited.agent.post(`/invitation/${link}`).type('form').send({ _csrf: csrfTokenOf(form.text), name: 'Lê Văn Được Mời', password: GOOD_PASSWORD });
    expect(accepted.headers.location).toBe('/login?done=invited');
    expect(await UserModel.findOne({ email }).lean()).toMatchObject({ memberRole: 'submitter', organizationId: expect.anything() });
    expect((await request(app).get(`/invitation/${link}`)).status).toBe(410);
    expect((await browser(app).signIn(email, GOOD_PASSWORD)).status).toBe(303);
  });

  it('when a person edits their profile, then details change at once and a new e-mail address only once its link is opened', async () => {
    const user = await createUser(app, 'business', await createOrganization());
    const b = browser(app);
    await b.signIn(user.email, PASSWORD);
    const page = await b.agent.get('/my/profile');
    expect(page.status).toBe(200);
    const newEmail = `moi.${Math.random().toString(36).slice(2)}@example.vn`;
    const taken = await b.agent.post('/my/profile').type('form').send({ _csrf: csrfTokenOf(page.text), name: 'Tên Mới', email: admin.email, phone: '0912 345 678', position: 'Trưởng phòng', locale: 'vi' });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain('Địa chỉ này đã có tài khoản');
    const saved = await b.agent.post('/my/profile').type('form').send({ _csrf: csrfTokenOf(page.text), name: 'Tên Mới', email: newEmail, phone: '0912 345 678', position: 'Trưởng phòng', locale: 'vi' });
    expect(saved.headers.location).toBe('/my/profile?done=emailSent');
    expect(await UserModel.findById(user.id).lean()).toMatchObject({ name: 'Tên Mới', phone: '0912 345 678', position: 'Trưởng phòng', email: user.email });
    const link = (await linkSentTo(newEmail, 'verify_email_change'))!;
    const confirmed = await request(app).get(`/my/profile/verify-email/${link}`);
    expect(confirmed.text).toContain('Đã đổi địa chỉ thư điện tử');
    expect((await UserModel.findById(user.id).lean())!.email).toBe(newEmail);
    expect((await request(app).get(`/my/profile/verify-email/${link}`)).status).toBe(410);
    expect(await AuditEntryModel.countDocuments({ action: 'account.email_changed', 'target.id': user.id })).toBe(1);
  });

  it('when a link is opened after it expired, then it says so and creates nothing; asking for links too often is slowed like sign-in', async () => {
    const fields = registration();
    await register(fields);
    const link = (await linkSentTo(fields.email, 'verify_registration'))!;
    const later = buildTestApp(database(), { now: () => new Date(Date.now() + 49 * 60 * 60_000) });
    const expired = await request(later).get(`/register/verify/${link}`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('Liên kết đã hết hạn');
    expect(await AccountRequestModel.countDocuments({ 'person.email': fields.email })).toBe(0);

    const fresh = buildTestApp(database());
    const b = browser(fresh);
    const token = csrfTokenOf((await b.agent.get('/password/forgot')).text);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await b.agent.post('/password/forgot').type('form').send({ _csrf: token, email: `ai.do.${i}@example.vn` })).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('when an organization administrator gives the gender figures on the profile page, then the organization keeps them; a member who is not its administrator cannot', async () => {
    const organizationId = await createOrganization('Công ty TNHH Giới');
    const orgAdmin = await createUser(app, 'business', organizationId);
    await UserModel.updateOne({ _id: orgAdmin.id }, { $set: { memberRole: 'org_admin' } });
    const member = await createUser(app, 'business', organizationId);
    const b = browser(app);
    await b.signIn(orgAdmin.email, PASSWORD);
    const page = await b.agent.get('/my/profile');
    expect(page.text).toContain('Giới tính của người đứng đầu tổ chức');
    const wrong = await b.agent.post('/my/organization/gender').type('form').send({ _csrf: csrfTokenOf(page.text), leadershipGender: 'female', employeesFemale: '-3', employeesMale: '' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Nhập một số nguyên không âm.');
    await b.agent.post('/my/organization/gender').type('form').send({ _csrf: csrfTokenOf(page.text), leadershipGender: 'female', employeesFemale: '120', employeesMale: '95' }).expect(303);
    expect(await OrganizationModel.findById(organizationId).lean()).toMatchObject({ leadershipGender: 'female', employeesByGender: { female: 120, male: 95 } });

    const m = browser(app);
    await m.signIn(member.email, PASSWORD);
    const memberPage = await m.agent.get('/my/profile');
    expect(memberPage.text).not.toContain('Giới tính của người đứng đầu tổ chức');
    expect((await m.agent.post('/my/organization/gender').type('form').send({ _csrf: csrfTokenOf(memberPage.text), leadershipGender: 'male' })).status).toBe(403);
  });
});
