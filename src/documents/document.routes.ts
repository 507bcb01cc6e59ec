import { pipeline } from 'node:stream/promises';
import { APPLICANTS, currentActor, type RouteDefinition } from '../http/route-table';
import { openDocumentDownload, listDossierDocuments } from './document-read.service';
import { attachmentDisposition } from './file-name';
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
        res.set({
          'Content-Type': download.mediaType,
          'Content-Length': String(download.sizeBytes),
          'Content-Disposition': attachmentDisposition(download.fileName),
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': 'sandbox',
          'Cache-Control': 'private, no-store',
          'Repr-Digest': `sha-256=:${Buffer.from(download.sha256, 'hex').toString('base64')}:`,
        });
        try {
          await pipeline(download.content, res);
        } catch (error) {
          // A client that hangs up mid-download is not our failure; anything before the headers went out is.
          if (!res.headersSent) throw error;
          req.log?.warn({ err: error }, 'download interrupted');
        }
      },
    },
  ];
}
