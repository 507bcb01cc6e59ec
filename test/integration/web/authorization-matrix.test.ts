import request from 'supertest';
import { routeTable } from '../../../src/http/app';
import type { Audience, RouteDefinition } from '../../../src/http/route-table';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { csrfTokenOf } from '../../support/browser-session';
import { EPR_DATA } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { UserModel } from '../../../src/auth/user.model';

type Caller = 'anonymous' | 'business' | 'ic_operator' | 'officer' | 'leader' | 'admin' | 'org_admin';
const CALLERS: Caller[] = ['anonymous', 'business', 'ic_operator', 'officer', 'leader', 'admin', 'org_admin'];

/** The organization administrator is a business user too: what business users may, they may. */
const allows = (route: RouteDefinition, caller: Caller) =>
  route.allow.includes('public') || (caller !== 'anonymous' && (route.allow.includes(caller as Audience) || (caller === 'org_admin' && route.allow.includes('business'))));

/**
 * Every route of the app (read from the same table the router is built from, so a new route cannot be
 * forgotten) × every kind of caller: allowed callers are never refused with 401/403; the others always are.
 */
describe('authorization matrix', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  const users: Partial<Record<Caller, TestUser>> = {};
  let otherBusiness: TestUser;
  const params: Record<string, string> = {};

  beforeAll(async () => {
    app = buildTestApp(database());
    const organizationId = await createOrganization();
    users.business = await createUser(app, 'business', organizationId);
    users.ic_operator = await createUser(app, 'ic_operator', await createOrganization('Chủ đầu tư CCN'));
    users.officer = await createUser(app, 'officer');
    users.leader = await createUser(app, 'leader');
    users.admin = await createUser(app, 'admin');
    users.org_admin = await createUser(app, 'business', await createOrganization('Tổ chức có quản trị'));
    await UserModel.updateOne({ _id: users.org_admin.id }, { $set: { memberRole: 'org_admin' } });
    otherBusiness = await createUser(app, 'business', await createOrganization('Công ty khác'));
    const dossier = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${users.business.token}`).send({ type: 'epr', title: 'Ma trận quyền', data: EPR_DATA });
    Object.assign(params, { id: dossier.body.id, code: dossier.body.code, type: 'epr', version: '1', number: 'none', documentId: dossier.body.id });
  });

  const routes = routeTable({});
  const cases = routes.flatMap((route) => CALLERS.map((caller) => [`${route.method.toUpperCase()} ${route.path}`, caller, route] as const));

  it.each(cases)('%s as %s', async (_name, caller, route) => {
    const path = route.path.replace(/\{\/:(\w+)\}/g, '/:$1').replace(/:(\w+)/g, (_m, name: string) => params[name] ?? 'x');
    const agent = request.agent(app);
    // A valid CSRF pair, so a refusal can only come from the route's audience check.
    const token = route.method === 'get' ? undefined : csrfTokenOf((await agent.get('/login')).text);
    let req = agent[route.method](path).redirects(0);
    if (caller !== 'anonymous') req = req.set('Authorization', `Bearer ${users[caller]!.token}`);
    if (token) req = req.set('x-csrf-token', token).send({});
    const res = await req;
    const refused = res.status === 401 || res.status === 403 || (res.status === 303 && String(res.headers.location).startsWith('/login'));
    expect({ refused, status: res.status }).toEqual({ refused: !allows(route, caller), status: expect.any(Number) });
  });

  it('when a business user asks for another organization\'s dossier, then it does not exist for them', async () => {
    for (const path of [`/api/v1/applications/${params.id}`, `/api/v1/applications/${params.id}/history`]) {
      expect((await request(app).get(path).set('Authorization', `Bearer ${otherBusiness.token}`)).status).toBe(404);
    }
    const event = await request(app).post(`/api/v1/applications/${params.id}/events`).set('Authorization', `Bearer ${otherBusiness.token}`).send({ type: 'WITHDRAW' });
    expect(event.status).toBe(404);
  });
});
