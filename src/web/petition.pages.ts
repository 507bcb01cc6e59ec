import type { Request, Response } from 'express';
import { z } from 'zod';
import { PETITION_STATUSES, PETITION_TOPICS, listConferences } from '../dialogue';
import { changePetition } from '../dialogue/petition-lifecycle';
import { filePetition, listPetitions, loadReadablePetition, petitionHistory, presentPetition } from '../dialogue/petition.service';
import { PETITION_TRANSITIONS, type PetitionAction } from '../dialogue/petition-topics';
import { isAppError } from '../errors';
import { currentActor, type RouteDefinition } from '../http/route-table';
import { APPLICANT_PAGES } from './business/page-helpers';
import { checkForm, EVENT_SENDERS, flashOf, keptValues, serviceErrors, STAFF_PAGES, translatorOf, type FieldErrors } from './staff/staff-helpers';

/**
 * Petitions (kiến nghị) for the business dialogue conference, as pages: applicants file theirs and read the
 * answers; officers and leaders assign, answer and close them. The pages call the same services as the API,
 * so every change goes through the petition's insert-keyed change log and is audited.
 */
const objectId = z.string().regex(/^[0-9a-f]{24}$/i);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const fileForm = z.object({
  topic: z.enum(PETITION_TOPICS, { error: 'petitions.errors.topic' }),
  text: z.string({ error: 'petitions.errors.text' }).trim().min(10, 'petitions.errors.text').max(8000, 'petitions.errors.textLong'),
  conferenceId: optional(objectId),
});
const ACTION_FORMS: Record<PetitionAction, z.ZodType<Record<string, string>>> = {
  assign: z.object({ responsibleUnit: z.string({ error: 'petitions.errors.unit' }).trim().min(2, 'petitions.errors.unit').max(300, 'petitions.errors.unit') }),
  answer: z.object({ response: z.string({ error: 'petitions.errors.response' }).trim().min(10, 'petitions.errors.response').max(8000, 'petitions.errors.textLong') }),
  close: z.object({}),
};
const filterQuery = z.object({
  status: z.enum(PETITION_STATUSES).optional().catch(undefined),
  topic: z.enum(PETITION_TOPICS).optional().catch(undefined),
  conferenceId: objectId.optional().catch(undefined),
});
const FLASHES = ['filed', 'assign', 'answer', 'close'] as const;
const ACTIONS = Object.keys(PETITION_TRANSITIONS) as PetitionAction[];

async function openConferences() {
  return (await listConferences()).items.filter((c) => c.status !== 'closed');
}

interface FormState {
  errors?: FieldErrors;
  values?: Record<string, string>;
  /** Which action form the errors belong to (staff detail page). */
  action?: PetitionAction;
}

async function renderMine(req: Request, res: Response, state: FormState = {}, status = 200) {
  const actor = currentActor(req);
  const [list, conferences] = await Promise.all([listPetitions(actor, { page: 1, pageSize: 200 }), openConferences()]);
  res.status(status).render('petitions/mine', {
    title: translatorOf(res)('petitions.mine.title'),
    petitions: list.items,
    conferences,
    topics: PETITION_TOPICS,
    errors: state.errors ?? {},
    values: state.values ?? {},
  });
}

async function renderDetail(req: Request, res: Response, staff: boolean, state: FormState = {}, status = 200) {
  const actor = currentActor(req);
  const id = String(req.params.id);
  const petition = presentPetition(await loadReadablePetition(actor, id));
  const history = await petitionHistory(actor, id);
  const canAct = staff && actor.kind === 'user' && (EVENT_SENDERS as readonly string[]).includes(actor.role);
  const actions = canAct ? ACTIONS.filter((action) => PETITION_TRANSITIONS[action].from.includes(petition.status)) : [];
  res.status(status).render('petitions/detail', {
    title: `${translatorOf(res)('petitions.detail.title')} ${petition.code}`,
    petition,
    history: history.changes,
    staff,
    actions,
    errors: state.errors ?? {},
    values: state.values ?? {},
    failedAction: state.action,
  });
}

/** One petition: the applicant's view, or the department's with the forms its status allows. */
const detailPage = (path: string, allow: RouteDefinition['allow'], staff: boolean): RouteDefinition => ({
  method: 'get',
  path,
  allow,
  async handler(req, res) {
    res.locals.flash = flashOf(translatorOf(res), req.query.done, FLASHES, 'petitions');
    await renderDetail(req, res, staff);
  },
});

export function petitionPages(deps: { now: () => Date }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/my/petitions',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        res.locals.flash = flashOf(translatorOf(res), req.query.done, FLASHES, 'petitions');
        await renderMine(req, res);
      },
    },
    {
      method: 'post',
      path: '/my/petitions',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        const values = keptValues(req.body);
        const form = checkForm(fileForm, req.body, t);
        if (form.errors) return renderMine(req, res, { errors: form.errors, values }, 400);
        try {
          const filed = await filePetition(currentActor(req), { ...form.data, linkedDossierCodes: [] }, deps.now());
          res.redirect(303, `/my/petitions/${filed.id}?done=filed`);
        } catch (error) {
          if (isAppError(error) && error.code === 'not_found') return renderMine(req, res, { errors: { conferenceId: t('petitions.errors.conference') }, values }, 400);
          const errors = serviceErrors(error, t);
          if (!errors) throw error;
          return renderMine(req, res, { errors, values }, 400);
        }
      },
    },
    detailPage('/my/petitions/:id', APPLICANT_PAGES, false),
    {
      method: 'get',
      path: '/petitions',
      allow: STAFF_PAGES,
      async handler(req, res) {
        const filters = filterQuery.parse(req.query);
        const [list, conferences] = await Promise.all([listPetitions(currentActor(req), { ...filters, page: 1, pageSize: 200 }), listConferences()]);
        res.render('petitions/list', {
          title: translatorOf(res)('petitions.list.title'),
          petitions: list.items,
          total: list.total,
          filters,
          conferences: conferences.items,
          topics: PETITION_TOPICS,
          statuses: PETITION_STATUSES,
        });
      },
    },
    detailPage('/petitions/:id', STAFF_PAGES, true),
    {
      method: 'post',
      path: '/petitions/:id/:action',
      allow: EVENT_SENDERS,
      async handler(req, res) {
        const t = translatorOf(res);
        const action = ACTIONS.find((a) => a === req.params.action);
        if (!action) return res.redirect(303, `/petitions/${String(req.params.id)}`);
        const values = keptValues(req.body);
        const { _csrf: _token, ...fields } = (req.body ?? {}) as Record<string, unknown>;
        const form = checkForm(ACTION_FORMS[action], fields, t);
        if (form.errors) return renderDetail(req, res, true, { errors: form.errors, values, action }, 400);
        try {
          await changePetition(currentActor(req), String(req.params.id), action, form.data, deps.now());
        } catch (error) {
          if (!isAppError(error) || (error.code !== 'invalid_transition' && error.code !== 'conflict')) throw error;
          const message = error.code === 'conflict' ? t('petitions.errors.conflict') : t('petitions.errors.notAllowed');
          return renderDetail(req, res, true, { errors: { form: message }, values, action }, 409);
        }
        res.redirect(303, `/petitions/${String(req.params.id)}?done=${action}`);
      },
    },
  ];
}
