import { Types } from 'mongoose';
import { recordAudit } from '../audit';
import { notFound, validationFailed, type FieldError } from '../errors';
import { organizationExists, organizationNamesByIds } from '../organizations';
import { changeAccount } from './account-change';
import type { Actor } from './actor';
import { passwordProblems } from './login.service';
import { hashPassword } from './password';
import { DEFAULT_MEMBER_ROLE, isApplicantRole, MEMBER_ROLES, ROLES, type MemberRole, type Role } from './roles';
import { UserModel, type User } from './user.model';

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  organizationId?: string;
  locale: 'vi' | 'en';
  password: string;
}

const actorIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : actor.name);

const needsOrganization = (role: Role) => isApplicantRole(role);

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId?: string;
  organizationName?: string;
  active: boolean;
  demo: boolean;
  createdAt?: Date;
  /** Applicants only: what the person does inside the organization. */
  memberRole?: MemberRole;
}

export async function listUsers(filter: { role?: Role; q?: string } = {}): Promise<UserRow[]> {
  const users = await UserModel.find(filter.role ? { role: filter.role } : {}, { passwordHash: 0 }).sort({ role: 1, email: 1 }).limit(1000).lean();
  const q = filter.q?.trim().toLowerCase();
  return userRows(q ? users.filter((u) => u.email.includes(q) || u.name.toLowerCase().includes(q)) : users);
}

/** One account as the administrators' pages show it (404 for an unknown id). */
export async function userRow(id: string): Promise<UserRow> {
  const user = Types.ObjectId.isValid(id) ? await UserModel.findById(id, { passwordHash: 0 }).lean() : null;
  if (!user) throw notFound(`User ${id}`);
  return (await userRows([user]))[0]!;
}

async function userRows(shown: readonly (Omit<User, 'passwordHash'> & { _id: Types.ObjectId; createdAt?: Date })[]): Promise<UserRow[]> {
  const names = await organizationNamesByIds(shown.map((u) => u.organizationId).filter(Boolean).map(String));
  return shown.map((u) => ({
    id: String(u._id),
    email: u.email,
    name: u.name,
    role: u.role as Role,
    organizationId: u.organizationId ? String(u.organizationId) : undefined,
    organizationName: u.organizationId ? names.get(String(u.organizationId)) : undefined,
    active: u.active ?? true,
    demo: u.demo ?? false,
    ...(isApplicantRole(u.role) ? { memberRole: (u.memberRole as MemberRole | undefined) ?? DEFAULT_MEMBER_ROLE } : {}),
    createdAt: u.createdAt,
  }));
}

/**
 * Creates a user with the password policy of sign-in. Field messages are translation keys, so the form can
 * show each next to its field; the password never reaches the audit log or the logs.
 */
export async function createUser(actor: Actor, input: NewUserInput, now: Date): Promise<string> {
  const errors: FieldError[] = [];
  const email = input.email.trim().toLowerCase();
  if (await UserModel.exists({ email })) errors.push({ field: 'email', message: 'admin.users.errors.emailTaken' });
  if (passwordProblems(input.password, email).length) errors.push({ field: 'password', message: 'admin.users.errors.weakPassword' });
  if (needsOrganization(input.role)) {
    const valid = input.organizationId && (await organizationExists(input.organizationId));
    if (!valid) errors.push({ field: 'organizationId', message: 'admin.users.errors.organizationRequired' });
  }
  if (errors.length) throw validationFailed(errors);
  const user = await UserModel.create({
    email,
    name: input.name.trim(),
    role: input.role,
    organizationId: needsOrganization(input.role) ? input.organizationId : undefined,
    locale: input.locale,
    passwordHash: await hashPassword(input.password),
  });
  await recordAudit({ at: now, actor, action: 'user.created', target: { kind: 'user', id: String(user._id), label: email }, changedFields: ['email', 'name', 'role', 'organizationId', 'locale'] });
  return String(user._id);
}

async function loadOther(actor: Actor, id: string) {
  if (!Types.ObjectId.isValid(id)) throw notFound(`User ${id}`);
  const user = await UserModel.findById(id).lean();
  if (!user) throw notFound(`User ${id}`);
  // An administrator who demotes or deactivates themself can lock the department out of administration.
  if (actor.kind === 'user' && actor.userId === id) throw validationFailed([{ field: 'user', message: 'admin.users.errors.self' }]);
  return user;
}

export async function changeRole(actor: Actor, id: string, role: Role, now: Date): Promise<void> {
  if (!ROLES.includes(role)) throw validationFailed([{ field: 'role', message: 'admin.users.errors.role' }]);
  const user = await loadOther(actor, id);
  if (user.role === role) return;
  if (needsOrganization(role) && !user.organizationId) throw validationFailed([{ field: 'role', message: 'admin.users.errors.roleNeedsOrganization' }]);
  const changed = await changeAccount(id, actorIdOf(actor), now, (current) => (current.role === role ? undefined : { ...current, role }));
  if (!changed) throw notFound(`User ${id}`);
  await recordAudit({ at: now, actor, action: 'user.role_changed', target: { kind: 'user', id, label: `${user.email}: ${user.role} → ${role}` }, changedFields: ['role'] });
}

/** Deactivating ends the user's sessions and tokens at their next request (both check `active`). */
export async function setActive(actor: Actor, id: string, active: boolean, now: Date): Promise<void> {
  const user = await loadOther(actor, id);
  if ((user.active ?? true) === active) return;
  const changed = await changeAccount(id, actorIdOf(actor), now, (current) => (current.active === active ? undefined : { ...current, active }));
  if (!changed) throw notFound(`User ${id}`);
  await recordAudit({ at: now, actor, action: active ? 'user.reactivated' : 'user.deactivated', target: { kind: 'user', id, label: user.email }, changedFields: ['active'] });
}

/** A DOIT administrator names who administers an organization (or changes what a member does there). */
export async function changeMemberRole(actor: Actor, id: string, memberRole: MemberRole, now: Date): Promise<void> {
  const user = await loadOther(actor, id);
  if (!isApplicantRole(user.role) || !MEMBER_ROLES.includes(memberRole)) throw validationFailed([{ field: 'memberRole', message: 'admin.users.errors.role' }]);
  const changed = await changeAccount(id, actorIdOf(actor), now, (current) => (current.memberRole === memberRole ? undefined : { ...current, memberRole }));
  if (changed) await recordAudit({ at: now, actor, action: 'user.member_role_changed', target: { kind: 'user', id, label: user.email }, changedFields: ['memberRole'] });
}
