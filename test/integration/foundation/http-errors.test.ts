import { Router } from 'express';
import request from 'supertest';
import { conflict } from '../../../src/errors';
import { buildTestApp } from '../../support/test-app';

const healthyDatabase = { ping: async () => {} };

function failingRoutes(): Router {
  const router = Router();
  router.get('/api/v1/boom', () => {
    throw new Error('secret internal detail');
  });
  router.get('/boom', () => {
    throw new Error('secret internal detail');
  });
  router.post('/api/v1/things', () => {
    throw conflict('Someone else changed this dossier first.', { currentSequence: 4 });
  });
  return router;
}

describe('HTTP errors and headers', () => {
  const app = buildTestApp(healthyDatabase, { routers: [failingRoutes()] });

  it('when an API route is unknown, then the answer is a 404 problem+json', async () => {
    const res = await request(app).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Vietnamese first: a client that names no language is answered in Vietnamese; `code` is the stable part.
    expect(res.body).toMatchObject({ type: '/problems/not-found', title: 'Không tìm thấy', detail: 'Không tìm thấy trang hoặc dữ liệu bạn yêu cầu.', status: 404, code: 'not_found', instance: '/api/v1/nothing-here' });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('when an API client asks in English (Accept-Language) or Vietnamese, then the problem\'s title and detail are in that language', async () => {
    const en = await request(app).get('/api/v1/nothing-here').set('Accept-Language', 'en-GB,en;q=0.9');
    expect(en.body).toMatchObject({ title: 'Not found', detail: 'The page or the data you asked for was not found.', code: 'not_found' });
    const vi = await request(app).post('/api/v1/things').set('Accept-Language', 'vi-VN,vi;q=0.9,en;q=0.5').set('Content-Type', 'application/json').send('{"broken":');
    expect(vi.body).toMatchObject({ title: 'Dữ liệu chưa hợp lệ', detail: 'Nội dung gửi lên không phải JSON hợp lệ.', code: 'validation_failed' });
    // A page does not follow the browser's language: the site is Vietnamese first, ?lang= switches it.
    const page = await request(app).get('/nothing-here').set('Accept', 'text/html').set('Accept-Language', 'en-US,en;q=0.9');
    expect([page.status, page.text.includes('404 · Không tìm thấy')]).toEqual([404, true]);
  });

  it('when the JSON body is malformed, then the answer is a 400 problem+json', async () => {
    const res = await request(app).post('/api/v1/things').set('Content-Type', 'application/json').send('{"broken":');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed', title: 'Dữ liệu chưa hợp lệ', detail: 'Nội dung gửi lên không phải JSON hợp lệ.' });
  });

  it('when the body is larger than the limit, then the answer is 413', async () => {
    const res = await request(app).post('/api/v1/things').send({ text: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('when a route throws an unexpected error, then the answer is a 500 without stack or internal message', async () => {
    const res = await request(app).get('/api/v1/boom');
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ status: 500, code: 'internal' });
    expect(res.body.stack).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/secret internal detail|at .*\.ts/);
  });

  it('when a service throws a domain error, then its status and extensions reach the client', async () => {
    const res = await request(app).post('/api/v1/things').send({});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'conflict', detail: 'Someone else changed this dossier first.', currentSequence: 4 });
  });

  it('when a browser hits an error, then it gets an HTML page with the request id and no stack', async () => {
    const res = await request(app).get('/boom').set('Accept', 'text/html');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain(res.headers['x-request-id']);
    expect(res.text).not.toMatch(/secret internal detail/);
  });

  it('when any page is served, then the security headers are present', async () => {
    const res = await request(app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when a caller sends a safe request id, then it is echoed; an unsafe one is replaced', async () => {
    const kept = await request(app).get('/healthz').set('X-Request-Id', 'abc-12345678');
    expect(kept.headers['x-request-id']).toBe('abc-12345678');
    const replaced = await request(app).get('/healthz').set('X-Request-Id', 'bad id with spaces <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
