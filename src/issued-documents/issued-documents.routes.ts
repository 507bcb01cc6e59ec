import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { loadReadableDossier } from '../applications';
import { AppError, notFound, validationFailed } from '../errors';
import { currentActor, SIGNED_IN, type RouteDefinition } from '../http/route-table';
import { issuedPdf, signingKeyInUse, verifyUploadedPdf } from './issued-documents.service';

/** A signed result is tens of kilobytes; anything near this limit is not one of ours. */
const MAX_VERIFIED_BYTES = 10 * 1024 * 1024;
const KINDS = ['certificate', 'refusal', 'revocation'] as const;

/** The one uploaded file of a verification, in memory (it is read, hashed and dropped, never stored). */
export const verificationUpload: RequestHandler = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_VERIFIED_BYTES, files: 1 } }).single('file');

/** The uploaded bytes, or a problem: no file (400), not a PDF by its first bytes (415). */
export function uploadedPdf(req: Request): Buffer {
  const file = (req as Request & { file?: Express.Multer.File }).file;
  if (!file || file.size === 0) throw validationFailed([{ field: 'file', message: 'Choose the PDF file to check.', messageKey: 'issuedDocuments.errors.noFile' }]);
  if (!file.buffer.subarray(0, 1024).includes('%PDF-')) {
    throw new AppError('unsupported_media_type', 'Unsupported media type', { detail: 'Only PDF documents issued by the Department can be checked.', detailKey: 'notPdf' });
  }
  return file.buffer;
}

export function issuedDocumentRoutes(deps: { now: () => Date }): RouteDefinition[] {
  return [
    {
      method: 'post',
      // Limited per address with the other public lookups (PUBLIC_LOOKUP_PATHS).
      path: '/api/v1/public/documents/verify',
      allow: ['public'],
      before: [verificationUpload],
      docs: { summary: 'Checks an uploaded PDF (multipart field "file"): issued by the Department and unaltered, with its certificate\'s status today; or altered; or not ours', tag: 'certificates' },
      async handler(req, res) {
        res.json(await verifyUploadedPdf(uploadedPdf(req), signingKeyInUse(), deps.now()));
      },
    },
    {
      method: 'get',
      path: '/api/v1/applications/:id/result-document',
      allow: SIGNED_IN,
      docs: { summary: 'The signed result document of a dossier as issued (?kind=certificate, refusal or revocation), as PDF', tag: 'applications' },
      async handler(req, res) {
        const kind = z.enum(KINDS).catch('certificate').parse(req.query.kind);
        const dossier = await loadReadableDossier(currentActor(req), String(req.params.id));
        const issued = await issuedPdf(kind, String(dossier._id));
        if (!issued) throw notFound('Signed document');
        res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${issued.number.replace(/[^\w.-]+/g, '-')}.pdf"` });
        res.send(issued.pdf);
      },
    },
  ];
}
