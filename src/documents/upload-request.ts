import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { currentActor } from '../http/route-table';
import { parseBody } from '../http/validate';
import { uploadDocuments, type UploadedVersion } from './document-upload.service';
import { removeStagedFiles, type StagedFile } from './storage/staging.storage';
import { receiveStagedFiles, refuseUnwritableDossier } from './upload-middleware';
import type { UploadSettings } from './upload-settings';

const uploadFieldsSchema = z.strictObject({ code: z.string().regex(/^[a-z0-9_]{1,60}$/, 'a document code of the procedure, e.g. recycling_plan') });

/** What the staging engine adds to multer's file description. */
type StagedMulterFile = Express.Multer.File & { sha256: string };

function stagedFilesOf(files: unknown): StagedFile[] {
  return ((Array.isArray(files) ? files : []) as StagedMulterFile[]).map((file) => ({
    path: file.path,
    originalName: file.originalname,
    sizeBytes: file.size,
    sha256: file.sha256,
  }));
}

/** Middleware before an upload handler: refuse early when the dossier cannot take files, then stage them. */
export const uploadMiddleware = (uploads: UploadSettings): RequestHandler[] => [refuseUnwritableDossier(), receiveStagedFiles(uploads)];

/**
 * Stores the staged files of a multipart request (fields `code`, `files`) for dossier `:id` and always removes
 * the staging copies; the API route and the applicant's page share it.
 */
export async function uploadFromRequest(req: Request, uploads: UploadSettings, now: Date): Promise<UploadedVersion[]> {
  const files = stagedFilesOf(req.files);
  try {
    const { code } = parseBody(req, uploadFieldsSchema);
    return await uploadDocuments(currentActor(req), { dossierId: String(req.params.id), code, files }, uploads, now);
  } finally {
    await removeStagedFiles(files);
  }
}
