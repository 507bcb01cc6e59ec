import request from 'supertest';
import { verify } from '@node-rs/argon2';
import { createUser, PASSWORD } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { UserModel } from '../../../src/auth/user.model';

// Counts argon2 verifications while still doing them: the non-timed proof that unknown e-mails cost the same work.
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});
const verifications = verify as jest.MockedFunction<typeof verify>;

const LOCKED_VI = /Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\./;
const LOCKED_EN = /Too many failed sign-ins\. Try again in \d+ minute\(s\)\./;

describe('one sign-in policy for the web form and the API', () => {
  const database = useTestDatabase();
  // A fresh app per test: the per-address limit on token requests (20 in 15 minutes) must not carry over.
  const freshApp = () => buildTestApp(database());
  const askToken = (app: ReturnType<typeof freshApp>, email: string, password: string) =>
    request(app).post('/api/v1/auth/tokens').send({ email, password, name: 'script' });

  it('when six web sign-ins fail, then the API refuses a token even with the right password, saying the account is locked', async () => {
    const app = freshApp();
    const user = await createUser(app, 'officer');
    const b = browser(app);
    for (let i = 0; i < 5; i++) expect((await b.signIn(user.email, `wrong-${i}-password`)).status).toBe(401);
    expect((await b.signIn(user.email, 'wrong-6-password')).status).toBe(429);

    const refused = await askToken(app, user.email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(refused.body.detail).toMatch(LOCKED_VI);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const english = await request(app).post('/api/v1/auth/tokens?lang=en').send({ email: user.email, password: PASSWORD, name: 'script' });
    expect(english.status).toBe(429);
    expect(english.body.detail).toMatch(LOCKED_EN);
  });

  it('when five API token requests fail, then the web sign-in is locked with the same message', async () => {
    const app = freshApp();
    const user = await createUser(app, 'leader');
    for (let i = 0; i < 5; i++) expect((await askToken(app, user.email, `wrong-${i}-password`)).status).toBe(401);
    const locked = await browser(app).signIn(user.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(LOCKED_VI);
    expect((await askToken(app, user.email, PASSWORD)).status).toBe(429);
  });

  it('when many wrong guesses arrive at once, then no more than five are checked before the lock holds', async () => {
    const app = freshApp();
    const user = await createUser(app, 'officer');
    verifications.mockClear();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => askToken(app, user.email, `guess-${i}-password`)));
    expect(answers.filter((res) => res.status === 401).length).toBeLessThanOrEqual(5);
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(5);
    expect((await askToken(app, user.email, PASSWORD)).status).toBe(429);
  });

  it('when an e-mail is unknown or its account inactive, then the attempt still verifies one password hash, as a known e-mail does', async () => {
    const app = freshApp();
    const user = await createUser(app, 'business');
    const inactive = await createUser(app, 'officer');
    await UserModel.updateOne({ _id: inactive.id }, { $set: { active: false } });
    const known = await UserModel.findById(user.id).lean();

    verifications.mockClear();
    expect((await askToken(app, user.email, 'wrong-password-1')).status).toBe(401);
    expect(verifications).toHaveBeenCalledTimes(1);
    expect(verifications.mock.calls[0]![0]).toBe(known!.passwordHash);

    verifications.mockClear();
    expect((await askToken(app, 'nobody-here@test.example.vn', 'wrong-password-1')).status).toBe(401);
    expect((await browser(app).signIn('nobody-else@test.example.vn', 'wrong-password-1')).status).toBe(401);
    expect((await askToken(app, inactive.email, PASSWORD)).status).toBe(401);
    expect(verifications).toHaveBeenCalledTimes(3);
    const [unknownHash, otherUnknownHash] = verifications.mock.calls.map(([hash]) => String(hash));
    // One dummy argon2id hash, made once, stands in for every missing account.
    expect(unknownHash).toMatch(/^\$argon2id\$/);
    expect(otherUnknownHash).toBe(unknownHash);
    expect(unknownHash).not.toBe(known!.passwordHash);
  });

  it('when a user is deactivated and reactivated, then their old token and old session stay refused, and a new sign-in works', async () => {
    const app = freshApp();
    const admin = await createUser(app, 'admin');
    const user = await createUser(app, 'officer');
    const userBrowser = browser(app);
    expect((await userBrowser.signIn(user.email, PASSWORD)).status).toBe(303);
    const adminBrowser = browser(app);
    expect((await adminBrowser.signIn(admin.email, PASSWORD)).status).toBe(303);
    const setActive = async (active: 'yes' | 'no') => {
      const token = csrfTokenOf((await adminBrowser.agent.get('/admin/users')).text);
      // Locking asks once more (the confirmation page); unlocking does not.
      expect((await adminBrowser.agent.post(`/admin/users/${user.id}/active`).type('form').send({ _csrf: token, active, ...(active === 'no' ? { confirmed: 'yes' } : {}) })).status).toBe(303);
    };

    await setActive('no');
    await setActive('yes');

    expect((await request(app).get('/api/v1/applications').set('Authorization', `Bearer ${user.token}`)).status).toBe(401);
    expect((await userBrowser.agent.get('/officer/queue').redirects(0)).headers.location).toMatch(/^\/login/);
    const fresh = await askToken(app, user.email, PASSWORD);
    expect(fresh.status).toBe(201);
    expect((await request(app).get('/api/v1/applications').set('Authorization', `Bearer ${fresh.body.token}`)).status).toBe(200);
    expect((await browser(app).signIn(user.email, PASSWORD)).status).toBe(303);
  });

  it('when a token is deleted with no credentials at all, then the answer is 401, not a form-token 403', async () => {
    const app = freshApp();
    const res = await request(app).delete('/api/v1/auth/tokens/0');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('unauthenticated');
    const user = await createUser(app, 'officer');
    expect((await request(app).delete('/api/v1/auth/tokens/0').set('Authorization', `Bearer ${user.token}`)).status).toBe(404);
  });

  it('when a signed-in page, an API answer or a token is served, then it says Cache-Control: no-store; a public page does not', async () => {
    const app = freshApp();
    const user = await createUser(app, 'officer');
    const issued = await askToken(app, user.email, PASSWORD);
    expect(issued.headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/api/v1/applications').set('Authorization', `Bearer ${user.token}`)).headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/api/v1/applications')).headers['cache-control']).toBe('no-store');
    const b = browser(app);
    await b.signIn(user.email, PASSWORD);
    const page = await b.agent.get('/officer/queue');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await b.agent.get('/')).headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/')).headers['cache-control']).not.toBe('no-store');
  });
});
