import { Types } from 'mongoose';
import { recordAudit } from '../audit';
import { hashPassword, type Actor } from '../auth';
import { changeAccount } from '../auth/account-change';
import { passwordProblems } from '../auth/login.service';
import { MEMBER_ROLES, type MemberRole } from '../auth/roles';
import { createAccountUser, emailInUse, userByEmail, userById, usersOfOrganization } from '../auth';
import { forbidden, notFound, validationFailed, type FieldError } from '../errors';
import { organizationSummary } from '../organizations';
import { queueAccountMail } from './account-mail';
import { pendingRequests } from './account-request';
import { issueToken, readToken, useToken, type TokenProblem } from './account-token';
import type { AccountDeps } from './registration.service';

const field = (name: string, key: string): FieldError => ({ field: name, message: key, messageKey: key });

function organizationOf(actor: Actor): string {
  if (actor.kind !== 'user' || actor.memberRole !== 'org_admin' || !actor.organizationId) throw forbidden('Only the organization administrator manages its people.');
  return actor.organizationId;
}

export interface Member {
  id: string;
  name: string;
  email: string;
  memberRole: MemberRole;
  active: boolean;
  position?: string;
}

/** The organization's people, its pending join requests, for its administrator's page. */
export async function organizationMembers(actor: Actor): Promise<{ organization: { id: string; name: string }; members: Member[]; requests: Awaited<ReturnType<typeof pendingRequests>> }> {
  const organizationId = organizationOf(actor);
  const organization = await organizationSummary(organizationId);
  const users = await usersOfOrganization(organizationId);
  return {
    organization: { id: organizationId, name: organization?.name ?? '' },
    members: users.map((u) => ({ id: u.id, name: u.name, email: u.email, memberRole: u.memberRole, active: u.active, ...(u.position ? { position: u.position } : {}) })),
    requests: await pendingRequests({ kind: 'join', organizationId }),
  };
}

/**
 * Invites a colleague by e-mail. An address that already has an account is refused by name: in another
 * organization it cannot be moved from here, in this one the person is already a member.
 */
export async function invite(actor: Actor, input: { email: string; name: string; memberRole: MemberRole; locale: 'vi' | 'en' }, deps: AccountDeps, ip?: string): Promise<void> {
  const organizationId = organizationOf(actor);
  const email = input.email.trim().toLowerCase();
  const existing = await userByEmail(email);
  if (existing) {
    throw validationFailed([field('email', existing.organizationId === organizationId ? 'accounts.errors.alreadyMember' : 'accounts.errors.otherOrganization')]);
  }
  if (!MEMBER_ROLES.includes(input.memberRole)) throw validationFailed([field('memberRole', 'accounts.errors.choose')]);
  const now = deps.now();
  const organization = await organizationSummary(organizationId);
  const tokenId = await issueToken(deps.secret, { purpose: 'invitation', subject: email, data: { organizationId, memberRole: input.memberRole, name: input.name.trim(), locale: input.locale, invitedBy: actor.kind === 'user' ? actor.userId : '' } }, now);
  await queueAccountMail(
    { key: tokenId, template: 'invitation', to: { address: email, name: input.name.trim(), locale: input.locale }, token: { id: tokenId, purpose: 'invitation' }, facts: { organization: organization?.name, person: actor.kind === 'user' ? actor.name : undefined } },
    now,
  );
  await recordAudit({ at: now, actor, action: 'account.invited', target: { kind: 'organization', id: organizationId, label: email }, changedFields: ['memberRole'], ip });
}

/** What an invitation link offers (the page shows it), or why it cannot serve. */
export async function readInvitation(token: string, deps: AccountDeps): Promise<{ email: string; name: string; organization: string } | { problem: TokenProblem }> {
  const read = await readToken(deps.secret, token, 'invitation', deps.now());
  if ('problem' in read) return read;
  const organization = await organizationSummary(String(read.record.data.organizationId));
  return { email: read.record.subject, name: String(read.record.data.name ?? ''), organization: organization?.name ?? '' };
}

/** Accepts an invitation: the person chooses a password (and may correct the name), the account is created once. */
export async function acceptInvitation(token: string, input: { name: string; password: string }, deps: AccountDeps, ip?: string): Promise<{ problem?: TokenProblem | 'email_taken' }> {
  const now = deps.now();
  const read = await readToken(deps.secret, token, 'invitation', now);
  if ('problem' in read) return { problem: read.problem };
  const email = read.record.subject;
  const errors: FieldError[] = [];
  if (!input.name.trim()) errors.push(field('name', 'accounts.errors.required'));
  if (passwordProblems(input.password, email).length) errors.push(field('password', 'accounts.errors.weakPassword'));
  if (errors.length) throw validationFailed(errors);
  if (await emailInUse(email)) return { problem: 'email_taken' };
  const used = await useToken(deps.secret, token, 'invitation', now);
  if ('problem' in used) return { problem: used.problem };
  const data = read.record.data as { organizationId: string; memberRole: MemberRole; locale?: 'vi' | 'en' };
  const organization = await organizationSummary(data.organizationId);
  if (!organization) return { problem: 'invalid' };
  const userId = new Types.ObjectId();
  const created = await createAccountUser({
    id: userId,
    email,
    name: input.name.trim(),
    role: organization.kind === 'ic_operator' ? 'ic_operator' : 'business',
    organizationId: data.organizationId,
    passwordHash: await hashPassword(input.password),
    locale: data.locale ?? 'vi',
    memberRole: data.memberRole,
    emailVerifiedAt: now,
  });
  if (!created) return { problem: 'email_taken' };
  await recordAudit({ at: now, actor: { kind: 'user', userId: String(userId), role: 'business', name: input.name.trim() }, action: 'account.invitation_accepted', target: { kind: 'user', id: String(userId), label: email }, ip });
  return {};
}

/** Sets what a member does, or (de)activates them; never the administrator themself (an organization keeps one). */
export async function changeMember(actor: Actor, memberId: string, change: { memberRole?: MemberRole; active?: boolean }, now: Date): Promise<void> {
  const organizationId = organizationOf(actor);
  const member = await userById(memberId);
  if (!member || member.organizationId !== organizationId) throw notFound(`Member ${memberId}`);
  if (actor.kind === 'user' && actor.userId === memberId) throw validationFailed([field('member', 'accounts.errors.self')]);
  if (change.memberRole !== undefined && !MEMBER_ROLES.includes(change.memberRole)) throw validationFailed([field('memberRole', 'accounts.errors.choose')]);
  await changeAccount(memberId, actor.kind === 'user' ? actor.userId : actor.name, now, (current) => ({
    ...current,
    ...(change.memberRole ? { memberRole: change.memberRole } : {}),
    ...(change.active !== undefined ? { active: change.active } : {}),
  }));
  await recordAudit({ at: now, actor, action: change.active === false ? 'account.member_deactivated' : change.active === true ? 'account.member_reactivated' : 'account.member_role_changed', target: { kind: 'user', id: memberId, label: member.email }, changedFields: Object.keys(change) });
}
