import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../auth';
import { insertIfAbsent } from '../db';
import { DEMO_SOURCE, DEMO_USERS, ECO_INDUSTRIAL_PARKS, ENTERPRISES, INDUSTRIAL_COMPLEXES } from './hai-phong.data';
import { UserModel } from '../auth/user.model';
import { IndustrialComplexModel } from '../organizations/industrial-complex.model';
import { OrganizationModel } from '../organizations/organization.model';

export interface DemoSeedResult {
  created: { industrialComplexes: number; organizations: number; users: number };
  /** Present when demo users were created in this run or the generated password is on file. */
  credentials?: { password: string; generated: boolean; users: { email: string; role: string }[] };
}

/**
 * The demo password: DEMO_PASSWORD when set; otherwise one generated at the first seed and kept in
 * `<dataDir>/demo-password.txt` (git-ignored, mode 600) so it can be shown again on later starts.
 */
function resolveDemoPassword(configured: string | undefined, dataDir: string): { password: string; generated: boolean } {
  if (configured) return { password: configured, generated: false };
  const file = path.join(dataDir, 'demo-password.txt');
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), generated: true };
  const password = `Demo-${randomBytes(9).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { password, generated: true };
}

/**
 * Seeds the Hai Phong demo. Idempotent and safe when two instances start at once: every record has a
 * natural unique key (code, tax code, e-mail) and is created by an insert that a duplicate key turns into a no-op.
 */
export async function seedDemo(options: { demoPassword?: string; dataDir: string; isProduction: boolean }): Promise<DemoSeedResult> {
  if (options.isProduction) throw new Error('The demo seed is refused in production.');
  const created = { industrialComplexes: 0, organizations: 0, users: 0 };

  for (const ic of INDUSTRIAL_COMPLEXES) {
    if (await insertIfAbsent(IndustrialComplexModel, { ...ic, kind: 'cluster', source: DEMO_SOURCE })) created.industrialComplexes++;
  }
  for (const park of ECO_INDUSTRIAL_PARKS) {
    const { note, ...rest } = park;
    const doc = { ...rest, kind: 'park', status: 'operating', ecoIndustrialPark: { status: 'pilot', note }, source: DEMO_SOURCE };
    if (await insertIfAbsent(IndustrialComplexModel, doc)) created.industrialComplexes++;
  }
  for (const enterprise of ENTERPRISES) {
    if (await insertIfAbsent(OrganizationModel, { ...enterprise, demo: true })) created.organizations++;
  }

  const { password, generated } = resolveDemoPassword(options.demoPassword, options.dataDir);
  const passwordHash = await hashPassword(password);
  for (const user of DEMO_USERS) {
    const organization =
      'organizationTaxCode' in user ? await OrganizationModel.findOne({ taxCode: user.organizationTaxCode }).lean() : null;
    const { email, name, role } = user;
    // Each demo organization's person administers it (invites colleagues, decides who submits).
    const doc = { email, name, role, passwordHash, demo: true, organizationId: organization?._id, ...(organization ? { memberRole: 'org_admin' } : {}) };
    if (await insertIfAbsent(UserModel, doc)) created.users++;
  }

  const users = DEMO_USERS.map(({ email, role }) => ({ email, role }));
  return { created, credentials: { password, generated, users } };
}
