import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { APPLICANTS, currentActor, type RouteDefinition } from '../http/route-table';
import { openDocumentDownload, listDossierDocuments, PREVIEWABLE_MEDIA_TYPES, type DocumentDownload } from './document-read.service';
import { AppError } from '../errors';
import { removeDocumentVersion } from './document-removal.service';
import { attachmentDisposition, inlineDisposition } from './file-name';
import { uploadFromRequest, uploadMiddleware } from './upload-request';
import type { UploadSettings } from './upload-settings';

export interface DocumentRouteDeps {
  now: () => Date;
  uploads: UploadSettings;
}

/** The documents API: upload (applicant, editable dossiers), list (owner and staff), download (owner and staff). */
export function documentRoutes(deps: DocumentRouteDeps): RouteDefinition[] {
  return [
    {
      method: 'post',
      path: '/api/v1/applications/:id/documents',
      allow: APPLICANTS,
      // Multipart, so no JSON body schema: fields `code` (a document code of the procedure) and `files`.
      docs: { summary: 'Upload files (multipart: code, files) as the next versions of one document of a draft or a dossier under supplementation', tag: 'documents' },
      before: uploadMiddleware(deps.uploads),
      async handler(req, res) {
        const items = await uploadFromRequest(req, deps.uploads, deps.now());
        res.status(201).location(`/api/v1/applications/${String(req.params.id)}/documents`).json({ items });
      },
    },
    {
      method: 'delete',
      path: '/api/v1/applications/:id/documents/:documentId',
      allow: APPLICANTS,
      docs: { summary: 'Take back a file uploaded by mistake, before the dossier is submitted or resubmitted (kept for the audit)', tag: 'documents' },
      async handler(req, res) {
        await removeDocumentVersion(currentActor(req), { dossierId: String(req.params.id), documentId: String(req.params.documentId) }, deps.now());
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/api/v1/applications/:id/documents',
      allow: [...APPLICANTS, 'officer', 'leader'],
      docs: { summary: "A dossier's documents by code, every version newest first", tag: 'documents' },
      async handler(req, res) {
        res.json(await listDossierDocuments(currentActor(req), String(req.params.id)));
      },
    },
    {
      method: 'get',
      path: '/api/v1/documents/:documentId/download',
      allow: [...APPLICANTS, 'officer', 'leader'],
      docs: { summary: 'Download one document version as an attachment (audited)', tag: 'documents' },
      async handler(req, res) {
        const download = await openDocumentDownload(currentActor(req), String(req.params.documentId), deps.uploads.store, deps.now());
        // Never rendered inline: an attachment, with sniffing off and a sandbox in case a browser renders anyway.
        await sendStored(req, res, download, { 'Content-Disposition': attachmentDisposition(download.fileName), 'Content-Security-Policy': 'sandbox' });
      },
    },
    {
      method: 'get',
      path: '/api/v1/documents/:documentId/preview',
      allow: [...APPLICANTS, 'officer', 'leader'],
      docs: { summary: 'Show one PDF or image version inline, for the preview on the dossier pages (audited)', tag: 'documents' },
      async handler(req, res) {
        const download = await openDocumentDownload(currentActor(req), String(req.params.documentId), deps.uploads.store, deps.now(), 'preview');
        if (!PREVIEWABLE_MEDIA_TYPES.includes(download.mediaType)) {
          download.content.destroy();
          throw new AppError('unsupported_media_type', 'No preview', { detail: 'Only PDF files and images can be previewed; download this file instead.' });
        }
        // Shown inside our own pages only. The content was checked by its bytes at upload (content/); a PDF
        // needs the browser's viewer, which a sandbox would block, so only images get one.
        const isImage = download.mediaType.startsWith('image/');
        await sendStored(req, res, download, {
          'Content-Disposition': inlineDisposition(download.fileName),
          'Content-Security-Policy': `${isImage ? 'sandbox; ' : ''}default-src 'none'; frame-ancestors 'self'`,
        });
      },
    },
  ];
}

/** Streams a stored version with the headers every way of reading it shares. */
async function sendStored(req: Request, res: Response, download: DocumentDownload, headers: Record<string, string>): Promise<void> {
  res.set({
    'Content-Type': download.mediaType,
    'Content-Length': String(download.sizeBytes),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Repr-Digest': `sha-256=:${Buffer.from(download.sha256, 'hex').toString('base64')}:`,
    ...headers,
  });
  try {
    await pipeline(download.content, res);
  } catch (error) {
    // A client that hangs up mid-download is not our failure; anything before the headers went out is.
    if (!res.headersSent) throw error;
    req.log?.warn({ err: error }, 'download interrupted');
  }
}
