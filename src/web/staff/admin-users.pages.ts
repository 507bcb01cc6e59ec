import type { Request, Response } from 'express';
import { z } from 'zod';
import { changeMemberRole, changeRole, createUser, listUsers, MEMBER_ROLES, ROLES, setActive, userRow, type UserRow } from '../../auth';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { organizationChoices } from '../../organizations';
import { ADMIN_PAGES, checkForm, flashOf, isConfirmed, keptValues, renderConfirmation, serviceErrors, translatorOf, type FieldErrors, type Translate } from './staff-helpers';

const required = 'admin.errors.required';
const newUserSchema = z.object({
  email: z.string().trim().min(1, required).max(254).pipe(z.email('admin.users.errors.email')),
  name: z.string().trim().min(1, required).max(200),
  role: z.enum(ROLES, 'admin.errors.choose'),
  organizationId: z.string().trim().optional(),
  locale: z.enum(['vi', 'en']).catch('vi'),
  password: z.string().min(1, required).max(200),
});
const memberRoleSchema = z.object({ memberRole: z.enum(MEMBER_ROLES, 'admin.errors.choose') });
const roleSchema = z.object({ role: z.enum(ROLES, 'admin.errors.choose'), confirmed: z.literal('yes').optional() });
const FLASHES = ['created', 'role', 'deactivated', 'reactivated'];

async function renderNewUser(res: Response, values: Record<string, string>, errors: FieldErrors, status = 200) {
  const organizations = await organizationChoices();
  res.status(status).render('staff/admin-user-new', {
    title: translatorOf(res)('admin.users.newTitle'),
    roles: ROLES,
    organizations,
    values,
    errors,
  });
}

async function renderUsers(req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) {
  const role = ROLES.find((r) => r === req.query.role);
  const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
  const users = await listUsers({ role, q });
  const actor = currentActor(req);
  res.status(status).render('staff/admin-users', { title: translatorOf(res)('admin.users.title'), users, roles: ROLES, memberRoles: MEMBER_ROLES, role, q, me: actor.kind === 'user' ? actor.userId : '', ...extra });
}

/** Who the account is, on the confirmation pages. */
function accountFacts(user: UserRow, t: Translate) {
  return [
    { label: t('admin.users.name'), value: user.name },
    { label: t('admin.users.email'), value: user.email },
    { label: t('admin.users.role'), value: t(`admin.roles.${user.role}`) },
    ...(user.organizationName ? [{ label: t('admin.users.organization'), value: user.organizationName }] : []),
  ];
}

/** Users and roles: list, create (with the sign-in password policy), change role, deactivate. All audited. */
/** A service's refusal of a user-row action, shown beside that row; answers false for any other error. */
async function refusalOnRow(req: Request, res: Response, t: Translate, error: unknown): Promise<boolean> {
  const errors = serviceErrors(error, t);
  if (!errors) return false;
  await renderUsers(req, res, { rowError: { id: String(req.params.id), message: Object.values(errors)[0] } }, 400);
  return true;
}

/** Runs a user-row action; answers true when it was refused (the refusal is already on the page). */
async function refusedOnRow(req: Request, res: Response, t: Translate, action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return false;
  } catch (error) {
    if (await refusalOnRow(req, res, t, error)) return true;
    throw error;
  }
}

export function adminUserPages(deps: { now: () => Date }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/admin',
      allow: ADMIN_PAGES,
      handler(_req, res) {
        res.render('staff/admin-home', { title: translatorOf(res)('admin.home.title') });
      },
    },
    {
      method: 'get',
      path: '/admin/users',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        res.locals.flash = flashOf(translatorOf(res), req.query.done, FLASHES, 'admin.users');
        await renderUsers(req, res);
      },
    },
    {
      method: 'get',
      path: '/admin/users/new',
      allow: ADMIN_PAGES,
      async handler(_req, res) {
        await renderNewUser(res, { locale: 'vi' }, {});
      },
    },
    {
      method: 'post',
      path: '/admin/users',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        const values = keptValues(req.body);
        const form = checkForm(newUserSchema, req.body, t);
        if (form.errors) return renderNewUser(res, values, form.errors, 400);
        try {
          await createUser(currentActor(req), { ...form.data, organizationId: form.data.organizationId || undefined }, deps.now());
        } catch (error) {
          const errors = serviceErrors(error, t);
          if (!errors) throw error;
          return renderNewUser(res, values, errors, 400);
        }
        res.redirect(303, '/admin/users?done=created');
      },
    },
    {
      method: 'post',
      path: '/admin/users/:id/role',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        const form = checkForm(roleSchema, req.body, t);
        try {
          if (form.errors) return await renderUsers(req, res, { rowError: { id: String(req.params.id), message: form.errors.role } }, 400);
          // A role decides what a person may see and do (an administrator may do everything): ask once more.
          if (!isConfirmed(req.body)) {
            const user = await userRow(String(req.params.id));
            if (user.role === form.data.role) return res.redirect(303, '/admin/users');
            return renderConfirmation(res, {
              title: t('admin.users.confirmRole.title'),
              question: t('admin.users.confirmRole.question', { name: user.name, email: user.email, from: t(`admin.roles.${user.role}`), to: t(`admin.roles.${form.data.role}`) }),
              warning: form.data.role === 'admin' ? t('admin.users.confirmRole.adminWarning') : undefined,
              facts: accountFacts(user, t),
              action: `/admin/users/${user.id}/role`,
              values: { role: form.data.role },
              submitLabel: t('admin.users.confirmRole.submit', { to: t(`admin.roles.${form.data.role}`) }),
              back: { href: '/admin/users', label: t('admin.users.title') },
              danger: form.data.role === 'admin',
            });
          }
          await changeRole(currentActor(req), String(req.params.id), form.data.role, deps.now());
        } catch (error) {
          if (await refusalOnRow(req, res, t, error)) return;
          throw error;
        }
        res.redirect(303, '/admin/users?done=role');
      },
    },
    {
      method: 'post',
      path: '/admin/users/:id/member-role',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        const form = checkForm(memberRoleSchema, req.body, t);
        if (form.errors) return renderUsers(req, res, { rowError: { id: String(req.params.id), message: form.errors.memberRole } }, 400);
        if (await refusedOnRow(req, res, t, () => changeMemberRole(currentActor(req), String(req.params.id), form.data.memberRole, deps.now()))) return;
        res.redirect(303, '/admin/users?done=role');
      },
    },
    {
      method: 'post',
      path: '/admin/users/:id/active',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const active = (req.body as { active?: string } | undefined)?.active === 'yes';
        const t = translatorOf(res);
        // Locking ends the person's access at once: say so and ask once more (unlocking needs no second look).
        if (!active && !isConfirmed(req.body)) {
          const user = await userRow(String(req.params.id));
          if (!user.active) return res.redirect(303, '/admin/users');
          return renderConfirmation(res, {
            title: t('admin.users.confirmLock.title'),
            question: t('admin.users.confirmLock.question', { name: user.name, email: user.email }),
            warning: t('admin.users.confirmLock.warning'),
            facts: accountFacts(user, t),
            action: `/admin/users/${user.id}/active`,
            values: { active: 'no' },
            submitLabel: t('admin.users.confirmLock.submit'),
            back: { href: '/admin/users', label: t('admin.users.title') },
            danger: true,
          });
        }
        if (await refusedOnRow(req, res, t, () => setActive(currentActor(req), String(req.params.id), active, deps.now()))) return;
        res.redirect(303, `/admin/users?done=${active ? 'reactivated' : 'deactivated'}`);
      },
    },
  ];
}
