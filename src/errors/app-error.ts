/**
 * The one error family. Services throw these; only src/http maps them to HTTP (status, problem+json or page).
 * Codes are stable identifiers: clients and logs may rely on them.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** A message for one input field, in the language of the request where the service knows it. */
export interface FieldError {
  field: string;
  message: string;
  /** The message's locale key, for pages that say it in their own language (not sent in API answers). */
  messageKey?: string;
}

export interface AppErrorOptions {
  detail?: string;
  /** The detail as a key under `errors.details` (translated in the request's language; `detail` stays the English). */
  detailKey?: string;
  fieldErrors?: FieldError[];
  /** Extra machine-readable members for the problem body (e.g. the reasons a guard gave). */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly title: string;
  readonly fieldErrors: FieldError[];
  readonly extensions: Record<string, unknown>;
  readonly detailKey?: string;

  constructor(code: ErrorCode, title: string, options: AppErrorOptions = {}) {
    super(options.detail ?? title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.title = title;
    this.fieldErrors = options.fieldErrors ?? [];
    this.extensions = options.extensions ?? {};
    this.detailKey = options.detailKey;
  }
}

export const validationFailed = (fieldErrors: FieldError[], detail?: string) =>
  new AppError('validation_failed', 'Validation failed', { detail: detail ?? 'Some fields are invalid.', ...(detail ? {} : { detailKey: 'invalidFields' }), fieldErrors });

/** `what` names the missing thing in the English detail and the logs; the user is told in their language. */
export const notFound = (what: string) => new AppError('not_found', 'Not found', { detail: `${what} was not found.`, detailKey: 'notFound' });

export const forbidden = (detail?: string) =>
  new AppError('forbidden', 'Forbidden', { detail: detail ?? 'You are not allowed to do this.', ...(detail ? {} : { detailKey: 'forbidden' }) });

export const unauthenticated = (detail?: string) =>
  new AppError('unauthenticated', 'Authentication required', { detail: detail ?? 'Sign in first.', ...(detail ? {} : { detailKey: 'unauthenticated' }) });

export const conflict = (detail: string, extensions?: Record<string, unknown>) =>
  new AppError('conflict', 'Conflict', { detail, extensions });

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
