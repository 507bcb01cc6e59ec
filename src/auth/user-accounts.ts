import { Types } from 'mongoose';
import { insertIfAbsent } from '../db';
import { DEFAULT_MEMBER_ROLE, type MemberRole, type Role } from './roles';
import { UserModel } from './user.model';

/** The users the account journeys (registration, reset, invitations) read and create; the auth room keeps the model. */
export interface AccountUser {
  id: string;
  role: Role;
  email: string;
  name: string;
  locale: 'vi' | 'en';
  active: boolean;
  organizationId?: string;
  memberRole: MemberRole;
  position?: string;
  phone?: string;
}

type StoredUser = { _id: unknown; role: string; email: string; name: string; locale?: string | null; active?: boolean | null; organizationId?: unknown; memberRole?: string | null; position?: string | null; phone?: string | null };

const accountUserOf = (u: StoredUser): AccountUser => ({
  id: String(u._id),
  role: u.role as Role,
  email: u.email,
  name: u.name,
  locale: u.locale === 'en' ? 'en' : 'vi',
  active: u.active ?? true,
  ...(u.organizationId ? { organizationId: String(u.organizationId) } : {}),
  memberRole: (u.memberRole as MemberRole | undefined) ?? DEFAULT_MEMBER_ROLE,
  ...(u.position ? { position: u.position } : {}),
  ...(u.phone ? { phone: u.phone } : {}),
});

export async function userByEmail(email: string): Promise<AccountUser | undefined> {
  const user = await UserModel.findOne({ email: email.trim().toLowerCase() }).lean();
  return user ? accountUserOf(user) : undefined;
}

export async function userById(id: string): Promise<AccountUser | undefined> {
  const user = Types.ObjectId.isValid(id) ? await UserModel.findById(id).lean() : null;
  return user ? accountUserOf(user) : undefined;
}

export const emailInUse = async (email: string) => (await UserModel.exists({ email: email.trim().toLowerCase() })) !== null;

/** The people of one organization, by name. */
export async function usersOfOrganization(organizationId: string): Promise<AccountUser[]> {
  const users = await UserModel.find({ organizationId: new Types.ObjectId(organizationId) }).sort({ name: 1 }).lean();
  return users.map(accountUserOf);
}

export interface NewAccountUser {
  id: Types.ObjectId;
  email: string;
  name: string;
  role: Extract<Role, 'business' | 'ic_operator'>;
  organizationId: Types.ObjectId | string;
  passwordHash: string;
  locale: 'vi' | 'en';
  memberRole: MemberRole;
  phone?: string;
  position?: string;
  emailVerifiedAt: Date;
}

/**
 * Creates an applicant's account with an id chosen ahead (so running it again creates nothing twice).
 * Answers false when the e-mail belongs to another account (its unique key), true when this account exists.
 */
export async function createAccountUser(input: NewAccountUser): Promise<boolean> {
  const { id, ...fields } = input;
  await insertIfAbsent(UserModel, { _id: id, ...fields, organizationId: new Types.ObjectId(String(input.organizationId)) });
  return (await UserModel.exists({ _id: id })) !== null;
}
