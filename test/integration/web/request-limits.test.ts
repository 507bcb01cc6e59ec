import request from 'supertest';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

const LOOKUP_LIMIT = 60;

describe('per-address limits on the public lookups', () => {
  const database = useTestDatabase();
  // Each test gets its own app, so its own counters.
  const freshApp = (env: Record<string, string> = {}) => buildTestApp(database(), { env });

  /** Spends `count` requests of one address's lookup budget on the pages (no code: nothing is looked up). */
  async function spend(app: ReturnType<typeof freshApp>, count: number, forwardedFor?: (i: number) => string) {
    for (let i = 0; i < count; i++) {
      const path = i % 2 === 0 ? '/lookup' : '/certificates/verify';
      const res = await (forwardedFor ? request(app).get(path).set('X-Forwarded-For', forwardedFor(i)) : request(app).get(path));
      expect(res.status).toBe(200);
    }
  }

  it('when an address uses up the limit on the lookup pages, then the API twins answer 429 as problem+json in its language, and the pages an HTML 429', async () => {
    const app = freshApp();
    await spend(app, LOOKUP_LIMIT - 1);
    expect((await request(app).get('/api/v1/public/dossiers/HP-EPR-2026-999999')).status).toBe(404);

    const api = await request(app).get('/api/v1/public/certificates/NOPE-123');
    expect(api.status).toBe(429);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(api.body.detail).toMatch(/Quá nhiều yêu cầu từ địa chỉ của bạn\. Vui lòng thử lại sau 1 phút\./);
    expect(Number(api.headers['retry-after'])).toBeGreaterThan(0);
    expect(api.headers['cache-control']).toBe('no-store');
    const english = await request(app).get('/api/v1/public/dossiers/HP-EPR-2026-999999?lang=en');
    expect(english.status).toBe(429);
    expect(english.body.detail).toMatch(/Too many requests from your address\. Try again in 1 minute\(s\)\./);

    const page = await request(app).get('/lookup?code=HP-EPR-2026-999999');
    expect(page.status).toBe(429);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Quá nhiều yêu cầu từ địa chỉ của bạn.');
    expect((await request(app).get('/certificates/verify')).status).toBe(429);
    // Pages that look nothing up by code are not counted against it.
    expect((await request(app).get('/')).status).toBe(200);
  });

  it('when every request names another X-Forwarded-For and no proxy is trusted, then they still share one bucket', async () => {
    const app = freshApp();
    await spend(app, LOOKUP_LIMIT, (i) => `203.0.113.${i + 1}`);
    const spoofed = await request(app).get('/api/v1/public/dossiers/HP-EPR-2026-999999').set('X-Forwarded-For', '198.51.100.7');
    expect(spoofed.status).toBe(429);
  });

  it('when TRUST_PROXY names the proxy, then the forwarded address is believed and each client has its own bucket', async () => {
    const app = freshApp({ TRUST_PROXY: 'loopback' });
    await spend(app, LOOKUP_LIMIT, () => '203.0.113.10');
    expect((await request(app).get('/lookup').set('X-Forwarded-For', '203.0.113.10')).status).toBe(429);
    expect((await request(app).get('/lookup').set('X-Forwarded-For', '203.0.113.11')).status).toBe(200);
  });

  it('when TRUST_PROXY is a hop count, then the address one hop back is the client', async () => {
    const app = freshApp({ TRUST_PROXY: '1' });
    await spend(app, LOOKUP_LIMIT, () => '10.0.0.5, 203.0.113.20');
    expect((await request(app).get('/lookup').set('X-Forwarded-For', '10.0.0.6, 203.0.113.20')).status).toBe(429);
    expect((await request(app).get('/lookup').set('X-Forwarded-For', '10.0.0.5, 203.0.113.21')).status).toBe(200);
  });
});
