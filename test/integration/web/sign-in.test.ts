import request from 'supertest';
import { SESSION_COOKIE } from '../../../src/http/session';
import { createOrganization, createUser, PASSWORD } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

const sessionCookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];

describe('signing in and out in the browser', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  beforeAll(() => {
    app = buildTestApp(database());
  });

  it('when a business user signs in, then the session cookie is HttpOnly and SameSite and they land on their dossiers', async () => {
    const user = await createUser(app, 'business', await createOrganization());
    const res = await browser(app).signIn(user.email, PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/my/dossiers');
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(SESSION_COOKIE))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('when the password is wrong, then the form says so and keeps the e-mail typed', async () => {
    const user = await createUser(app, 'officer');
    const res = await browser(app).signIn(user.email, 'wrong-password-1');
    expect(res.status).toBe(401);
    expect(res.text).toContain('Thư điện tử hoặc mật khẩu không đúng.');
    expect(res.text).toContain(`value="${user.email}"`);
  });

  it('when five sign-ins fail, then even the right password is refused for a while with a clear message', async () => {
    const user = await createUser(app, 'officer');
    const b = browser(app);
    for (let i = 0; i < 5; i++) expect((await b.signIn(user.email, `wrong-${i}-password`)).status).toBe(401);
    const locked = await b.signIn(user.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(/thử lại sau \d+ phút/);
  });

  it('when a form is posted without its CSRF token, then it is refused', async () => {
    const user = await createUser(app, 'officer');
    const noToken = await request(app).post('/login').type('form').send({ email: user.email, password: PASSWORD });
    expect(noToken.status).toBe(403);
    const b = browser(app);
    await b.signIn(user.email, PASSWORD);
    const logout = await b.agent.post('/logout').type('form').send({});
    expect(logout.status).toBe(403);
    expect((await b.agent.get('/officer/queue').redirects(0)).status).not.toBe(303);
  });

  it('when a user signs in again, then the session id changes and the old one no longer works (no fixation)', async () => {
    const user = await createUser(app, 'leader');
    const b = browser(app);
    const first = sessionCookieOf(await b.signIn(user.email, PASSWORD));
    const token = csrfTokenOf((await b.agent.get('/')).text);
    const second = sessionCookieOf(await b.agent.post('/login').type('form').send({ _csrf: token, email: user.email, password: PASSWORD }));
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const withOld = await request(app).get('/dashboard').set('Cookie', first!).redirects(0);
    expect(withOld.headers.location).toMatch(/^\/login/);
  });

  it('when a user signs out, then protected pages send them to the sign-in page again', async () => {
    const user = await createUser(app, 'leader');
    const b = browser(app);
    await b.signIn(user.email, PASSWORD);
    expect((await b.agent.get('/dashboard').redirects(0)).headers.location).toBe('/leader/decisions');
    const page = await b.agent.get('/');
    const out = await b.agent.post('/logout').type('form').send({ _csrf: csrfTokenOf(page.text) });
    expect(out.status).toBe(303);
    const after = await b.agent.get('/dashboard').redirects(0);
    expect(after.headers.location).toBe('/login?next=%2Fdashboard');
  });

  it('when an API token is revoked, then it stops working at once', async () => {
    const user = await createUser(app, 'officer');
    const issued = await request(app).post('/api/v1/auth/tokens').send({ email: user.email, password: PASSWORD, name: 'script' });
    expect(issued.status).toBe(201);
    const auth = { Authorization: `Bearer ${issued.body.token}` };
    expect((await request(app).get('/api/v1/applications').set(auth)).status).toBe(200);
    expect((await request(app).delete(`/api/v1/auth/tokens/${issued.body.id}`).set(auth)).status).toBe(204);
    expect((await request(app).get('/api/v1/applications').set(auth)).status).toBe(401);
    expect((await request(app).post('/api/v1/auth/tokens').send({ email: user.email, password: 'nope-nope-123', name: 'x' })).status).toBe(401);
  });

  it('when the language is switched, then pages come in English and the choice is remembered', async () => {
    const b = browser(app);
    const en = await b.agent.get('/?lang=en');
    expect(en.text).toContain('Online public services for green transformation');
    expect(en.text).toContain('<html lang="en">');
    expect((await b.agent.get('/lookup')).text).toContain('Check a dossier&#39;s status');
    expect((await request(app).get('/')).text).toContain('Dịch vụ công trực tuyến về chuyển đổi xanh');
  });

  it('when the public reads the procedures, then each says whether it is offered fully or partly online, unverified values marked', async () => {
    const vi = (await request(app).get('/')).text;
    expect(vi).toContain('Toàn trình — nộp, xử lý và trả kết quả trực tuyến');
    expect(vi).toContain('Một phần — có bước cần giấy tờ hoặc gặp trực tiếp');
    expect((await request(app).get('/?lang=en')).text).toContain('Partly online — one step needs paper or a visit');
  });
});
