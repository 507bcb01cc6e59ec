import { issuedDocumentsOf } from '../../issued-documents';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { sendEvent } from '../../applications/send-event';
import type { WorkingCalendar } from '../../calendar';
import { isAppError } from '../../errors';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { dataSummary } from '../business/dossier-data-summary';
import { loadReviewView, refusalReasons } from './dossier-review';
import { layoutWorkflow } from './workflow-layout';
import { workflowOverview } from './workflow-table';
import { EVENT_FIELDS, parseEventForm, STAFF_EVENTS, type StaffEvent } from './event-forms';
import { EVENT_SENDERS, flashOf, keptValues, STAFF_PAGES, translatorOf } from './staff-helpers';

interface Failed {
  event: StaffEvent;
  values: Record<string, string>;
  errors: Record<string, string>;
}

async function renderReview(req: Request, res: Response, deps: { now: () => Date }, extra: { failed?: Failed; refusal?: { event: string; reasons: string[]; conflict?: boolean } } = {}, status = 200) {
  const view = await loadReviewView(currentActor(req), String(req.params.id), deps.now());
  const locale = res.locals.locale === 'en' ? 'en' : 'vi';
  const summary = dataSummary(view.dossier.type, view.dossier.data, res.locals.t, locale);
  const t = translatorOf(res);
  const machine = workflowOverview().find((w) => w.type === view.dossier.type && w.version === view.dossier.workflow.version);
  // The whole process with this dossier's state marked: where it is and what can still happen to it.
  const diagram = machine ? layoutWorkflow(machine.states, machine.transitions, { initial: machine.initial, current: view.dossier.state.split('.')[0], label: (s) => t(`states.${s}`), eventLabel: (e) => (e === '(all regions done)' ? t('admin.workflows.allRegionsDone') : t(`officer.events.${e}`)) }) : undefined;
  // Only a decided dossier has signed results: the others are spared three lookups.
  const signedDocuments = view.dossier.decidedAt ? await issuedDocumentsOf(view.dossier.id) : [];
  res.status(status).render('staff/review', { title: `${view.dossier.code} · ${view.dossier.title}`, ...view, signedDocuments, summary, diagram, eventFields: EVENT_FIELDS, ...extra });
}

const eventTypeSchema = z.object({ type: z.enum(STAFF_EVENTS) });

/** Staff events that cannot be undone: the review page asks for a confirmation first. */
const CONFIRMED_EVENTS: readonly string[] = ['APPROVE', 'REJECT', 'REVOKE', 'REFUSE_INTAKE'];

/** The review page for officers and leaders (admins read it), with a form for each action the machine allows. */
export function officerReviewPages(deps: { now: () => Date; calendar: WorkingCalendar }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/officer/dossiers/:id',
      allow: STAFF_PAGES,
      async handler(req, res) {
        res.locals.flash = flashOf(translatorOf(res), req.query.done, STAFF_EVENTS, 'officer');
        await renderReview(req, res, deps);
      },
    },
    {
      method: 'post',
      path: '/officer/dossiers/:id/events',
      allow: EVENT_SENDERS,
      async handler(req, res) {
        const id = String(req.params.id);
        const actor = currentActor(req);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const typed = eventTypeSchema.safeParse(body);
        if (!typed.success) return res.redirect(303, `/officer/dossiers/${id}`);
        const type = typed.data.type;
        const view = await loadReviewView(actor, id, deps.now());
        const t = translatorOf(res);
        const form = parseEventForm(type, body, { overdue: view.dossier.overdue, agencies: view.agencies, today: view.today }, t);
        if (form.errors) {
          return renderReview(req, res, deps, { failed: { event: type, values: keptValues(body), errors: form.errors } }, 400);
        }
        // A decision, a revocation or a refusal cannot be taken back: say what will happen and ask once more.
        if (CONFIRMED_EVENTS.includes(type) && body.confirmed !== 'yes') {
          return res.render('staff/confirm-event', {
            title: t('officer.confirm.title'),
            dossier: view.dossier,
            event: type,
            values: keptValues(body),
            reasons: Array.isArray(form.payload.reasons) ? form.payload.reasons : [],
            apologyNote: form.payload.apologyNote,
            comment: form.comment,
          });
        }
        try {
          await sendEvent(actor, id, { type, payload: form.payload, comment: form.comment }, { ...deps, log: req.log });
        } catch (error) {
          if (!isAppError(error) || (error.code !== 'invalid_transition' && error.code !== 'conflict')) throw error;
          const conflict = error.code === 'conflict';
          const reasons = conflict ? [t('officer.review.conflict')] : refusalReasons(error.extensions, String(res.locals.locale));
          return renderReview(req, res, deps, { refusal: { event: type, reasons, conflict }, failed: { event: type, values: keptValues(body), errors: {} } }, conflict ? 409 : 422);
        }
        res.redirect(303, `/officer/dossiers/${id}?done=${type}`);
      },
    },
  ];
}
