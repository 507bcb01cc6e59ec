import { recordAudit } from '../audit';
import { emailInUse, userById, type Actor } from '../auth';
import { changeAccount } from '../auth/account-change';
import { validationFailed, notFound } from '../errors';
import { organizationGenderFacts, organizationSummary, setGenderFacts } from '../organizations';
import { queueAccountMail } from './account-mail';
import { issueToken, readToken, useToken, type TokenProblem } from './account-token';
import type { AccountDeps } from './registration.service';

const userIdOf = (actor: Actor) => {
  if (actor.kind !== 'user') throw notFound('Profile');
  return actor.userId;
};

/** What the profile page shows: the person's details and their organization. */
export async function profileOf(actor: Actor) {
  const user = await userById(userIdOf(actor));
  if (!user) throw notFound('Profile');
  const organization = user.organizationId ? await organizationSummary(user.organizationId) : undefined;
  // The organization's administrator also keeps its optional gender figures here.
  const gender = organization && user.memberRole === 'org_admin' && actor.kind === 'user' && actor.memberRole === 'org_admin' ? ((await organizationGenderFacts(organization.id)) ?? {}) : undefined;
  return { user, organization, gender };
}

/** The organization's optional gender figures, set by its administrator (never mandatory; the PGI reads them). */
export async function updateGenderFacts(actor: Actor, facts: { leadershipGender?: string; employeesFemale?: number; employeesMale?: number }, now: Date, ip?: string): Promise<void> {
  if (actor.kind !== 'user' || actor.memberRole !== 'org_admin' || !actor.organizationId) throw notFound('Organization');
  await setGenderFacts(actor.organizationId, {
    leadershipGender: facts.leadershipGender,
    employeesByGender: facts.employeesFemale !== undefined || facts.employeesMale !== undefined ? { female: facts.employeesFemale, male: facts.employeesMale } : undefined,
  });
  await recordAudit({ at: now, actor, action: 'organization.gender_facts_updated', target: { kind: 'organization', id: actor.organizationId }, changedFields: ['leadershipGender', 'employeesByGender'], ip });
}

export interface ProfileInput {
  name: string;
  email: string;
  phone?: string;
  position?: string;
  locale: 'vi' | 'en';
}

/**
 * Saves the person's own details through the account's change log. A new e-mail address is not taken at once:
 * a single-use link goes to it, and the address changes only when the link is opened (until then the old
 * one receives the mail). Answers whether a confirmation was sent.
 */
export async function updateProfile(actor: Actor, input: ProfileInput, deps: AccountDeps, ip?: string): Promise<{ emailConfirmationSent: boolean }> {
  const userId = userIdOf(actor);
  const user = await userById(userId);
  if (!user) throw notFound('Profile');
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  const emailChanges = email !== user.email;
  if (emailChanges && (await emailInUse(email))) throw validationFailed([{ field: 'email', message: 'accounts.errors.emailTaken', messageKey: 'accounts.errors.emailTaken' }]);
  await changeAccount(userId, userId, now, (current) => ({
    ...current,
    name: input.name.trim(),
    phone: input.phone?.trim() || undefined,
    position: input.position?.trim() || undefined,
    locale: input.locale,
  }));
  if (emailChanges) {
    const tokenId = await issueToken(deps.secret, { purpose: 'verify_email_change', subject: userId, data: { email } }, now);
    await queueAccountMail({ key: tokenId, template: 'verify_email_change', to: { address: email, name: input.name.trim(), locale: input.locale, userId }, token: { id: tokenId, purpose: 'verify_email_change' } }, now);
  }
  await recordAudit({ at: now, actor, action: 'account.profile_updated', target: { kind: 'user', id: userId, label: user.email }, changedFields: ['name', 'phone', 'position', 'locale', ...(emailChanges ? ['email (pending confirmation)'] : [])], ip });
  return { emailConfirmationSent: emailChanges };
}

/** Opens an e-mail change link: the address becomes the account's, once, if nobody took it meanwhile. */
export async function confirmEmailChange(token: string, deps: AccountDeps, ip?: string): Promise<{ problem?: TokenProblem | 'email_taken' }> {
  const now = deps.now();
  const read = await readToken(deps.secret, token, 'verify_email_change', now);
  if ('problem' in read) return { problem: read.problem };
  const email = String(read.record.data.email);
  if (await emailInUse(email)) return { problem: 'email_taken' };
  const used = await useToken(deps.secret, token, 'verify_email_change', now);
  if ('problem' in used) return { problem: used.problem };
  const userId = read.record.subject;
  await changeAccount(userId, userId, now, (current) => ({ ...current, email, emailVerifiedAt: now }));
  await recordAudit({ at: now, actor: { kind: 'system', name: 'email-change' }, action: 'account.email_changed', target: { kind: 'user', id: userId, label: email }, changedFields: ['email'], ip });
  return {};
}
