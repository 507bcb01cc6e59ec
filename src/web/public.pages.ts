import type { Response } from 'express';
import { z } from 'zod';
import { DEFAULT_PROCEDURE_CATALOGUE } from '../applications/procedures';
import { publicDossierStatus } from '../applications/dossier-history.service';
import { certificateDirectory, publicRegister, REGISTER_STATUSES, verifyCertificate } from '../certificates';
import { issuedDocumentOf, issuedPdf, signingKeyInUse, uploadedPdf, verificationUpload, verifyUploadedPdf } from '../issued-documents';
import { dossierIdsInComplex, dossierSummary } from '../applications';
import { industrialComplexChoices } from '../organizations';
import { isAppError, notFound } from '../errors';
import type { RouteDefinition } from '../http/route-table';
import { dossierProgress } from './dossier-progress';
import { WORKFLOW_TYPES } from '../../workflows/workflow-types';

const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const REGISTER_PAGE_SIZE = 50;
/** A filter that is not one is ignored (a shared link with a stale type still shows the register). */
const registerFilters = z.object({
  type: z.enum(WORKFLOW_TYPES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(REGISTER_STATUSES).optional().catch(undefined),
  ic: z.string().regex(/^[A-Z0-9-]{3,30}$/).optional().catch(undefined),
});

/**
 * Renders a lookup-by-code page: the found record under `key`, or a field message and 404 when nothing has
 * that code. Other errors propagate.
 */
async function renderLookup(
  res: Response,
  viewName: string,
  view: Record<string, unknown>,
  key: string,
  find: (() => Promise<unknown>) | undefined,
  notFoundKey: string,
): Promise<void> {
  if (find) {
    try {
      view[key] = await find();
    } catch (error) {
      if (!isAppError(error) || error.code !== 'not_found') throw error;
      view.errors = { code: res.locals.t(notFoundKey) };
      res.status(404);
    }
  }
  res.render(viewName, view);
}

/** Pages anyone may open: procedures, dossier status lookup, certificate check and register. */
export function publicPages(deps: { now: () => Date }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/',
      allow: ['public'],
      handler(_req, res) {
        res.render('home', { title: res.locals.t('home.title'), procedures: DEFAULT_PROCEDURE_CATALOGUE });
      },
    },
    {
      method: 'get',
      path: '/lookup',
      allow: ['public'],
      async handler(req, res) {
        const code = typeof req.query.code === 'string' ? req.query.code.trim() : '';
        const view = { title: res.locals.t('lookup.title'), code } as Record<string, unknown>;
        const notFoundKey = /^HP-[A-Z]{2,4}-\d{4}-\d{6}$/i.test(code) ? 'lookup.notFound' : 'lookup.invalid';
        const find = async () => {
          const status = await publicDossierStatus(code);
          // The public sees the steps, not whose turn it is (that message speaks to the applicant).
          view.progress = { ...dossierProgress(status.state), waitingForApplicant: false };
          return status;
        };
        await renderLookup(res, 'lookup', view, 'dossier', code ? find : undefined, notFoundKey);
      },
    },
    {
      method: 'get',
      path: '/certificates/verify',
      allow: ['public'],
      async handler(req, res) {
        const code = typeof req.query.code === 'string' ? req.query.code.trim() : '';
        const view = { title: res.locals.t('certificate.verifyTitle'), code } as Record<string, unknown>;
        const find = async () => {
          const certificate = await verifyCertificate(code, deps.now());
          const record = (await certificateDirectory()).find('code', certificate.verificationCode);
          if (record) {
            view.document = await issuedDocumentOf('certificate', String(record.dossierId));
            // A received dossier is known by its national code from then on.
            view.dossierCode = (await dossierSummary(String(record.dossierId)))?.nationalCode ?? certificate.dossierCode;
          }
          return certificate;
        };
        await renderLookup(res, 'certificate-verify', view, 'certificate', code ? find : undefined, 'certificate.notFound');
      },
    },
    {
      method: 'get',
      path: '/certificates/document',
      allow: ['public'],
      async handler(req, res) {
        const code = typeof req.query.code === 'string' ? req.query.code.trim().toUpperCase().replace(/[\s-]/g, '') : '';
        const record = /^[0-9A-Z]{10}$/.test(code) ? (await certificateDirectory()).find('code', code) : undefined;
        const issued = record ? await issuedPdf('certificate', String(record.dossierId)) : undefined;
        if (!issued) throw notFound('Signed document');
        res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${issued.number.replace(/[^\w.-]+/g, '-')}.pdf"` });
        res.send(issued.pdf);
      },
    },
    {
      method: 'post',
      path: '/certificates/verify/document',
      allow: ['public'],
      before: [verificationUpload],
      async handler(req, res) {
        const view = { title: res.locals.t('certificate.verifyTitle'), code: '' } as Record<string, unknown>;
        try {
          view.upload = await verifyUploadedPdf(uploadedPdf(req), signingKeyInUse(), deps.now());
        } catch (error) {
          if (!isAppError(error) || (error.code !== 'validation_failed' && error.code !== 'unsupported_media_type')) throw error;
          view.errors = { file: res.locals.t(error.code === 'validation_failed' ? 'issuedDocuments.errors.noFile' : 'errors.details.notPdf') };
          res.status(error.code === 'validation_failed' ? 400 : 415);
        }
        res.render('certificate-verify', view);
      },
    },
    {
      method: 'get',
      path: '/certificates',
      allow: ['public'],
      async handler(req, res) {
        const filters = registerFilters.parse({ type: req.query.type, q: req.query.q, status: req.query.status, ic: req.query.ic });
        const dossierIds = filters.ic ? await dossierIdsInComplex(filters.ic) : undefined;
        const register = await publicRegister({ ...filters, dossierIds, page: page.parse(req.query.page), pageSize: REGISTER_PAGE_SIZE }, deps.now());
        const pages = Math.max(1, Math.ceil(register.total / REGISTER_PAGE_SIZE));
        // Paging keeps the search: each link carries the filters.
        const kept = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
        const hrefFor = (n: number) => `/certificates?${new URLSearchParams({ ...kept, page: String(n) }).toString()}`;
        const complexes = await industrialComplexChoices();
        res.render('certificate-register', { title: res.locals.t('certificate.registerTitle'), register, filters, types: WORKFLOW_TYPES, statuses: REGISTER_STATUSES, complexes, pages, hrefFor });
      },
    },
  ];
}
