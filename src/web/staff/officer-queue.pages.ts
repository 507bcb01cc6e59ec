import type { Request, Response } from 'express';
import { z } from 'zod';
import { WORKFLOW_STATES, WORKFLOW_TYPES } from '../../../workflows/workflow-types';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { refuseUndrawnFields } from '../../http/validate';
import { industrialComplexChoices } from '../../organizations';
import { flashOf, safeReturn, serviceErrors, STAFF_PAGES, startOfLocalDay, translatorOf } from './staff-helpers';
import { assignDossier, workQueue } from '../../applications';
import { assignableOfficers, isDepartmentStaff, DEPARTMENT_ROLES } from '../../auth';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Filters arrive in the query string; a wrong one is ignored (shown as "all") rather than failing the page. */
const filtersSchema = z.object({
  type: optional(z.enum(WORKFLOW_TYPES)).catch(undefined),
  state: optional(z.enum(WORKFLOW_STATES)).catch(undefined),
  ic: optional(z.string().trim().max(40).regex(/^[A-Za-z0-9-]+$/)).catch(undefined),
  dueBefore: optional(z.iso.date()).catch(undefined),
  assignee: optional(z.enum(['me', 'none'])).catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

const assignSchema = z.object({
  dossierId: z.string().regex(/^[0-9a-f]{24}$/),
  assignee: z.string().trim().max(40).default(''),
  returnTo: z.string().optional(),
});

async function renderQueue(req: Request, res: Response, deps: { now: () => Date }, extra: Record<string, unknown> = {}, status = 200) {
  const actor = currentActor(req);
  const filters = filtersSchema.parse(req.query);
  // "Due by" a day means before the next local day starts.
  const dueBefore = filters.dueBefore ? new Date(startOfLocalDay(filters.dueBefore).getTime() + 86_400_000) : undefined;
  const [queue, officers, complexes] = await Promise.all([
    workQueue(actor, { ...filters, dueBefore }, deps.now()),
    assignableOfficers(),
    industrialComplexChoices(),
  ]);
  const query = new URLSearchParams(Object.entries(filters).filter(([k, v]) => k !== 'page' && v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
  res.status(status).render('staff/queue', {
    title: translatorOf(res)('officer.queue.title'),
    queue,
    filters,
    query: query.toString(),
    here: req.originalUrl,
    officers,
    complexes,
    types: WORKFLOW_TYPES,
    states: WORKFLOW_STATES,
    me: actor.kind === 'user' ? actor.userId : undefined,
    canAssign: isDepartmentStaff(actor),
    ...extra,
  });
}

/** The work queue: overdue first, then soonest due; filters by type, state, IC, due date and assignee. */
export function officerQueuePages(deps: { now: () => Date }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/officer/queue',
      allow: STAFF_PAGES,
      async handler(req, res) {
        res.locals.flash = flashOf(translatorOf(res), req.query.done, ['assigned', 'unassigned'], 'officer');
        await renderQueue(req, res, deps);
      },
    },
    {
      method: 'post',
      path: '/officer/queue/assign',
      allow: DEPARTMENT_ROLES,
      async handler(req, res) {
        const actor = currentActor(req);
        refuseUndrawnFields(req.body, Object.keys(assignSchema.shape), translatorOf(res));
        const form = assignSchema.safeParse(req.body ?? {});
        const returnTo = safeReturn(form.data?.returnTo, '/officer/queue');
        if (!form.success) return res.redirect(303, returnTo);
        const assignee = form.data.assignee === 'me' && actor.kind === 'user' ? actor.userId : form.data.assignee || undefined;
        try {
          await assignDossier(actor, form.data.dossierId, assignee, deps.now());
        } catch (error) {
          const errors = serviceErrors(error, translatorOf(res));
          if (!errors) throw error;
          return renderQueue(req, res, deps, { assignError: { dossierId: form.data.dossierId, message: errors.assignee } }, 400);
        }
        const clean = returnTo.replace(/([?&])done=\w+&?/, '$1').replace(/[?&]$/, '');
        res.redirect(303, `${clean}${clean.includes('?') ? '&' : '?'}done=${assignee ? 'assigned' : 'unassigned'}`);
      },
    },
  ];
}
