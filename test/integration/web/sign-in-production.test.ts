import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { hashPassword } from '../../../src/auth';
import { PASSWORD } from '../../support/actors';
import { csrfTokenOf } from '../../support/browser-session';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { UserModel } from '../../../src/auth/user.model';

/** Production settings; the database URI is never dialled by the app itself (the test hands it the connection). */
const PRODUCTION = { NODE_ENV: 'production', MONGODB_URI: 'mongodb://db.invalid/hpg', BASE_URL: 'https://congdichvu.example.vn', SESSION_SECRET: 's'.repeat(40), SIGNING_P12_PATH: '/run/secrets/signing.p12' };

describe('signing in under production settings', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  beforeAll(() => {
    app = buildTestApp(database(), { env: PRODUCTION });
  });

  const userWith = async (demo: boolean) => {
    const email = `${demo ? 'demo' : 'real'}-${randomUUID().slice(0, 8)}@test.example.vn`;
    await UserModel.create({ email, name: 'Người dùng thử', role: 'officer', passwordHash: await hashPassword(PASSWORD), demo });
    return email;
  };

  /** The sign-in form by hand: production cookies are Secure, which supertest's cookie jar keeps from plain HTTP. */
  async function webSignIn(email: string) {
    const form = await request(app).get('/login');
    const cookies = ([] as string[]).concat((form.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((c) => c.split(';')[0]!);
    return request(app).post('/login').set('Cookie', cookies.join('; ')).type('form').send({ _csrf: csrfTokenOf(form.text), email, password: PASSWORD });
  }

  it('when a demo account signs in with its right password, then the form and the API refuse it with the usual vague answer', async () => {
    const email = await userWith(true);
    const page = await webSignIn(email);
    expect(page.status).toBe(401);
    expect(page.text).toContain('Thư điện tử hoặc mật khẩu không đúng.');
    const token = await request(app).post('/api/v1/auth/tokens').send({ email, password: PASSWORD, name: 'script' });
    expect(token.status).toBe(401);
    expect(token.body.code).toBe('unauthenticated');
  });

  it('when an ordinary account signs in, then it is let in', async () => {
    const email = await userWith(false);
    expect((await webSignIn(email)).status).toBe(303);
    expect((await request(app).post('/api/v1/auth/tokens').send({ email, password: PASSWORD, name: 'script' })).status).toBe(201);
  });
});
