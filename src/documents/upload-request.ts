import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { currentActor } from '../http/route-table';
import { parseBody } from '../http/validate';
import { uploadDocumentSet, type UploadPart, type UploadedVersion } from './document-upload.service';
import { badUploadRequest } from './upload-errors';
import { removeStagedFiles, type StagedFile } from './storage/staging.storage';
import { receiveStagedFiles, refuseUnwritableDossier } from './upload-middleware';
import type { UploadSettings } from './upload-settings';

const documentCode = z.string().regex(/^[a-z0-9_]{1,60}$/, 'a document code of the procedure, e.g. recycling_plan');
// `code` names the document of the plain `files` field; files sent as `files[<code>]` name their own.
const uploadFieldsSchema = z.strictObject({ code: documentCode.optional() });
const PER_DOCUMENT_FIELD = /^files\[([a-z0-9_]{1,60})\]$/;

/** What the staging engine adds to multer's file description. */
type StagedMulterFile = Express.Multer.File & { sha256: string };

const multerFilesOf = (files: unknown) => (Array.isArray(files) ? files : []) as StagedMulterFile[];

function stagedFileOf(file: StagedMulterFile): StagedFile {
  return { path: file.path, originalName: file.originalname, sizeBytes: file.size, sha256: file.sha256 };
}

/** The files grouped by the document they are for, in the order they came. */
function partsOf(files: readonly StagedMulterFile[], code: string | undefined): UploadPart[] {
  const parts = new Map<string, StagedFile[]>();
  for (const file of files) {
    const forCode = file.fieldname === 'files' ? code : PER_DOCUMENT_FIELD.exec(file.fieldname)?.[1];
    if (file.fieldname === 'files' && !code) throw badUploadRequest('missing_file', 'code', 'Name the document of the files in the field "code".');
    if (!forCode) throw badUploadRequest('unexpected_field', file.fieldname.slice(0, 100), 'Send files in the field "files" (with "code") or "files[<document code>]".');
    parts.set(forCode, [...(parts.get(forCode) ?? []), stagedFileOf(file)]);
  }
  return [...parts].map(([forCode, staged]) => ({ code: forCode, files: staged }));
}

/** Middleware before an upload handler: refuse early when the dossier cannot take files, then stage them. */
export const uploadMiddleware = (uploads: UploadSettings): RequestHandler[] => [refuseUnwritableDossier(), receiveStagedFiles(uploads)];

/**
 * Stores the staged files of a multipart request for dossier `:id` and always removes the staging copies; the
 * API route and the applicant's page share it. Fields: `code` with `files` (one document, as before), or
 * `files[<code>]` for each document (several documents in one trip, each into its own).
 */
export async function uploadFromRequest(req: Request, uploads: UploadSettings, now: Date): Promise<UploadedVersion[]> {
  const received = multerFilesOf(req.files);
  try {
    const { code } = parseBody(req, uploadFieldsSchema);
    if (received.length === 0 && code === undefined) throw badUploadRequest('missing_file', 'files', 'Attach at least one file.');
    const parts = received.length === 0 ? [{ code: code!, files: [] }] : partsOf(received, code);
    return await uploadDocumentSet(currentActor(req), { dossierId: String(req.params.id), parts }, uploads, now);
  } finally {
    await removeStagedFiles(received.map(stagedFileOf));
  }
}
