import { issuedDocumentsOf } from '../../issued-documents';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { sendEvent } from '../../applications/send-event';
import { rateService } from '../../applications/service-rating';
import type { WorkingCalendar } from '../../calendar';
import { removeDocumentVersion, uploadFromRequest, uploadMiddleware, type UploadSettings } from '../../documents';
import { isAppError } from '../../errors';
import { STATUS_BY_CODE } from '../../http/problem-details';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { parseBody } from '../../http/validate';
import { dataSummary } from './dossier-data-summary';
import { dossierProgress } from '../dossier-progress';
import { APPLICANT_EVENTS, loadDossierView, reasonsOf } from './dossier-view';
import { APPLICANT_PAGES, BUSINESS_FLASHES } from './page-helpers';
import { flashOf } from '../flash';
import { uploadRefusalOf, uploadRefusalQuery } from './upload-refusal';

const ratingFormSchema = z.strictObject({ score: z.string().regex(/^[1-5]$/).optional(), comment: z.string().max(1000).optional() });

// Strict: the page draws these names only, so any other comes from a crafted request and is refused by name.
const eventFormSchema = z.strictObject({
  type: z.enum(APPLICANT_EVENTS),
  reason: z.string().trim().max(2000).optional(),
  confirmed: z.literal('yes').optional(),
  // The applicant's declaration (Decree 118 versions): the dossier and its documents are true and complete.
  declaration: z.literal('yes').optional(),
});

async function renderDossier(req: Request, res: Response, deps: { now: () => Date }, extra: Record<string, unknown> = {}, status = 200) {
  const view = await loadDossierView(currentActor(req), String(req.params.id), deps.now());
  const locale = res.locals.locale === 'en' ? 'en' : 'vi';
  const summary = dataSummary(view.dossier.type, view.dossier.data, res.locals.t, locale);
  // History is newest first: the entry that withdrew the dossier says where it stood.
  const withdrawnFrom = view.history.entries.find((entry) => entry.to === 'withdrawn')?.from as string | undefined;
  const progress = dossierProgress(view.dossier.state, withdrawnFrom);
  // Only a decided dossier has signed results: the others are spared three lookups.
  const signedDocuments = view.dossier.decidedAt ? await issuedDocumentsOf(view.dossier.id) : [];
  res.status(status).render('business/dossier', { title: `${view.dossier.code} · ${view.dossier.title}`, ...view, signedDocuments, summary, progress, ...extra });
}

/** The applicant's dossier page and the events it may send (submit, resubmit, withdraw after confirming). */
export function dossierPages(deps: { now: () => Date; calendar: WorkingCalendar; uploads: UploadSettings }): RouteDefinition[] {
  return [
    {
      method: 'post',
      path: '/my/dossiers/:id/documents',
      allow: APPLICANT_PAGES,
      before: uploadMiddleware(deps.uploads),
      async handler(req, res) {
        const page = `/my/dossiers/${String(req.params.id)}`;
        try {
          await uploadFromRequest(req, deps.uploads, deps.now());
        } catch (error) {
          // Back to the page either way (the form's token never stays in the address bar); the refusal's stable
          // reason and the document it concerns travel in the address, and the page says it beside that file.
          if (!isAppError(error) || STATUS_BY_CODE[error.code] >= 500) throw error;
          return res.redirect(303, `${page}?${uploadRefusalQuery(error.extensions)}#documents`);
        }
        res.redirect(303, `${page}?done=uploaded#documents`);
      },
    },
    {
      method: 'post',
      path: '/my/dossiers/:id/documents/:documentId/remove',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const page = `/my/dossiers/${String(req.params.id)}`;
        try {
          await removeDocumentVersion(currentActor(req), { dossierId: String(req.params.id), documentId: String(req.params.documentId) }, deps.now());
        } catch (error) {
          if (!isAppError(error) || error.code !== 'conflict') throw error;
          return res.redirect(303, `${page}?${uploadRefusalQuery({ reason: error.extensions.reason === 'not_removable' ? 'not_removable' : 'dossier_not_editable' })}#documents`);
        }
        res.redirect(303, `${page}?done=removed#documents`);
      },
    },
    {
      method: 'get',
      path: '/my/dossiers/:id',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        res.locals.flash = flashOf(res.locals.t, req.query.done, BUSINESS_FLASHES, 'business');
        await renderDossier(req, res, deps, { uploadError: uploadRefusalOf(req.query, res.locals.t, deps.uploads) });
      },
    },
    {
      method: 'post',
      path: '/my/dossiers/:id/rating',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const id = String(req.params.id);
        const form = parseBody(req, ratingFormSchema);
        try {
          await rateService(currentActor(req), id, { score: Number(form.score), comment: form.comment }, deps.now());
        } catch (error) {
          if (!isAppError(error) || (error.code !== 'validation_failed' && error.code !== 'conflict')) throw error;
          return renderDossier(req, res, deps, { ratingError: res.locals.t(error.code === 'conflict' ? 'business.rating.errors.already' : 'business.rating.errors.score') }, error.code === 'conflict' ? 409 : 400);
        }
        res.redirect(303, `/my/dossiers/${id}?done=rated#rating`);
      },
    },
    {
      method: 'get',
      path: '/my/dossiers/:id/withdraw',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const view = await loadDossierView(currentActor(req), String(req.params.id), deps.now());
        if (!view.actions.includes('WITHDRAW')) return res.redirect(303, `/my/dossiers/${view.dossier.id}`);
        res.render('business/withdraw', { title: res.locals.t('business.withdraw.title'), dossier: view.dossier });
      },
    },
    {
      method: 'post',
      path: '/my/dossiers/:id/events',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const id = String(req.params.id);
        const form = parseBody(req, eventFormSchema);
        // Withdrawing cannot be undone: without the confirmation page's answer, ask first.
        if (form.type === 'WITHDRAW' && form.confirmed !== 'yes') return res.redirect(303, `/my/dossiers/${id}/withdraw`);
        const payload = form.type === 'WITHDRAW' ? (form.reason ? { reason: form.reason } : undefined) : form.declaration === 'yes' ? { declaration: true } : undefined;
        if (form.type !== 'WITHDRAW' && form.declaration !== 'yes') {
          // The declaration is a field of this form: say so beside its checkbox, before asking the machine.
          const view = await loadDossierView(currentActor(req), id, deps.now());
          if (view.declarationRequired) return renderDossier(req, res, deps, { declarationError: res.locals.t('business.errors.declaration') }, 422);
        }
        try {
          await sendEvent(currentActor(req), id, { type: form.type, payload }, { ...deps, log: req.log });
        } catch (error) {
          if (!isAppError(error) || (error.code !== 'invalid_transition' && error.code !== 'conflict')) throw error;
          const refusal = {
            event: form.type,
            reasons: error.code === 'invalid_transition' ? reasonsOf(error.extensions, String(res.locals.locale)) : [res.locals.t('business.refused.conflict')],
          };
          return renderDossier(req, res, deps, { refusal }, error.code === 'conflict' ? 409 : 422);
        }
        res.redirect(303, `/my/dossiers/${id}?done=${form.type}`);
      },
    },
  ];
}
