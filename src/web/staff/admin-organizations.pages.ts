import type { Response } from 'express';
import { z } from 'zod';
import {
  findIndustrialComplex,
  findOrganization,
  listIndustrialComplexes,
  listOrganizations,
  saveIndustrialComplex,
  saveOrganization,
} from '../../organizations';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { ADMIN_PAGES, checkForm, flashOf, keptValues, serviceErrors, translatorOf, type FieldErrors } from './staff-helpers';
import { parseLocaleNumber } from '../../i18n';

const required = 'admin.errors.required';
const choose = 'admin.errors.choose';
const optionalText = (max: number) => z.string().trim().max(max, 'admin.errors.tooLong').optional();
const blankToUndefined = (v: unknown) => (v === '' || v === undefined ? undefined : v);
/** Accepts the Vietnamese decimal comma (742,5) as well as a point. */
// Read the Vietnamese way first (1.250,5), then the English way (1,250.5); not a number → NaN, which zod refuses.
const decimal = (v: unknown) => {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  return parseLocaleNumber(v, 'vi') ?? parseLocaleNumber(v, 'en') ?? Number.NaN;
};

const organizationSchema = z.object({
  taxCode: z.string().trim().min(1, required),
  kind: z.enum(['enterprise', 'ic_operator'], choose),
  name: z.string().trim().min(1, required).max(300, 'admin.errors.tooLong'),
  nameEn: optionalText(300),
  address: optionalText(500),
  district: optionalText(100),
  sectorVsic: z.preprocess(blankToUndefined, z.string().trim().regex(/^[A-U]?\d{2,5}$/, 'admin.organizations.errors.vsic').optional()),
  size: z.preprocess(blankToUndefined, z.enum(['micro', 'small', 'medium', 'large'], choose).optional()),
  industrialComplexCode: optionalText(30),
  leadershipGender: z.preprocess(blankToUndefined, z.enum(['female', 'male', 'other', 'undisclosed'], choose).optional()),
});

const complexSchema = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{3,30}$/, 'admin.complexes.errors.code'),
  kind: z.enum(['cluster', 'park'], choose),
  name: z.string().trim().min(1, required).max(200, 'admin.errors.tooLong'),
  nameEn: optionalText(200),
  district: z.string().trim().min(1, required).max(100, 'admin.errors.tooLong'),
  areaHa: z.preprocess(decimal, z.number(required).finite('admin.errors.number').min(0, 'admin.errors.notNegative').max(100_000, 'admin.errors.tooLarge')),
  status: z.enum(['planned', 'operating'], choose),
  establishedYear: z.preprocess(decimal, z.number('admin.errors.number').int('admin.errors.year').min(1990, 'admin.errors.year').max(2100, 'admin.errors.year').optional()),
  operatorName: optionalText(200),
  ecoStatus: z.enum(['none', 'pilot', 'candidate', 'certified'], choose).default('none'),
  source: optionalText(300),
  demo: z.preprocess((v) => v === 'yes', z.boolean()),
});

const stringsOf = (record: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object').map(([k, v]) => [k, String(v)]));

async function renderOrganizationForm(res: Response, id: string | undefined, values: Record<string, string>, errors: FieldErrors, status = 200) {
  const complexes = await listIndustrialComplexes();
  res.status(status).render('staff/admin-organization-form', {
    title: translatorOf(res)(id ? 'admin.organizations.editTitle' : 'admin.organizations.newTitle'),
    id,
    values,
    errors,
    complexes: complexes.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` })),
  });
}

function renderComplexForm(res: Response, id: string | undefined, values: Record<string, string>, errors: FieldErrors, status = 200) {
  res.status(status).render('staff/admin-complex-form', { title: translatorOf(res)(id ? 'admin.complexes.editTitle' : 'admin.complexes.newTitle'), id, values, errors });
}

/** Organizations and industrial complexes: list, create and edit with field messages (tax code checked). */
export function adminOrganizationPages(deps: { now: () => Date }): RouteDefinition[] {
  const saveOrg = (existing: boolean): RouteDefinition['handler'] => async (req, res) => {
    const t = translatorOf(res);
    const id = existing ? String(req.params.id) : undefined;
    if (id) await findOrganization(id);
    const values = keptValues(req.body);
    const form = checkForm(organizationSchema, req.body, t);
    if (form.errors) return renderOrganizationForm(res, id, values, form.errors, 400);
    try {
      await saveOrganization(currentActor(req), id, form.data, deps.now());
    } catch (error) {
      const errors = serviceErrors(error, t);
      if (!errors) throw error;
      return renderOrganizationForm(res, id, values, errors, 400);
    }
    res.redirect(303, `/admin/organizations?done=${id ? 'saved' : 'created'}`);
  };
  const saveComplex = (existing: boolean): RouteDefinition['handler'] => async (req, res) => {
    const t = translatorOf(res);
    const id = existing ? String(req.params.id) : undefined;
    if (id) await findIndustrialComplex(id);
    const values = keptValues(req.body);
    const form = checkForm(complexSchema, req.body, t);
    if (form.errors) return renderComplexForm(res, id, values, form.errors, 400);
    try {
      await saveIndustrialComplex(currentActor(req), id, form.data, deps.now());
    } catch (error) {
      const errors = serviceErrors(error, t);
      if (!errors) throw error;
      return renderComplexForm(res, id, values, errors, 400);
    }
    res.redirect(303, `/admin/industrial-complexes?done=${id ? 'saved' : 'created'}`);
  };

  return [
    {
      method: 'get',
      path: '/admin/organizations',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        res.locals.flash = flashOf(t, req.query.done, ['created', 'saved'], 'admin.organizations');
        const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
        res.render('staff/admin-organizations', { title: t('admin.organizations.title'), organizations: await listOrganizations(q), q });
      },
    },
    { method: 'get', path: '/admin/organizations/new', allow: ADMIN_PAGES, handler: (_req, res) => renderOrganizationForm(res, undefined, { kind: 'enterprise' }, {}) },
    {
      method: 'get',
      path: '/admin/organizations/:id/edit',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const organization = await findOrganization(String(req.params.id));
        await renderOrganizationForm(res, String(organization._id), stringsOf(organization as unknown as Record<string, unknown>), {});
      },
    },
    { method: 'post', path: '/admin/organizations', allow: ADMIN_PAGES, handler: saveOrg(false) },
    { method: 'post', path: '/admin/organizations/:id', allow: ADMIN_PAGES, handler: saveOrg(true) },
    {
      method: 'get',
      path: '/admin/industrial-complexes',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        res.locals.flash = flashOf(t, req.query.done, ['created', 'saved'], 'admin.complexes');
        res.render('staff/admin-complexes', { title: t('admin.complexes.title'), complexes: await listIndustrialComplexes() });
      },
    },
    { method: 'get', path: '/admin/industrial-complexes/new', allow: ADMIN_PAGES, handler: (_req, res) => renderComplexForm(res, undefined, { kind: 'cluster', status: 'operating', ecoStatus: 'none' }, {}) },
    {
      method: 'get',
      path: '/admin/industrial-complexes/:id/edit',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const complex = await findIndustrialComplex(String(req.params.id));
        const values = { ...stringsOf(complex as unknown as Record<string, unknown>), ecoStatus: complex.ecoIndustrialPark?.status ?? 'none', demo: complex.demo ? 'yes' : '' };
        renderComplexForm(res, String(complex._id), values, {});
      },
    },
    { method: 'post', path: '/admin/industrial-complexes', allow: ADMIN_PAGES, handler: saveComplex(false) },
    { method: 'post', path: '/admin/industrial-complexes/:id', allow: ADMIN_PAGES, handler: saveComplex(true) },
  ];
}
