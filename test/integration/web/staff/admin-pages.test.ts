import { listWorkflows } from '../../../../workflows';
import { loadWorkingCalendar } from '../../../../src/admin';
import { isWorkingDay } from '../../../../src/calendar';
import { createOrganization, createUser, type TestUser } from '../../../support/actors';
import { csrfTokenOf } from '../../../support/browser-session';
import { useTestDatabase } from '../../../support/test-database';
import { signedIn, staffApp, type App } from './staff-kit';
import { UserModel } from '../../../../src/auth/user.model';
import { OrganizationModel } from '../../../../src/organizations/organization.model';
import { AuditEntryModel } from '../../../../src/audit/audit.model';

describe('the admin pages', () => {
  const database = useTestDatabase();
  let app: App;
  let admin: TestUser;

  beforeAll(async () => {
    app = staffApp(database());
    admin = await createUser(app, 'admin');
  });

  it('when an admin creates a user with a weak password, then the field says why and the values are kept; with a good one the user is created and audited', async () => {
    const b = await signedIn(app, admin);
    const form = await b.agent.get('/admin/users/new');
    expect(form.status).toBe(200);
    const fields = { _csrf: csrfTokenOf(form.text), email: 'chuyenvien.moi@scthp.example.vn', name: 'Nguyễn Văn Mới', role: 'officer', organizationId: '', locale: 'vi' };

    const weak = await b.agent.post('/admin/users').type('form').send({ ...fields, password: 'short1' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('id="f-password-error"');
    expect(weak.text).toContain('Mật khẩu chưa đủ mạnh');
    expect(weak.text).toContain('value="chuyenvien.moi@scthp.example.vn"');
    expect(weak.text).toContain('value="Nguyễn Văn Mới"');
    expect(weak.text).toMatch(/<option value="officer" selected>/);
    expect(weak.text).not.toContain('short1');
    expect(await UserModel.exists({ email: fields.email })).toBeNull();

    const created = await b.agent.post('/admin/users').type('form').send({ ...fields, password: 'Mat-khau-an-toan-2026' });
    expect(created.status).toBe(303);
    const user = await UserModel.findOne({ email: fields.email }).lean();
    expect(user).toMatchObject({ role: 'officer', name: 'Nguyễn Văn Mới', active: true });
    expect(await AuditEntryModel.countDocuments({ action: 'user.created', 'target.id': String(user!._id) })).toBe(1);
    expect((await b.agent.get('/admin/users')).text).toContain(fields.email);
  });

  it('when an admin adds a holiday, then the calendar page lists it and the working calendar no longer counts that day', async () => {
    const b = await signedIn(app, admin);
    const page = await b.agent.get('/admin/calendar?year=2026');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tết Âm lịch');
    const token = csrfTokenOf(page.text);

    // A make-up workday on a weekday contradicts the calendar: refused next to the field, values kept.
    const wrong = await b.agent.post('/admin/calendar').type('form').send({ _csrf: token, date: '2026-10-14', kind: 'makeup_workday', name_vi: 'Làm bù', name_en: 'Make-up', source: 'Thông báo thử', legalBasis: '' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('id="f-kind-error"');
    expect(wrong.text).toContain('value="Thông báo thử"');

    const before = await loadWorkingCalendar();
    expect(isWorkingDay('2026-10-14', before)).toBe(true);
    const added = await b.agent
      .post('/admin/calendar')
      .type('form')
      .send({ _csrf: token, date: '2026-10-14', kind: 'day_off', name_vi: 'Nghỉ kỷ niệm ngày giải phóng Hải Phòng (thử)', name_en: 'Hai Phong liberation day (test)', source: 'Quyết định thử nghiệm của UBND thành phố', legalBasis: '', verified: 'yes' });
    expect(added.status).toBe(303);
    const listed = await b.agent.get('/admin/calendar?year=2026');
    expect(listed.text).toContain('Nghỉ kỷ niệm ngày giải phóng Hải Phòng (thử)');
    expect(isWorkingDay('2026-10-14', await loadWorkingCalendar())).toBe(false);
    expect(await AuditEntryModel.countDocuments({ action: 'calendar.entry_saved', 'target.id': '2026-10-14' })).toBe(1);
  });

  it('when an organization is saved with a wrong tax code, then the field says so; the workflows page lists every machine', async () => {
    const b = await signedIn(app, admin);
    const form = await b.agent.get('/admin/organizations/new');
    const res = await b.agent.post('/admin/organizations').type('form').send({ _csrf: csrfTokenOf(form.text), taxCode: '0200123450', kind: 'enterprise', name: 'Công ty TNHH Thử mã số thuế' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="f-taxCode-error"');
    expect(res.text).toContain('value="Công ty TNHH Thử mã số thuế"');
    expect(await OrganizationModel.exists({ name: 'Công ty TNHH Thử mã số thuế' })).toBeNull();

    const workflows = await b.agent.get('/admin/workflows');
    expect(workflows.status).toBe(200);
    // The machine's text form is a link to the API, not a listing on the page.
    expect(workflows.text).not.toContain('stateDiagram-v2');
    expect(workflows.text).toContain('href="/api/v1/workflows/epr/1"');
    expect(workflows.text).toContain('Yêu cầu bổ sung');
    // The national portal's status of each state and step, from the versioned mapping (#17).
    expect(workflows.text).toContain('Trạng thái trên Cổng DVCQG');
    expect(workflows.text).toContain('10 · Đã trả kết quả');
    // One drawn diagram per published version, its states named in the page's language.
    expect(workflows.text.match(/<figure class="workflow-diagram">/g)).toHaveLength(listWorkflows().length);
    expect(workflows.text).toContain('aria-labelledby="wf-epr-v1-diagram-title"');
    expect(workflows.text).toMatch(/<g class="state state-initial">[\s\S]*?Bản nháp<\/text>/);
  });

  it('when an officer opens an admin page, then it is refused', async () => {
    const officer = await createUser(app, 'officer');
    const b = await signedIn(app, officer);
    expect((await b.agent.get('/admin/users')).status).toBe(403);
    expect((await b.agent.get('/leader/decisions')).status).toBe(403);
  });

  it('when an admin changes a role, locks an account or removes a day off, then a confirmation page says what will happen and nothing changes until it is answered', async () => {
    const b = await signedIn(app, admin);
    const officer = await createUser(app, 'officer');
    const token = csrfTokenOf((await b.agent.get('/admin/users')).text);

    // Making someone an administrator is spelled out, with the warning, before anything changes.
    const askedRole = await b.agent.post(`/admin/users/${officer.id}/role`).type('form').send({ _csrf: token, role: 'admin' });
    expect(askedRole.status).toBe(200);
    expect(askedRole.text).toContain('Xác nhận đổi vai trò');
    expect(askedRole.text).toContain('từ Chuyên viên thành Quản trị viên');
    expect(askedRole.text).toContain('Quản trị viên có toàn quyền');
    expect((await UserModel.findById(officer.id).lean())!.role).toBe('officer');
    const changed = await b.agent.post(`/admin/users/${officer.id}/role`).type('form').send({ _csrf: csrfTokenOf(askedRole.text), role: 'admin', confirmed: 'yes' });
    expect(changed.headers.location).toBe('/admin/users?done=role');
    expect((await UserModel.findById(officer.id).lean())!.role).toBe('admin');

    // Who administers an organization is named here too (an organization made before registration existed has none).
    const applicant = await createUser(app, 'business', await createOrganization());
    const named = await b.agent.post(`/admin/users/${applicant.id}/member-role`).type('form').send({ _csrf: token, memberRole: 'org_admin' });
    expect(named.headers.location).toBe('/admin/users?done=role');
    expect((await UserModel.findById(applicant.id).lean())!.memberRole).toBe('org_admin');
    const refusedMember = await b.agent.post(`/admin/users/${officer.id}/member-role`).type('form').send({ _csrf: token, memberRole: 'org_admin' });
    // The service's refusal comes back beside the row it concerns.
    expect([refusedMember.status, refusedMember.text.includes('Vai trò không hợp lệ.')]).toEqual([400, true]);
    const self = await b.agent.post(`/admin/users/${admin.id}/active`).type('form').send({ _csrf: token, active: 'yes' });
    expect([self.status, self.text.includes('Bạn không thể tự đổi vai trò hoặc tự khoá tài khoản của mình.')]).toEqual([400, true]);

    const askedLock = await b.agent.post(`/admin/users/${officer.id}/active`).type('form').send({ _csrf: token, active: 'no' });
    expect(askedLock.text).toContain('Xác nhận khoá tài khoản');
    expect((await UserModel.findById(officer.id).lean())!.active).toBe(true);
    await b.agent.post(`/admin/users/${officer.id}/active`).type('form').send({ _csrf: token, active: 'no', confirmed: 'yes' }).expect(303);
    expect((await UserModel.findById(officer.id).lean())!.active).toBe(false);

    const calendarToken = csrfTokenOf((await b.agent.get('/admin/calendar?year=2026')).text);
    await b.agent.post('/admin/calendar').type('form').send({ _csrf: calendarToken, date: '2026-10-13', kind: 'day_off', name_vi: 'Nghỉ thử để xoá', name_en: 'Test day off to remove', source: 'Quyết định thử', legalBasis: '' }).expect(303);
    const askedRemove = await b.agent.post('/admin/calendar/2026-10-13/remove').type('form').send({ _csrf: calendarToken });
    expect(askedRemove.text).toContain('Xoá ngày 13/10/2026 (Nghỉ thử để xoá) khỏi lịch?');
    expect(isWorkingDay('2026-10-13', await loadWorkingCalendar())).toBe(false);
    await b.agent.post('/admin/calendar/2026-10-13/remove').type('form').send({ _csrf: calendarToken, confirmed: 'yes' }).expect(303);
    expect(isWorkingDay('2026-10-13', await loadWorkingCalendar())).toBe(true);
  });
});
