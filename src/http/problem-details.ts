import type { AppError, ErrorCode } from '../errors';

/** The HTTP status of each error code: decided here and nowhere else. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_transition: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** RFC 9457 problem details. `type` is a relative URI documented at /problems/<code>. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  requestId?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export function toProblem(error: AppError, context: { instance: string; requestId?: string }): ProblemDetails {
  return {
    ...error.extensions,
    type: `/problems/${error.code.replace(/_/g, '-')}`,
    title: error.title,
    status: STATUS_BY_CODE[error.code],
    detail: error.message,
    instance: context.instance,
    code: error.code,
    requestId: context.requestId,
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors.map(({ field, message }) => ({ field, message })) } : {}),
  };
}
