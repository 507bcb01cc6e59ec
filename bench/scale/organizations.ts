import { ObjectId, type Db } from 'mongodb';
import { hashPassword } from '../../src/auth';
import { makeTaxCode } from '../../src/organizations';
import type { CopyOwner, TemplateOwner } from './copy';

export const BENCH_USER_PASSWORD = 'Bench-Scale-Password-1';
const DISTRICTS = ['Hải An', 'An Dương', 'Thủy Nguyên', 'Kiến An', 'Tiên Lãng', 'Vĩnh Bảo', 'An Lão', 'Đồ Sơn', 'Lê Chân', 'Ngô Quyền'];
const TRADES = ['Nhựa', 'Bao bì', 'Thép', 'Điện tử', 'Xi măng', 'Dầu nhớt', 'Săm lốp', 'Ắc quy', 'Giấy', 'Thực phẩm', 'Nhôm', 'Năng lượng'];
const SIZES = ['micro', 'small', 'medium', 'large'];
const GENDERS = ['female', 'male', undefined];

export type OrganizationKind = 'enterprise' | 'ic_operator';

/** A valid tax code of its own for organization `index` (13 candidates each; a check digit of 10 is not valid). */
function taxCodeFor(index: number): string {
  for (let k = 0; k < 13; k++) {
    const code = makeTaxCode(`03${String(1_000_000 + index * 13 + k).padStart(7, '0')}`);
    if (code) return code;
  }
  throw new Error(`no tax code for organization ${index}`);
}

/** The email of the applicant user of generated organization `index` (the bench signs in as one of them). */
export const applicantEmail = (index: number) => `doanhnghiep-${String(index).padStart(5, '0')}@bench.example.vn`;

/**
 * `count` organizations shaped like the demo ones (one in ten an industrial-complex operator), each with one
 * applicant user who can sign in with BENCH_USER_PASSWORD, written in two bulk inserts.
 */
export async function createOrganizations(db: Db, count: number, complexCodes: readonly string[], now: Date): Promise<Record<OrganizationKind, CopyOwner[]>> {
  const passwordHash = await hashPassword(BENCH_USER_PASSWORD);
  const organizations = [];
  const users = [];
  const owners: Record<OrganizationKind, CopyOwner[]> = { enterprise: [], ic_operator: [] };
  for (let i = 0; i < count; i++) {
    const kind: OrganizationKind = i % 10 === 9 ? 'ic_operator' : 'enterprise';
    const taxCode = taxCodeFor(i);
    const organizationId = new ObjectId();
    const userId = new ObjectId();
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const name = kind === 'ic_operator' ? `Công ty CP Hạ tầng Cụm công nghiệp ${district} số ${i}` : `Công ty TNHH ${TRADES[i % TRADES.length]} ${district} số ${i}`;
    const gender = GENDERS[i % 3];
    organizations.push({
      _id: organizationId, taxCode, kind, name, district, sectorVsic: kind === 'ic_operator' ? 'L6810' : 'C2220', size: SIZES[i % 4],
      ...(kind === 'ic_operator' ? { industrialComplexCode: complexCodes[i % complexCodes.length] } : {}),
      ...(gender ? { leadershipGender: gender, employeesByGender: { female: 20 + (i % 60), male: 30 + ((i * 7) % 80) } } : {}),
      demo: false, createdAt: now, updatedAt: now, __v: 0,
    });
    const userName = `Người nộp hồ sơ số ${i}`;
    users.push({
      _id: userId, email: applicantEmail(i), name: userName, role: kind === 'ic_operator' ? 'ic_operator' : 'business', organizationId, passwordHash,
      locale: 'vi', active: true, demo: false, accountRevision: 0, createdAt: now, updatedAt: now, __v: 0,
    });
    owners[kind].push({ organizationId: organizationId.toHexString(), organizationName: name, userId: userId.toHexString(), userName });
  }
  await db.collection('organizations').insertMany(organizations, { ordered: false });
  await db.collection('users').insertMany(users, { ordered: false });
  return owners;
}

/** How each template organization appears in its records: its name, its applicant users and the demo history's stand-in. */
export async function templateOwners(db: Db): Promise<Map<string, TemplateOwner & { kind: OrganizationKind }>> {
  const owners = new Map<string, TemplateOwner & { kind: OrganizationKind }>();
  for (const organization of await db.collection('organizations').find().toArray()) {
    const users = await db.collection('users').find({ organizationId: organization._id }).toArray();
    // The demo history files for companies without a sign-in as a stand-in applicant with this id (src/seed/demo-history.ts).
    const standIn = new ObjectId(String(organization.taxCode).padStart(24, '0')).toHexString();
    owners.set(organization._id.toHexString(), {
      kind: organization.kind as OrganizationKind,
      organizationName: String(organization.name),
      userIds: [...users.map((u) => u._id.toHexString()), standIn],
      userNames: users.map((u) => String(u.name)),
    });
  }
  return owners;
}
