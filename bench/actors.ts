import { randomUUID } from 'node:crypto';
import { hashPassword, type Role } from '../src/auth';
import { makeTaxCode } from '../src/organizations';
import { UserModel } from '../src/auth/user.model';
import { OrganizationModel } from '../src/organizations/organization.model';

const PASSWORD = 'Bench-Password-123';

export interface BenchUser {
  id: string;
  token: string;
}

/** A JSON call to the running app; throws with the answer when the status is not the expected one. */
export async function call(baseUrl: string, method: string, path: string, token: string | undefined, body: unknown, expected: number) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path} answered ${res.status} (expected ${expected}): ${text.slice(0, 500)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function createOrganization(): Promise<string> {
  for (;;) {
    const taxCode = makeTaxCode(`02${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`);
    if (!taxCode) continue;
    const organization = await OrganizationModel.create({ taxCode, kind: 'enterprise', name: `Công ty TNHH Đo tải ${randomUUID().slice(0, 6)}` });
    return String(organization._id);
  }
}

/** A user stored directly (as the seed does), with a token from the real token endpoint, as a client would get it. */
export async function createUser(baseUrl: string, role: Role, organizationId?: string): Promise<BenchUser> {
  const email = `bench-${role}-${randomUUID().slice(0, 8)}@bench.example.vn`;
  const user = await UserModel.create({ email, name: `Bench ${role}`, role, organizationId, passwordHash: await hashPassword(PASSWORD) });
  const issued = await call(baseUrl, 'POST', '/api/v1/auth/tokens', undefined, { email, password: PASSWORD, name: 'bench' }, 201);
  return { id: String(user._id), token: String(issued.token) };
}
