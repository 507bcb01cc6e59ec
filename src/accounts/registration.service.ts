import { Types } from 'mongoose';
import { recordAudit } from '../audit';
import { createAccountUser, emailInUse, hashPassword, SYSTEM_SCHEDULER, usersOfOrganization, type Actor } from '../auth';
import { passwordProblems } from '../auth/login.service';
import { AppError, forbidden, notFound, validationFailed, type FieldError } from '../errors';
import { createRegisteredOrganization, normalizeTaxCode, organizationByTaxCode, organizationSummary } from '../organizations';
import { queueAccountMail } from './account-mail';
import {
  decideOnce,
  decisionOf,
  newIds,
  recordRequest,
  requestById,
  type AccountRequestRecord,
  type RegisteredOrganization,
  type RegisteredPerson,
} from './account-request';
import { issueToken, readToken, type TokenProblem } from './account-token';

export interface AccountDeps {
  secret: string;
  registrationApproval: 'auto' | 'admin';
  now: () => Date;
}

export interface RegistrationInput {
  organization: Omit<RegisteredOrganization, 'kind'> & { kind?: RegisteredOrganization['kind'] };
  person: Omit<RegisteredPerson, 'passwordHash'> & { password: string };
}

const field = (name: string, key: string): FieldError => ({ field: name, message: key, messageKey: key });

/** The e-mail is free: no account has it (a registration still unverified does not hold it). */
const emailTaken = emailInUse;

/**
 * Starts a registration: checks what can be checked now (tax code check digit, e-mail free, password policy),
 * then sends a single-use link to the address. Nothing is created until the link is opened: a mistyped
 * address leaves no account behind.
 */
export async function startRegistration(input: RegistrationInput, deps: AccountDeps, ip?: string): Promise<void> {
  const email = input.person.email.trim().toLowerCase();
  const taxCode = normalizeTaxCode(input.organization.taxCode);
  const errors: FieldError[] = [];
  if (!taxCode) errors.push(field('taxCode', 'accounts.errors.taxCode'));
  if (await emailTaken(email)) errors.push(field('email', 'accounts.errors.emailTaken'));
  if (passwordProblems(input.person.password, email).length) errors.push(field('password', 'accounts.errors.weakPassword'));
  if (errors.length) throw validationFailed(errors);
  const now = deps.now();
  const { password, ...person } = input.person;
  const registration = {
    organization: { ...input.organization, taxCode: taxCode!, kind: input.organization.kind ?? 'enterprise' },
    person: { ...person, email, passwordHash: await hashPassword(password) },
    ip,
  };
  const tokenId = await issueToken(deps.secret, { purpose: 'verify_registration', subject: email, data: registration }, now);
  await queueAccountMail({ key: tokenId, template: 'verify_registration', to: { address: email, name: person.name, locale: person.locale }, token: { id: tokenId, purpose: 'verify_registration' }, facts: { organization: registration.organization.name } }, now);
}

export type RegistrationOutcome =
  | { status: 'active'; organization: string }
  | { status: 'waiting_for_department'; organization: string }
  | { status: 'waiting_for_organization'; organization: string }
  | { status: 'refused'; organization: string }
  | { status: 'problem'; problem: TokenProblem | 'email_taken' };

/**
 * Opens a verification link: the address is proven, so the registration becomes a request. A tax code that
 * an organization already holds makes it a request to join (its administrator decides); a new organization is
 * active at once or waits for the Department, as configured. Opening the link again answers the same.
 */
export async function completeRegistration(token: string, deps: AccountDeps, ip?: string): Promise<RegistrationOutcome> {
  const now = deps.now();
  const read = await readToken(deps.secret, token, 'verify_registration', now);
  const tokenId = token.split('.')[0] ?? '';
  // The request is the link's use: once it exists, the link (even expired) only answers where it stands.
  let request = 'problem' in read && read.problem === 'invalid' ? undefined : await requestById(tokenId);
  if (!request && 'problem' in read) return { status: 'problem', problem: read.problem };
  if (!request && 'record' in read) {
    const data = read.record.data as unknown as { organization: RegisteredOrganization; person: RegisteredPerson; ip?: string };
    if (await emailTaken(data.person.email)) return { status: 'problem', problem: 'email_taken' };
    const holder = await organizationByTaxCode(data.organization.taxCode);
    const ids = newIds();
    request = await recordRequest({
      _id: tokenId,
      kind: holder ? 'join' : 'new_organization',
      organizationId: holder ? new Types.ObjectId(holder.id) : ids.organizationId,
      userId: ids.userId,
      organization: holder ? { name: holder.name, taxCode: data.organization.taxCode } : data.organization,
      person: data.person,
      createdAt: now,
      ip: ip ?? data.ip,
    });
    await recordAudit({ at: now, actor: { kind: 'system', name: 'registration' }, action: 'account.registration_verified', target: { kind: 'account_request', id: request._id, label: data.person.email }, ip });
    if (request.kind === 'join') await tellOrganizationAdmins(request, now);
    else if (deps.registrationApproval === 'admin') {
      await queueAccountMail({ key: `${request._id}:waiting`, template: 'registration_waiting', to: mailTo(request), path: '/', facts: { organization: request.organization.name } }, now);
    }
  }
  if (!request) throw new Error('unreachable: a verified registration has a request');
  const organization = request.organization.name ?? '';
  if (request.kind === 'new_organization' && deps.registrationApproval === 'auto') {
    await decide(SYSTEM_SCHEDULER, request._id, { outcome: 'approved', memberRole: 'org_admin' }, deps);
  }
  const decision = await decisionOf(request._id);
  if (decision?.outcome === 'approved') return { status: 'active', organization };
  if (decision?.outcome === 'refused') return { status: 'refused', organization };
  return { status: request.kind === 'join' ? 'waiting_for_organization' : 'waiting_for_department', organization };
}

const mailTo = (request: AccountRequestRecord) => ({ address: request.person.email, name: request.person.name, locale: request.person.locale, userId: String(request.userId) });

/** Tells an organization's administrators that someone asks to join it (registration or single sign-on). */
export async function tellOrganizationAdmins(request: Pick<AccountRequestRecord, '_id' | 'organizationId' | 'organization' | 'person'>, now: Date): Promise<void> {
  const admins = (await usersOfOrganization(String(request.organizationId))).filter((user) => user.active && user.memberRole === 'org_admin');
  for (const admin of admins) {
    await queueAccountMail(
      {
        key: `${request._id}:join:${admin.id}`,
        template: 'join_request',
        to: { address: admin.email, name: admin.name, locale: admin.locale, userId: admin.id },
        path: '/my/organization#requests',
        facts: { organization: request.organization.name, person: `${request.person.name} (${request.person.email})` },
      },
      now,
    );
  }
}

/**
 * Approves or refuses a request, once. Who may: a DOIT administrator for a new organization, the
 * organization's administrator (or a DOIT administrator) for a person joining. Approval creates the
 * organization and the person with the ids the request holds, so a repeat creates nothing twice.
 */
export async function decide(actor: Actor, requestId: string, input: { outcome: 'approved' | 'refused'; memberRole?: 'org_admin' | 'submitter' | 'preparer'; reason?: string }, deps: AccountDeps): Promise<void> {
  const request = await requestById(requestId);
  if (!request) throw notFound(`Account request ${requestId}`);
  const isDepartmentAdmin = actor.kind === 'user' && actor.role === 'admin';
  const isTheirAdmin = actor.kind === 'user' && actor.memberRole === 'org_admin' && actor.organizationId === String(request.organizationId) && request.kind === 'join';
  if (actor.kind === 'user' && !isDepartmentAdmin && !isTheirAdmin) {
    // Another organization's request looks missing.
    if (actor.organizationId !== String(request.organizationId)) throw notFound(`Account request ${requestId}`);
    throw forbidden('Only the organization administrator decides who joins.');
  }
  if (input.outcome === 'refused' && !input.reason?.trim()) throw validationFailed([field('reason', 'accounts.errors.reasonRequired')]);
  const now = deps.now();
  const by = actor.kind === 'user' ? actor.userId : actor.name;
  const memberRole = input.memberRole ?? (request.kind === 'new_organization' ? 'org_admin' : 'submitter');
  const decision = await decideOnce({ _id: requestId, outcome: input.outcome, ...(input.outcome === 'approved' ? { memberRole } : { reason: input.reason!.trim() }), by, at: now });
  if (decision.outcome === 'approved') await materialize(request, decision.memberRole as 'org_admin' | 'submitter' | 'preparer');
  if (decision.by === by && decision.at.getTime() === now.getTime()) {
    await recordAudit({ at: now, actor, action: `account.request_${decision.outcome}`, target: { kind: 'account_request', id: requestId, label: request.person.email } });
    await queueAccountMail(
      decision.outcome === 'approved'
        ? { key: `${requestId}:ready`, template: 'account_ready', to: mailTo(request), path: '/login', facts: { organization: request.organization.name } }
        : { key: `${requestId}:refused`, template: 'request_refused', to: mailTo(request), path: '/', facts: { organization: request.organization.name, reason: decision.reason } },
      now,
    );
  }
}

/** Creates what an approved request describes; each insert is by its own id, so running it again is harmless. */
async function materialize(request: AccountRequestRecord, memberRole: 'org_admin' | 'submitter' | 'preparer'): Promise<void> {
  const p = request.person;
  if (request.kind === 'new_organization') {
    const o = request.organization as RegisteredOrganization;
    const created = await createRegisteredOrganization({
      id: request.organizationId,
      taxCode: o.taxCode,
      kind: o.kind,
      name: o.name,
      address: [o.address, o.commune, o.province].filter(Boolean).join(', '),
      district: o.commune,
      contact: { name: p.name, email: p.email, ...(o.phone ?? p.phone ? { phone: o.phone ?? p.phone } : {}) },
      ...(o.leadershipGender ? { leadershipGender: o.leadershipGender } : {}),
      ...(o.employeesByGender ? { employeesByGender: o.employeesByGender } : {}),
    });
    if (!created) throw new AppError('conflict', 'Tax code registered meanwhile', { detail: 'Another organization registered this tax code meanwhile; refuse this request and ask the person to join it.' });
  }
  const organization = await organizationSummary(String(request.organizationId));
  const created = await createAccountUser({
    id: request.userId,
    email: p.email,
    name: p.name,
    role: organization?.kind === 'ic_operator' ? 'ic_operator' : 'business',
    organizationId: request.organizationId,
    passwordHash: p.passwordHash,
    locale: p.locale,
    memberRole,
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.position ? { position: p.position } : {}),
    emailVerifiedAt: request.createdAt,
  });
  // The insert answers "already there" for the e-mail's unique key too: the person must be this request's.
  if (!created) throw new AppError('conflict', 'E-mail registered meanwhile', { detail: 'An account with this e-mail address was created meanwhile; refuse this request.' });
}
