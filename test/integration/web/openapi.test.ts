import request from 'supertest';
import { routeTable } from '../../../src/http/app';
import { buildTestApp } from '../../support/test-app';

describe('the OpenAPI document', () => {
  const app = buildTestApp({ ping: async () => {} });

  it('when it is fetched, then every API route of the route table is in it with its audience and input schemas', async () => {
    const res = await request(app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const apiRoutes = routeTable({}).filter((r) => r.path.startsWith('/api/'));
    for (const route of apiRoutes) {
      const path = route.path.replace(/\{\/:(\w+)\}/g, '/{$1}').replace(/:(\w+)/g, '{$1}');
      expect(res.body.paths[path]?.[route.method]).toBeDefined();
    }
    const create = res.body.paths['/api/v1/applications'].post;
    expect(create['x-allowed-roles']).toEqual(['business', 'ic_operator']);
    // One body per dossier type, each with its own data schema.
    const bodies = create.requestBody.content['application/json'].schema.oneOf as { properties: { type: { const: string } } }[];
    expect(bodies.map((body) => body.properties.type.const)).toEqual(
      expect.arrayContaining(['epr', 'renewable_energy', 'emissions_reduction', 'green_transformation']),
    );
    const list = res.body.paths['/api/v1/applications'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['type', 'state', 'overdue', 'page']));
    expect(res.body.paths['/api/v1/public/dossiers/{code}'].get.security).toEqual([]);
  });
});
