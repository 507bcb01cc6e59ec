import request from 'supertest';
import { buildTestApp } from '../../support/test-app';

describe('the PGI routes in the OpenAPI document', () => {
  const app = buildTestApp({ ping: async () => {} });

  it('when the document is fetched, then every PGI route has its own summary and the reopen body requires a reason of 10 characters', async () => {
    const res = await request(app).get('/api/v1/openapi.json');
    const operations = Object.entries(res.body.paths as Record<string, Record<string, { summary: string; tags: string[] }>>)
      .filter(([path]) => path.startsWith('/api/v1/pgi/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
    expect(operations).toHaveLength(7);
    for (const op of operations) {
      expect(op.summary).not.toMatch(/^(GET|POST) /);
      expect(op.tags).toEqual(['pgi']);
    }
    const reopen = res.body.paths['/api/v1/pgi/periods/{id}/reopen'].post;
    expect(reopen['x-allowed-roles']).toEqual(['leader', 'admin']);
    expect(reopen.requestBody.content['application/json'].schema).toMatchObject({ required: ['reason'], properties: { reason: { type: 'string', minLength: 10 } } });
    expect(res.body.paths['/api/v1/pgi/periods/{id}'].get.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
  });
});
