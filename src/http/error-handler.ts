import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { AppError, isAppError, notFound } from '../errors';
import { DatabaseUnavailableError, databaseUnavailable, isDatabaseUnavailableError, RETRY_AFTER_SECONDS } from './database-unavailable';
import { STATUS_BY_CODE, toProblem } from './problem-details';

/** Body-parser and multer errors carry these; they are the client's fault, not ours. */
interface HttpishError {
  type?: string;
  status?: number;
  code?: string;
}

function normalize(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailableError(error)) return databaseUnavailable(error);
  if (error instanceof mongoose.Error.ValidationError) {
    const fieldErrors = Object.entries(error.errors).map(([field, e]) => ({ field, message: e.message }));
    return new AppError('validation_failed', 'Validation failed', { detail: 'Some fields are invalid.', detailKey: 'invalidFields', fieldErrors });
  }
  if (error instanceof mongoose.Error.CastError) {
    return new AppError('validation_failed', 'Validation failed', { detail: `Invalid value for ${error.path}.` });
  }
  const httpish = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
  if (httpish.type === 'entity.too.large' || httpish.code === 'LIMIT_FILE_SIZE') {
    return new AppError('payload_too_large', 'Payload too large', { detail: 'The request body is too large.', detailKey: 'tooLarge' });
  }
  if (httpish.type === 'entity.parse.failed') {
    return new AppError('validation_failed', 'Malformed request body', { detail: 'The request body is not valid JSON.', detailKey: 'malformedJson' });
  }
  if (typeof httpish.status === 'number' && httpish.status >= 400 && httpish.status < 500) {
    return new AppError('validation_failed', 'Bad request', { detail: 'The request could not be understood.', detailKey: 'badRequest' });
  }
  return new AppError('internal', 'Internal server error', {
    detail: 'Something went wrong on our side. Quote the request id when you contact support.',
    detailKey: 'internal',
    cause: error,
  });
}

const wantsProblemJson = (req: Request) =>
  req.originalUrl.startsWith('/api/') || req.accepts(['html', 'json', 'application/problem+json']) !== 'html';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`The page ${req.path}`));
};

/** The one error handler: problem+json for the API, an HTML page for browsers; stacks only in logs. */
export function createErrorHandler(options: { exposeStack: boolean }): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = normalize(error);
    const status = STATUS_BY_CODE[appError.code];
    const requestId = String(req.id ?? '');
    if (status >= 500) req.log?.error({ err: error }, 'request failed');
    else req.log?.info({ code: appError.code, status }, 'request rejected');

    if (res.headersSent) {
      res.end();
      return;
    }
    const problem = toProblem(appError, { instance: req.originalUrl, requestId });
    // Title and known details in the request's language (the page's, or Accept-Language for the API); `code` stays stable.
    const t = res.locals.t as ((key: string) => string) | undefined;
    if (t) {
      problem.title = t(`errors.titles.${appError.code}`);
      if (appError.detailKey) problem.detail = t(`errors.details.${appError.detailKey}`);
    }
    // A stack helps with our bugs (500), never with an outage (503), whose text is for the user.
    if (options.exposeStack && status === 500 && error instanceof Error) problem.stack = error.stack;
    if (appError instanceof DatabaseUnavailableError) {
      if (t) Object.assign(problem, { title: t('errors.unavailable.title'), detail: t('errors.unavailable.detail') });
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    }

    if (appError.code === 'unauthenticated' && !wantsProblemJson(req) && req.method === 'GET') {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (wantsProblemJson(req)) {
      res.status(status).type('application/problem+json').send(JSON.stringify(problem));
    } else {
      res.status(status).render('error', { problem, title: problem.title }, (renderError, html) => {
        if (renderError) {
          req.log?.error({ err: renderError }, 'error page failed to render');
          res.type('text/plain').send(`${problem.status} ${problem.title}\n${problem.detail ?? ''}\nRequest id: ${requestId}`);
        } else {
          res.send(html);
        }
      });
    }
  };
}
