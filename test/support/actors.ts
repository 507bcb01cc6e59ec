import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { hashPassword, type Role } from '../../src/auth';
import { makeTaxCode } from '../../src/organizations';
import { UserModel } from '../../src/auth/user.model';
import { OrganizationModel } from '../../src/organizations/organization.model';

export const PASSWORD = 'Test-Password-123';
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  organizationId?: string;
  token: string;
}

const randomTaxCode = () => freshTaxCode('02');

export async function createOrganization(name = 'Công ty TNHH Thử nghiệm'): Promise<string> {
  const organization = await OrganizationModel.create({ taxCode: randomTaxCode(), kind: 'enterprise', name: `${name} ${randomUUID().slice(0, 6)}` });
  return String(organization._id);
}

/** A user of the given role with an API token obtained through the real token endpoint. */
export async function createUser(app: Express, role: Role, organizationId?: string): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${role}-${randomUUID().slice(0, 8)}@test.example.vn`;
  const user = await UserModel.create({ email, name: `Test ${role}`, role, organizationId, passwordHash: await passwordHash });
  const res = await request(app).post('/api/v1/auth/tokens').send({ email, password: PASSWORD, name: 'test' });
  if (res.status !== 201) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: String(user._id), email, role, organizationId, token: res.body.token as string };
}

/**
 * A tax code with a right check digit, random after `prefix` (suites pick their own prefix so their codes never
 * meet another suite's); some first nine digits have no check digit, so it draws again.
 */
export function freshTaxCode(prefix = '8'): string {
  for (;;) {
    const random = String(Math.floor(Math.random() * 10 ** (9 - prefix.length))).padStart(9 - prefix.length, '0');
    const code = makeTaxCode(`${prefix}${random}`);
    if (code) return code;
  }
}
