import { AppError } from '../errors';
import type { ContentRejection } from './content/media-kinds';

/**
 * The errors an upload can end with. Each carries a stable `reason` in the problem body so a client can tell
 * "wrong kind of file" from "too big" without parsing the text.
 *
 * Refused content answers 400 for now: 415 needs an `unsupported_media_type` code in src/errors (one line
 * here changes once it exists).
 */
export type UploadRejection = ContentRejection | 'infected' | 'too_many_files' | 'file_too_large' | 'dossier_quota' | 'missing_file' | 'unknown_code' | 'malformed_request' | 'unexpected_field';

const REFUSED_CONTENT_CODE = 'unsupported_media_type' as const;

/** `document` names the document (its code) the refused file was meant for, so a page can say so beside that document. */
export function contentRefused(code: string, fileIndex: number, reason: ContentRejection | 'infected', detail: string): AppError {
  return new AppError(REFUSED_CONTENT_CODE, 'File refused', {
    detail,
    fieldErrors: [{ field: `files[${fileIndex}]`, message: detail }],
    extensions: { reason, document: code },
  });
}

export function uploadTooLarge(reason: 'file_too_large' | 'dossier_quota', detail: string): AppError {
  return new AppError('payload_too_large', 'Upload too large', { detail, extensions: { reason } });
}

export function badUploadRequest(reason: UploadRejection, field: string, detail: string): AppError {
  return new AppError('validation_failed', 'Invalid upload', { detail, fieldErrors: [{ field, message: detail }], extensions: { reason } });
}
