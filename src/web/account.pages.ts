import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  acceptInvitation,
  changeMember,
  checkResetLink,
  completeRegistration,
  confirmEmailChange,
  finishSignOn,
  startSignOn,
  profileOf,
  updateGenderFacts,
  updateProfile,
  decide,
  invite,
  organizationMembers,
  pendingRequests,
  readInvitation,
  requestPasswordReset,
  resetPassword,
  startRegistration,
  type AccountDeps,
} from '../accounts';
import { MEMBER_ROLES } from '../auth/roles';
import { isAppError } from '../errors';
import { currentActor, SIGNED_IN, type RouteDefinition } from '../http/route-table';
import { actorFromUser, isStaffRole } from '../auth';
import type { OidcConfig } from '../config';
import { getMailPreference, MAIL_DELIVERY_MODES, setMailPreference } from '../notifications';
import { LANGUAGE_COOKIE } from '../i18n';
import { requestLimit } from '../http/rate-limit';
import { checkForm, keptValues, translatorOf, type FieldErrors, type Translate } from './staff/staff-helpers';
import { flashOf } from './flash';

const required = 'accounts.errors.required';
const text = (max: number) => z.string().trim().min(1, required).max(max, 'accounts.errors.tooLong');
const optionalText = (max: number) => z.string().trim().max(max, 'accounts.errors.tooLong').optional();
const count = z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(String(v).replace(/\./g, ''))), z.number().int('accounts.errors.count').min(0, 'accounts.errors.count').max(1_000_000, 'accounts.errors.count').optional());

const registrationSchema = z.object({
  taxCode: text(20),
  organizationName: text(300),
  kind: z.enum(['enterprise', 'ic_operator'], 'accounts.errors.choose'),
  province: text(100),
  commune: text(100),
  address: text(300),
  organizationPhone: optionalText(30),
  name: text(200),
  position: optionalText(120),
  email: z.string().trim().min(1, required).max(254).pipe(z.email('accounts.errors.email')),
  phone: text(30),
  password: z.string().min(1, required).max(200),
  locale: z.enum(['vi', 'en']).catch('vi'),
  leadershipGender: z.enum(['female', 'male', 'other', 'undisclosed']).optional().or(z.literal('').transform(() => undefined)),
  employeesFemale: count,
  employeesMale: count,
});
const emailSchema = z.object({ email: z.string().trim().min(1, required).max(254).pipe(z.email('accounts.errors.email')) });
const passwordSchema = z.object({ password: z.string().min(1, required).max(200) });
const invitationAcceptSchema = z.object({ name: text(200), password: z.string().min(1, required).max(200) });
const inviteSchema = z.object({ email: emailSchema.shape.email, name: text(200), memberRole: z.enum(MEMBER_ROLES, 'accounts.errors.choose'), locale: z.enum(['vi', 'en']).catch('vi') });
const memberSchema = z.object({ memberRole: z.enum(MEMBER_ROLES).optional(), active: z.enum(['yes', 'no']).optional() });
const decisionSchema = z.object({ outcome: z.enum(['approved', 'refused'], 'accounts.errors.choose'), memberRole: z.enum(MEMBER_ROLES).optional(), reason: z.string().trim().max(500).optional() });
const profileSchema = z.object({
  name: text(200),
  email: emailSchema.shape.email,
  phone: optionalText(30),
  position: optionalText(120),
  locale: z.enum(['vi', 'en'], 'accounts.errors.choose'),
  delivery: z.enum(MAIL_DELIVERY_MODES).optional(),
});
const genderSchema = z.object({
  leadershipGender: z.enum(['female', 'male', 'other', 'undisclosed']).optional().or(z.literal('').transform(() => undefined)),
  employeesFemale: count,
  employeesMale: count,
});
const tokenParam = z.string().regex(/^[0-9a-f]{32}\.[\w-]{20,100}$/);

/** Field messages a service threw, in the page's words. */
function serviceFieldErrors(error: unknown, t: Translate): FieldErrors | undefined {
  if (!isAppError(error) || error.code !== 'validation_failed') return undefined;
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field, t(e.messageKey ?? e.message)]));
}

/**
 * Runs a service for a form: its answer, or its field messages for the form (any other error goes on to the error
 * page). One definition of how a service's refusal reaches the fields, for every account form.
 */
async function serviceOutcome<T>(action: () => Promise<T>, t: Translate): Promise<{ value: T; errors?: undefined } | { value?: undefined; errors: FieldErrors }> {
  try {
    return { value: await action() };
  } catch (error) {
    const errors = serviceFieldErrors(error, t);
    if (!errors) throw error;
    return { errors };
  }
}

/** The same for a service whose answer the form does not need. */
const fieldErrorsOf = async (action: () => Promise<unknown>, t: Translate): Promise<FieldErrors | undefined> => (await serviceOutcome(action, t)).errors;

const message = (res: Response, key: string, params: Record<string, unknown> = {}, status = 200, link?: { href: string; label: string }) =>
  res.status(status).render('accounts/message', { title: res.locals.t(`accounts.messages.${key}.title`), body: res.locals.t(`accounts.messages.${key}.body`, params), link });

const tokenProblem = (res: Response, problem: string) => message(res, `link_${problem}`, {}, problem === 'invalid' ? 404 : 410, { href: '/', label: res.locals.t('nav.home') });

/** Registration, e-mail verification, password reset, invitations, the organization's people, the DOIT's queue, single sign-on. */
export function accountPages(deps: AccountDeps & { oidc?: OidcConfig; baseUrl?: string }): RouteDefinition[] {
  // Per address, as sign-in: each of these sends mail or costs a password hash.
  const formLimit = requestLimit(30, 15);
  const ipOf = (req: Request) => req.ip;

  const renderRegister = (res: Response, values: Record<string, string>, errors: FieldErrors, status = 200) =>
    res.status(status).render('accounts/register', { title: res.locals.t('accounts.register.title'), values, errors });

  const callbackUrl = `${deps.baseUrl ?? ''}/login/sso/callback`;
  type SsoSession = { sso?: { state: string; nonce: string; codeVerifier: string } };
  return [
    {
      method: 'get',
      path: '/login/sso',
      allow: ['public'],
      before: [formLimit],
      async handler(req, res) {
        if (!deps.oidc) return message(res, 'ssoOff', {}, 404, { href: '/login', label: res.locals.t('nav.signIn') });
        const start = await startSignOn(deps.oidc, callbackUrl);
        (req.session as unknown as SsoSession).sso = start.check;
        req.session.save(() => res.redirect(303, start.url));
      },
    },
    {
      method: 'get',
      path: '/login/sso/callback',
      allow: ['public'],
      before: [formLimit],
      async handler(req, res) {
        const session = req.session as unknown as SsoSession;
        const check = session.sso;
        delete session.sso;
        if (!deps.oidc || !check) return message(res, 'ssoFailed', {}, 400, { href: '/login', label: res.locals.t('nav.signIn') });
        let outcome;
        try {
          outcome = await finishSignOn(deps.oidc, callbackUrl, req.query as Record<string, unknown>, check, deps.now(), ipOf(req));
        } catch (error) {
          req.log?.warn({ err: error }, 'single sign-on refused');
          return message(res, 'ssoFailed', {}, 400, { href: '/login', label: res.locals.t('nav.signIn') });
        }
        if (outcome.kind === 'signed_in') {
          const actor = actorFromUser({ _id: outcome.user.id, role: outcome.user.role, organizationId: outcome.user.organizationId, name: outcome.user.name, memberRole: outcome.user.memberRole });
          await new Promise<void>((resolve, reject) => req.login(actor, (error) => (error ? reject(error) : resolve())));
          return res.redirect(303, '/dashboard');
        }
        if (outcome.kind === 'join_requested') return message(res, 'registration_waiting_for_organization', { organization: outcome.organization });
        message(res, outcome.kind === 'unverified_email' ? 'ssoUnverified' : 'ssoNoAccount', {}, 403, { href: '/register', label: res.locals.t('login.register') });
      },
    },
    {
      method: 'get',
      path: '/register',
      allow: ['public'],
      handler(req, res) {
        if (req.user) return res.redirect(303, '/dashboard');
        renderRegister(res, { province: 'Hải Phòng', kind: 'enterprise', locale: String(res.locals.locale ?? 'vi') }, {});
      },
    },
    {
      method: 'post',
      path: '/register',
      allow: ['public'],
      before: [formLimit],
      async handler(req, res) {
        const t = translatorOf(res);
        const values = keptValues(req.body);
        const form = checkForm(registrationSchema, req.body, t);
        if (form.errors) return renderRegister(res, values, form.errors, 400);
        const f = form.data;
        const registered = await serviceOutcome(() =>
          startRegistration(
            {
              organization: {
                taxCode: f.taxCode,
                name: f.organizationName,
                kind: f.kind,
                province: f.province,
                commune: f.commune,
                address: f.address,
                ...(f.organizationPhone ? { phone: f.organizationPhone } : {}),
                ...(f.leadershipGender ? { leadershipGender: f.leadershipGender } : {}),
                ...(f.employeesFemale !== undefined || f.employeesMale !== undefined ? { employeesByGender: { female: f.employeesFemale, male: f.employeesMale } } : {}),
              },
              person: { name: f.name, position: f.position, email: f.email, phone: f.phone, locale: f.locale, password: f.password },
            },
            deps,
            ipOf(req),
          ),
          t,
        );
        if (registered.errors) return renderRegister(res, values, registered.errors, 400);
        message(res, 'checkEmail', { email: f.email });
      },
    },
    {
      method: 'get',
      path: '/register/verify/:token',
      allow: ['public'],
      before: [formLimit],
      async handler(req, res) {
        const token = tokenParam.safeParse(req.params.token);
        if (!token.success) return tokenProblem(res, 'invalid');
        const outcome = await completeRegistration(token.data, deps, ipOf(req));
        if (outcome.status === 'problem') return outcome.problem === 'email_taken' ? message(res, 'emailTaken', {}, 409, { href: '/login', label: res.locals.t('nav.signIn') }) : tokenProblem(res, outcome.problem);
        const link = outcome.status === 'active' ? { href: '/login', label: res.locals.t('nav.signIn') } : { href: '/', label: res.locals.t('nav.home') };
        message(res, `registration_${outcome.status}`, { organization: outcome.organization }, 200, link);
      },
    },
    {
      method: 'get',
      path: '/password/forgot',
      allow: ['public'],
      handler(_req, res) {
        res.render('accounts/password-forgot', { title: res.locals.t('accounts.forgot.title'), values: {}, errors: {} });
      },
    },
    {
      method: 'post',
      path: '/password/forgot',
      allow: ['public'],
      before: [formLimit],
      async handler(req, res) {
        const t = translatorOf(res);
        const form = checkForm(emailSchema, req.body, t);
        if (form.errors) return res.status(400).render('accounts/password-forgot', { title: t('accounts.forgot.title'), values: keptValues(req.body), errors: form.errors });
        await requestPasswordReset(form.data.email, deps, ipOf(req));
        // The same answer whether or not the address has an account.
        message(res, 'resetSent', { email: form.data.email });
      },
    },
    {
      method: 'get',
      path: '/password/reset/:token',
      allow: ['public'],
      async handler(req, res) {
        const token = tokenParam.safeParse(req.params.token);
        const problem = token.success ? await checkResetLink(token.data, deps) : 'invalid';
        if (problem) return tokenProblem(res, problem);
        res.render('accounts/password-reset', { title: res.locals.t('accounts.reset.title'), errors: {} });
      },
    },
    {
      method: 'post',
      path: '/password/reset/:token',
      allow: ['public'],
      before: [formLimit],
      async handler(req, res) {
        const t = translatorOf(res);
        const token = tokenParam.safeParse(req.params.token);
        if (!token.success) return tokenProblem(res, 'invalid');
        const form = checkForm(passwordSchema, req.body, t);
        if (form.errors) return res.status(400).render('accounts/password-reset', { title: t('accounts.reset.title'), errors: form.errors });
        const reset = await serviceOutcome(() => resetPassword(token.data, form.data.password, deps, ipOf(req)), t);
        if (reset.errors) return res.status(400).render('accounts/password-reset', { title: t('accounts.reset.title'), errors: reset.errors });
        if (reset.value.problem) return tokenProblem(res, reset.value.problem);
        res.redirect(303, '/login?done=password');
      },
    },
    {
      method: 'get',
      path: '/invitation/:token',
      allow: ['public'],
      async handler(req, res) {
        const token = tokenParam.safeParse(req.params.token);
        const invitation = token.success ? await readInvitation(token.data, deps) : { problem: 'invalid' as const };
        if ('problem' in invitation) return tokenProblem(res, invitation.problem);
        res.render('accounts/invitation', { title: res.locals.t('accounts.invitation.title'), invitation, values: { name: invitation.name }, errors: {} });
      },
    },
    {
      method: 'post',
      path: '/invitation/:token',
      allow: ['public'],
      before: [formLimit],
      async handler(req, res) {
        const t = translatorOf(res);
        const token = tokenParam.safeParse(req.params.token);
        const invitation = token.success ? await readInvitation(token.data, deps) : { problem: 'invalid' as const };
        if ('problem' in invitation) return tokenProblem(res, invitation.problem);
        const again = (errors: FieldErrors) => res.status(400).render('accounts/invitation', { title: t('accounts.invitation.title'), invitation, values: keptValues(req.body), errors });
        const form = checkForm(invitationAcceptSchema, req.body, t);
        if (form.errors) return again(form.errors);
        const accepted = await serviceOutcome(() => acceptInvitation(token.data!, form.data, deps, ipOf(req)), t);
        if (accepted.errors) return again(accepted.errors);
        const { problem } = accepted.value;
        if (problem === 'email_taken') return message(res, 'emailTaken', {}, 409, { href: '/login', label: t('nav.signIn') });
        if (problem) return tokenProblem(res, problem);
        res.redirect(303, '/login?done=invited');
      },
    },
    {
      method: 'get',
      path: '/my/organization',
      allow: ['org_admin'],
      async handler(req, res) {
        res.locals.flash = flashOf(res.locals.t, req.query.done, ['invited', 'member', 'decided'], 'accounts.organization');
        await renderOrganization(req, res, {});
      },
    },
    {
      method: 'post',
      path: '/my/organization/invitations',
      allow: ['org_admin'],
      before: [formLimit],
      handler: organizationForm(inviteSchema, (req, data) => invite(currentActor(req), data, deps, ipOf(req)), 'invited', (req) => ({ values: keptValues(req.body) })),
    },
    {
      method: 'post',
      path: '/my/organization/members/:id',
      allow: ['org_admin'],
      handler: organizationForm(memberSchema, (req, data) => changeMember(currentActor(req), String(req.params.id), { memberRole: data.memberRole, ...(data.active ? { active: data.active === 'yes' } : {}) }, deps.now()), 'member'),
    },
    {
      method: 'post',
      path: '/my/organization/requests/:id',
      allow: ['org_admin'],
      handler: organizationForm(decisionSchema, (req, data) => decide(currentActor(req), String(req.params.id), data, deps), 'decided', (req) => ({ requestId: String(req.params.id) })),
    },
    {
      method: 'get',
      path: '/my/profile',
      allow: SIGNED_IN,
      async handler(req, res) {
        res.locals.flash = flashOf(res.locals.t, req.query.done, ['saved', 'emailSent', 'emailChanged', 'gender'], 'accounts.profile');
        await renderProfile(req, res, {});
      },
    },
    {
      method: 'post',
      path: '/my/profile',
      allow: SIGNED_IN,
      before: [formLimit],
      async handler(req, res) {
        const t = translatorOf(res);
        const actor = currentActor(req);
        const form = checkForm(profileSchema, req.body, t);
        if (form.errors) return renderProfile(req, res, { values: keptValues(req.body), errors: form.errors }, 400);
        const { delivery, ...details } = form.data;
        const updated = await serviceOutcome(() => updateProfile(actor, details, deps, ipOf(req)), t);
        if (updated.errors) return renderProfile(req, res, { values: keptValues(req.body), errors: updated.errors }, 400);
        const outcome = updated.value;
        // Staff choose how dossier notices reach them (one by one, or a daily digest).
        if (delivery && actor.kind === 'user' && isStaffRole(actor.role)) await setMailPreference(actor.userId, delivery, deps.now());
        res.cookie(LANGUAGE_COOKIE, details.locale, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400_000 });
        res.redirect(303, `/my/profile?done=${outcome.emailConfirmationSent ? 'emailSent' : 'saved'}`);
      },
    },
    {
      method: 'post',
      path: '/my/organization/gender',
      allow: ['org_admin'],
      async handler(req, res) {
        const t = translatorOf(res);
        const form = checkForm(genderSchema, req.body, t);
        if (form.errors) return renderProfile(req, res, { genderValues: keptValues(req.body), errors: form.errors }, 400);
        await updateGenderFacts(currentActor(req), form.data, deps.now(), ipOf(req));
        res.redirect(303, '/my/profile?done=gender');
      },
    },
    {
      method: 'get',
      path: '/my/profile/verify-email/:token',
      allow: ['public'],
      before: [formLimit],
      async handler(req, res) {
        const token = tokenParam.safeParse(req.params.token);
        if (!token.success) return tokenProblem(res, 'invalid');
        const { problem } = await confirmEmailChange(token.data, deps, ipOf(req));
        if (problem === 'email_taken') return message(res, 'emailTaken', {}, 409, { href: '/my/profile', label: res.locals.t('accounts.profile.title') });
        if (problem) return tokenProblem(res, problem);
        message(res, 'emailChanged', {}, 200, { href: req.user ? '/my/profile' : '/login', label: req.user ? res.locals.t('accounts.profile.title') : res.locals.t('nav.signIn') });
      },
    },
    {
      method: 'get',
      path: '/admin/account-requests',
      allow: ['admin'],
      async handler(req, res) {
        res.locals.flash = flashOf(res.locals.t, req.query.done, ['decided'], 'accounts.adminRequests');
        await renderAdminRequests(res, {});
      },
    },
    {
      method: 'post',
      path: '/admin/account-requests/:id',
      allow: ['admin'],
      async handler(req, res) {
        const t = translatorOf(res);
        const form = checkForm(decisionSchema, req.body, t);
        if (form.errors) return renderAdminRequests(res, { errors: form.errors, requestId: String(req.params.id) }, 400);
        const errors = await fieldErrorsOf(() => decide(currentActor(req), String(req.params.id), { ...form.data, memberRole: 'org_admin' }, deps), t);
        if (errors) return renderAdminRequests(res, { errors, requestId: String(req.params.id) }, 400);
        res.redirect(303, '/admin/account-requests?done=decided');
      },
    },
  ];
}

/**
 * A form of the organization's administrator: its fields checked, then the service run; either refusal comes back
 * on the organization page (with what `keep` keeps of the form), success to the page with its `done` message.
 */
function organizationForm<S extends z.ZodType>(schema: S, run: (req: Request, data: z.output<S>) => Promise<unknown>, done: string, keep: (req: Request) => { values?: Record<string, string>; requestId?: string } = () => ({})) {
  return async (req: Request, res: Response) => {
    const t = translatorOf(res);
    const form = checkForm(schema, req.body, t);
    const errors = form.errors ?? (await fieldErrorsOf(() => run(req, form.data as z.output<S>), t));
    if (errors) return renderOrganization(req, res, { ...keep(req), errors }, 400);
    res.redirect(303, `/my/organization?done=${done}`);
  };
}

async function renderOrganization(req: Request, res: Response, extra: { values?: Record<string, string>; errors?: FieldErrors; requestId?: string }, status = 200) {
  const view = await organizationMembers(currentActor(req));
  const actor = currentActor(req);
  res.status(status).render('accounts/organization', {
    title: res.locals.t('accounts.organization.title'),
    ...view,
    memberRoles: MEMBER_ROLES,
    me: actor.kind === 'user' ? actor.userId : '',
    values: extra.values ?? { memberRole: 'submitter' },
    errors: extra.errors ?? {},
    requestId: extra.requestId,
  });
}

async function renderProfile(req: Request, res: Response, extra: { values?: Record<string, string>; genderValues?: Record<string, string>; errors?: FieldErrors }, status = 200) {
  const actor = currentActor(req);
  const { user, organization, gender } = await profileOf(actor);
  const genderValues =
    extra.genderValues ??
    (gender ? { leadershipGender: gender.leadershipGender ?? '', employeesFemale: gender.employeesByGender?.female?.toString() ?? '', employeesMale: gender.employeesByGender?.male?.toString() ?? '' } : undefined);
  const staff = actor.kind === 'user' && isStaffRole(actor.role);
  const delivery = staff ? await getMailPreference(user.id) : undefined;
  const values = extra.values ?? { name: user.name, email: user.email, phone: user.phone ?? '', position: user.position ?? '', locale: user.locale, ...(delivery ? { delivery } : {}) };
  res.status(status).render('accounts/profile', { title: res.locals.t('accounts.profile.title'), user, organization, staff, deliveryModes: MAIL_DELIVERY_MODES, values, genderValues, errors: extra.errors ?? {} });
}

async function renderAdminRequests(res: Response, extra: { errors?: FieldErrors; requestId?: string }, status = 200) {
  res.status(status).render('accounts/admin-requests', { title: res.locals.t('accounts.adminRequests.title'), requests: await pendingRequests({ kind: 'new_organization' }), errors: extra.errors ?? {}, requestId: extra.requestId });
}
