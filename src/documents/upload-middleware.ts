import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { currentActor } from '../http/route-table';
import { loadUploadableDossier } from './document-access';
import { StagingWriteError, stagingSettled, stagingStorage } from './storage/staging.storage';
import { badUploadRequest, uploadTooLarge } from './upload-errors';
import type { UploadSettings } from './upload-settings';

/** Answer only once the client has finished sending, so it reads our error instead of a reset connection. */
function afterBodyDrained(req: Request, finish: () => void): void {
  if (req.readableEnded || req.destroyed) return finish();
  req.once('end', finish);
  req.once('close', finish);
  req.resume();
}

/**
 * Checks owner and state before multer reads a byte, so files for someone else's dossier, or for one that
 * can no longer change, are never even staged. The service checks again before storing.
 */
export function refuseUnwritableDossier(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    loadUploadableDossier(currentActor(req), String(req.params.id)).then(
      () => next(),
      (error: unknown) => afterBodyDrained(req, () => next(error)),
    );
  };
}

function translateMulterError(error: unknown, settings: UploadSettings): unknown {
  if (error instanceof StagingWriteError) return error;
  if (!(error instanceof MulterError)) {
    return badUploadRequest('malformed_request', '(body)', 'The request is not a well-formed multipart/form-data upload.');
  }
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return uploadTooLarge('file_too_large', `Each file may have at most ${settings.maxFileBytes} bytes.`);
    case 'LIMIT_FILE_COUNT':
      return badUploadRequest('too_many_files', 'files', `At most ${settings.maxFilesPerRequest} files per upload.`);
    case 'LIMIT_UNEXPECTED_FILE':
      return badUploadRequest('unexpected_field', error.field ?? 'files', 'Send files in the field "files" only.');
    default:
      return badUploadRequest('malformed_request', error.field ?? '(body)', `The upload was refused: ${error.message}.`);
  }
}

/**
 * Multer with every limit set: file size, file count, and small caps on the text fields (only `code` is
 * expected). File fields are `files` (with `code`) or `files[<code>]`, one per document; upload-request.ts
 * refuses any other name. Files stream to the staging folder; multer removes them itself when it aborts.
 */
export function receiveStagedFiles(settings: UploadSettings): RequestHandler {
  const receive = multer({
    storage: stagingStorage(settings.stagingDir),
    defParamCharset: 'utf8',
    limits: {
      fileSize: settings.maxFileBytes,
      files: settings.maxFilesPerRequest,
      fields: 5,
      fieldSize: 1024,
      fieldNameSize: 100,
      parts: settings.maxFilesPerRequest + 5,
      headerPairs: 50,
    },
  }).any();
  return (req, res, next) => {
    receive(req, res, (error?: unknown) => {
      if (error === undefined) return next();
      // After an abort multer answers at once; wait until every staged file of this request is gone.
      void stagingSettled(req).then(() => next(translateMulterError(error, settings)));
    });
  };
}
