import type { Request, Response } from 'express';
import { WORKFLOW_STATES, WORKFLOW_TYPES, type WorkflowType } from '../../../workflows/workflow-types';
import { applicationHeaderSchema, listApplicationsQuerySchema } from '../../applications/application.schemas';
import { createApplication, describeApplication, listApplications, updateApplication } from '../../applications/application.service';
import { DEFAULT_PROCEDURE_CATALOGUE } from '../../applications/procedures';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { routeFields } from '../../http/validate';
import { emptyFormState, formStateOf, parseDossierForm, type FormState } from './dossier-form.parse';
import { FORM_STEPS, fieldsOf, type FieldSpec } from './dossier-form.spec';
import { APPLICANT_PAGES, BUSINESS_FLASHES, serviceFieldErrors, translateMessages, workflowTypeOf } from './page-helpers';
import { flashOf } from '../flash';
import { industrialComplexChoices } from '../../organizations';
import type { Locale } from '../../i18n';

interface FormPage {
  type: WorkflowType;
  state: FormState;
  action: string;
  dossier?: { id: string; code: string; state: string };
  focus?: string;
}

/** The label of each field with a message, for the error summary at the top of the form. */
function labelsFor(type: WorkflowType, names: string[], res: Response): Record<string, string> {
  const t = res.locals.t as (key: string, params?: Record<string, unknown>) => string;
  const locale = res.locals.locale === 'en' ? 'en' : 'vi';
  const labelOf = (spec: FieldSpec) => (spec.label ? spec.label[locale] : t(`business.fields.${spec.name}`));
  const specs = fieldsOf(type);
  return Object.fromEntries(
    names.map((name) => {
      const [head, row, column] = name.split('.');
      const spec = specs.find((s) => s.name === name || s.name === head);
      if (spec?.kind === 'rows') {
        const columnSpec = spec.columns.find((c) => c.name === column);
        return [name, `${t('business.form.line', { n: Number(row) + 1 })} – ${columnSpec ? labelOf(columnSpec) : column}`];
      }
      return [name, spec ? labelOf(spec) : t(`business.fields.${name}`, { defaultValue: name })];
    }),
  );
}

/** The registered parks and clusters to choose from; a code kept from before registration stays selectable. */
async function complexOptions(current: string | undefined): Promise<{ value: string; label: { vi: string; en: string } }[]> {
  const options = (await industrialComplexChoices()).map((c) => ({ value: c.code, label: { vi: `${c.name} (${c.code})`, en: `${c.name} (${c.code})` } }));
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: { vi: current, en: current } });
  return options;
}

async function renderForm(res: Response, page: FormPage, status = 200) {
  const t = res.locals.t as (key: string) => string;
  const errors = translateMessages(res, page.state.errors);
  const complexes = await complexOptions(page.state.values.industrialComplexCode);
  res.status(status).render('business/dossier-form', {
    complexes,
    title: page.dossier ? `${t('business.form.editTitle')} ${page.dossier.code}` : t('business.form.newTitle'),
    type: page.type,
    steps: FORM_STEPS[page.type],
    values: page.state.values,
    rowCounts: page.state.rowCounts,
    errors,
    errorCount: Object.keys(errors).length,
    labels: labelsFor(page.type, Object.keys(errors), res),
    action: page.action,
    dossier: page.dossier,
    focus: page.focus,
  });
}

const localeOf = (res: Response): Locale => (res.locals.locale === 'en' ? 'en' : 'vi');

/** My dossiers, and the application form (new draft, or edit while a draft or under supplementation). */
export function dossierFormPages(deps: { now: () => Date }): RouteDefinition[] {
  async function save(req: Request, res: Response, type: WorkflowType, dossier?: FormPage['dossier']) {
    const actor = currentActor(req);
    const action = dossier ? `/my/dossiers/${dossier.id}/edit` : `/my/dossiers/new/${type}`;
    const form = parseDossierForm(type, (req.body ?? {}) as Record<string, unknown>, applicationHeaderSchema, localeOf(res));
    // "Add a line" shows the form again with one more line and everything typed kept; nothing is saved yet.
    if (form.addRowTo) return renderForm(res, { type, state: form.state, action, dossier, focus: form.focus });
    if (Object.keys(form.state.errors).length) return renderForm(res, { type, state: form.state, action, dossier }, 400);
    try {
      const ic = form.industrialComplexCode || undefined;
      const saved = dossier
        ? await updateApplication(actor, dossier.id, { title: form.title, industrialComplexCode: ic ?? null, data: form.data }, deps.now())
        : await createApplication(actor, { type, title: form.title, industrialComplexCode: ic, data: form.data }, deps.now());
      res.redirect(303, `/my/dossiers/${String(saved._id)}?done=${dossier ? 'saved' : 'created'}`);
    } catch (error) {
      const fieldErrors = serviceFieldErrors(error);
      if (!fieldErrors) throw error;
      await renderForm(res, { type, state: { ...form.state, errors: fieldErrors }, action, dossier }, 400);
    }
  }

  return [
    {
      method: 'get',
      path: '/my/dossiers',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const query = listApplicationsQuerySchema.safeParse({ ...routeFields(req.query), pageSize: 50 });
        const filters = query.success ? query.data : listApplicationsQuerySchema.parse({ pageSize: 50 });
        const list = await listApplications(currentActor(req), filters, deps.now());
        res.render('business/dossiers', {
          title: res.locals.t('business.list.title'),
          list,
          filters,
          types: WORKFLOW_TYPES,
          states: WORKFLOW_STATES,
          pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
        });
      },
    },
    {
      method: 'get',
      path: '/my/dossiers/new',
      allow: APPLICANT_PAGES,
      handler(_req, res) {
        res.render('business/new-type', { title: res.locals.t('business.form.chooseTitle'), procedures: DEFAULT_PROCEDURE_CATALOGUE });
      },
    },
    {
      method: 'get',
      path: '/my/dossiers/new/:type',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const type = workflowTypeOf(req.params.type);
        await renderForm(res, { type, state: emptyFormState(type, localeOf(res)), action: `/my/dossiers/new/${type}` });
      },
    },
    {
      method: 'post',
      path: '/my/dossiers/new/:type',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        await save(req, res, workflowTypeOf(req.params.type));
      },
    },
    {
      method: 'get',
      path: '/my/dossiers/:id/edit',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const dossier = await describeApplication(currentActor(req), String(req.params.id), deps.now());
        if (!dossier.editable) return res.redirect(303, `/my/dossiers/${dossier.id}`);
        const page = { id: dossier.id, code: dossier.code, state: dossier.state };
        const state = formStateOf(dossier.type, { ...dossier, data: dossier.data }, localeOf(res));
        res.locals.flash = flashOf(res.locals.t, req.query.done, BUSINESS_FLASHES, 'business');
        await renderForm(res, { type: dossier.type, state, action: `/my/dossiers/${dossier.id}/edit`, dossier: page });
      },
    },
    {
      method: 'post',
      path: '/my/dossiers/:id/edit',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const dossier = await describeApplication(currentActor(req), String(req.params.id), deps.now());
        await save(req, res, dossier.type, { id: dossier.id, code: dossier.code, state: dossier.state });
      },
    },
  ];
}
