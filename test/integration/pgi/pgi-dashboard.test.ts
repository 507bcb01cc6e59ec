import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { periodState, projectEntry } from '../../../src/pgi';
import { createOrganization, createUser, PASSWORD, type TestUser } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { insertDossier, insertOrganization, type DossierSpec } from './pgi-history';

const deps = { now: () => new Date(), calendar: DEFAULT_WORKING_CALENDAR };
/** A rooftop-solar approval of `kwp` decided `day` days after 1 January 2025. */
const solar = (day: number, kwp: number): DossierSpec => ({
  type: 'renewable_energy', ending: 'approved', submitDay: day, decisionAfterDays: 3, endAfterDays: 1, hour: 2, amount: kwp, exempt: false, overdue: false, organization: 0,
});

describe('the PGI dashboard page', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let leader: TestUser;
  let officer: TestUser;
  let business: TestUser;
  const codes: Record<string, { id: string; code: string }> = {};

  beforeAll(async () => {
    app = buildTestApp(database());
    leader = await createUser(app, 'leader');
    officer = await createUser(app, 'officer');
    business = await createUser(app, 'business', await createOrganization());
    const organizationId = await insertOrganization({ leadershipGender: 'female', employees: { female: 30, male: 20 } });
    // 2025-Q1 and 2025-Q3 have figures, 2025-Q2 has none: the trend must show a gap, not a zero.
    for (const [key, spec] of [['q1', solar(20, 1234.5)], ['q3', solar(200, 250)]] as const) {
      const dossier = await insertDossier(spec, organizationId);
      for (const entryId of dossier.entryIds) await projectEntry(entryId, deps);
      codes[key] = dossier;
    }
  });

  const signedIn = async (user: TestUser) => {
    const b = browser(app);
    expect((await b.signIn(user.email, PASSWORD)).status).toBe(303);
    return b;
  };

  it('when a leader opens a period in Vietnamese and in English, then headings, names, numbers and trend charts are in that language and the codes link to the review page', async () => {
    const b = await signedIn(leader);
    const vi = await b.agent.get('/pgi?period=2025-Q3&lang=vi');
    expect(vi.status).toBe(200);
    expect(vi.text).toContain('Chỉ số Xanh cấp tỉnh (PGI): số liệu từ hồ sơ của Sở');
    expect(vi.text).toContain('Quý 3/2025');
    expect(vi.text).toContain('Giảm thiểu ô nhiễm môi trường và tác động tiêu cực của biến đổi khí hậu');
    expect(vi.text).not.toContain('Minimizing pollution and climate hazards');
    // One line chart per indicator, a bar chart per component, and the numbers beside them for screen readers.
    expect(vi.text).toContain('id="trend-c1_renewable_capacity_kwp-title"');
    expect(vi.text.match(/<polyline /g)?.length).toBeGreaterThanOrEqual(1);
    expect(vi.text).toContain('id="overview-1-title"');
    expect(vi.text).toContain('<li>Quý 1/2025: 1.234,5</li>');
    expect(vi.text).toContain('<li>Quý 2/2025: —</li>');
    expect(vi.text).toContain('<li>Quý 3/2025: 250</li>');
    // Drill-down: the indicator's dossier, linked to the staff review page by its id.
    expect(vi.text).toContain(`<a href="/officer/dossiers/${codes.q3!.id}">${codes.q3!.code}</a>`);
    expect(vi.text).not.toContain(codes.q1!.code);
    expect(vi.text).toContain('Theo giới tính người đứng đầu tổ chức');
    // Where each figure comes from, in the page's language too.
    expect(vi.text).toContain('Hồ sơ điện mặt trời mái nhà được phê duyệt, công suất đỉnh đã khai (');
    expect(vi.text).not.toContain('Approved renewable-energy dossiers');

    const en = await b.agent.get('/pgi?period=2025-Q3&lang=en');
    expect(en.status).toBe(200);
    expect(en.text).toContain('Provincial Green Index (PGI): figures from the Department&#39;s dossiers');
    expect(en.text).toContain('Minimizing pollution and climate hazards');
    expect(en.text).toContain('<li>Q1 2025: 1,234.5</li>');
    expect(en.text).toContain('Trend over the last 3 periods');
    expect(en.text).toContain('By gender of the organization&#39;s leader');
    expect(en.text).not.toContain('Theo giới tính');
    expect(en.text).toContain('Approved renewable-energy dossiers, their declared peak capacity');
  });

  it('when a leader closes and reopens a period through the forms, then the status follows; a short reason is refused next to the field and changes nothing', async () => {
    const b = await signedIn(leader);
    const page = await b.agent.get('/pgi?period=2025-Q1&lang=vi');
    expect(page.text).toContain('id="close-form"');
    // The close form asks once more, saying what closing does; nothing is closed until the answer comes.
    const asked = await b.agent.post('/pgi/periods/2025-Q1/close').type('form').send({ _csrf: csrfTokenOf(page.text) });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('Xác nhận khóa kỳ');
    expect(asked.text).toContain('name="confirmed" value="yes"');
    expect((await periodState('2025-Q1')).status).toMatchObject({ closed: false });
    const closed = await b.agent.post('/pgi/periods/2025-Q1/close').type('form').send({ _csrf: csrfTokenOf(asked.text), confirmed: 'yes' });
    expect(closed.status).toBe(303);
    expect(closed.headers.location).toBe('/pgi?period=2025-Q1&done=closed');
    const after = await b.agent.get(closed.headers.location as string);
    expect(after.text).toContain('Đã khóa kỳ.');
    expect(after.text).toContain('Đã khóa: số liệu đã chốt');
    expect(after.text).toContain('<dd>Test leader</dd>');
    expect(after.text).toContain('id="reopen-form"');
    expect(after.text).not.toContain('id="close-form"');

    const short = await b.agent.post('/pgi/periods/2025-Q1/reopen').type('form').send({ _csrf: csrfTokenOf(after.text), reason: 'ngắn' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('<p class="field-error" id="f-reason-error">Vui lòng nhập lý do mở lại, ít nhất 10 ký tự.</p>');
    expect(short.text).toContain('aria-invalid="true">ngắn</textarea>');
    expect((await periodState('2025-Q1')).status).toMatchObject({ closed: true, closeNumber: 1 });

    const reason = 'Bổ sung hồ sơ điện mặt trời đến muộn';
    const reopened = await b.agent.post('/pgi/periods/2025-Q1/reopen').type('form').send({ _csrf: csrfTokenOf(short.text), reason });
    expect(reopened.status).toBe(303);
    const open = await b.agent.get(reopened.headers.location as string);
    expect(open.text).toContain('Đã mở lại kỳ.');
    expect(open.text).toContain('Đang mở: số liệu cập nhật theo hồ sơ mới.');
    expect(open.text).toContain(`<dd>${reason}</dd>`);
    expect((await periodState('2025-Q1')).status).toMatchObject({ closed: false, reopenReason: reason });
  });

  it('when a period has not ended, then no close form is offered and a forged close is refused with the reason', async () => {
    const b = await signedIn(leader);
    // The dashboard opens on the newest quarter with figures; the current quarter is asked for by name.
    const local = new Date(Date.now() + 7 * 3_600_000);
    const page = await b.agent.get(`/pgi?period=${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}&lang=vi`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('id="close-form"');
    const current = /aria-current="page">Quý (\d)\/(\d{4})</.exec(page.text)!;
    const res = await b.agent.post(`/pgi/periods/${current[2]}-Q${current[1]}/close`).type('form').send({ _csrf: csrfTokenOf(page.text) });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Kỳ chưa kết thúc nên chưa thể khóa.');
  });

  it('when an officer opens the page, then it reads but offers no close or reopen; a business user is refused', async () => {
    const o = await signedIn(officer);
    const page = await o.agent.get('/pgi?period=2025-Q3');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('/pgi/periods/2025-Q3/close');
    expect((await o.agent.post('/pgi/periods/2025-Q3/close').type('form').send({ _csrf: csrfTokenOf(page.text) })).status).toBe(403);

    const biz = await signedIn(business);
    expect((await biz.agent.get('/pgi')).status).toBe(403);
    const token = await biz.formToken('/my/dossiers');
    expect((await biz.agent.post('/pgi/periods/2025-Q3/close').type('form').send({ _csrf: token })).status).toBe(403);
    expect((await periodState('2025-Q3')).status.closed).toBe(false);
  });
});
