import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyPassword } from '../../../src/auth';
import { isValidTaxCode } from '../../../src/organizations';
import { seedDemo } from '../../../src/seed';
import { useTestDatabase } from '../../support/test-database';
import { UserModel } from '../../../src/auth/user.model';
import { OrganizationModel } from '../../../src/organizations/organization.model';
import { IndustrialComplexModel } from '../../../src/organizations/industrial-complex.model';

describe('the Hai Phong demo seed', () => {
  useTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-seed-'));

  it('when seeded on an empty database, then it holds 18 industrial complexes on 742.5 ha, the two eco-parks and a dozen valid enterprises', async () => {
    const result = await seedDemo({ demoPassword: 'Demo-Password-1', dataDir, isProduction: false });
    expect(result.created).toEqual({ industrialComplexes: 20, organizations: 13, users: 5 });

    const clusters = await IndustrialComplexModel.find({ kind: 'cluster' }).lean();
    expect(clusters).toHaveLength(18);
    expect(clusters.reduce((sum, ic) => sum + ic.areaHa, 0)).toBeCloseTo(742.5, 6);
    const parks = await IndustrialComplexModel.find({ kind: 'park' }).lean();
    expect(parks.map((p) => p.code).sort()).toEqual(['KCN-DEEP-C', 'KCN-NAM-CAU-KIEN']);

    const organizations = await OrganizationModel.find().lean();
    expect(organizations.length).toBeGreaterThanOrEqual(12);
    expect(organizations.every((o) => isValidTaxCode(o.taxCode))).toBe(true);
    expect(organizations.every((o) => o.demo)).toBe(true);
  });

  it('when seeded again (twice at once), then nothing is duplicated', async () => {
    const [a, b] = await Promise.all([
      seedDemo({ demoPassword: 'Demo-Password-1', dataDir, isProduction: false }),
      seedDemo({ demoPassword: 'Demo-Password-1', dataDir, isProduction: false }),
    ]);
    expect(a.created).toEqual({ industrialComplexes: 0, organizations: 0, users: 0 });
    expect(b.created).toEqual({ industrialComplexes: 0, organizations: 0, users: 0 });
    expect(await IndustrialComplexModel.countDocuments()).toBe(20);
    expect(await UserModel.countDocuments()).toBe(5);
  });

  it('when the demo users exist, then there is one per role and business users belong to their organization', async () => {
    const users = await UserModel.find().lean();
    expect(users.map((u) => u.role).sort()).toEqual(['admin', 'business', 'ic_operator', 'leader', 'officer']);
    const business = users.find((u) => u.role === 'business')!;
    expect(business.organizationId).toBeDefined();
    expect(await verifyPassword(business.passwordHash, 'Demo-Password-1')).toBe(true);
    expect(business.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('when no DEMO_PASSWORD is set, then one is generated once, kept private and reused', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-seed-pw-'));
    const first = await seedDemo({ dataDir: dir, isProduction: false });
    const second = await seedDemo({ dataDir: dir, isProduction: false });
    expect(first.credentials?.password).toMatch(/^Demo-.{10,}/);
    expect(second.credentials?.password).toBe(first.credentials?.password);
    const file = path.join(dir, 'demo-password.txt');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.credentials?.password);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('when asked in production, then the seed refuses', async () => {
    await expect(seedDemo({ demoPassword: 'x', dataDir, isProduction: true })).rejects.toThrow(/refused in production/);
  });
});
