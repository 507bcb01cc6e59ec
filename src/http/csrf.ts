import type { Request, RequestHandler } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { AppError } from '../errors';
import { SESSION_COOKIE } from './session';

/** The only forms posted without being signed in. */
const ANONYMOUS_FORMS = ['/login'];

const hasSessionCookie = (req: Request) => Boolean((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);

/**
 * CSRF protection for everything a browser session can do: a signed double-submit token bound to the
 * session id, sent back in the `_csrf` form field or the `x-csrf-token` header.
 */
export function csrfProtection(options: { secret: string; secure: boolean }): { protect: RequestHandler; tokenFor: (req: Request) => string } {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => options.secret,
    // Before sign-in there is no saved session (its id changes every request), so anonymous forms such as
    // the login form are bound to a fixed identifier; after sign-in tokens are bound to the session.
    getSessionIdentifier: (req) => (hasSessionCookie(req) ? req.sessionID : 'anonymous'),
    cookieName: options.secure ? '__Host-hpg.csrf' : 'hpg.csrf',
    cookieOptions: { sameSite: 'lax', secure: options.secure, httpOnly: true, path: '/' },
    // A multipart form is parsed after this check (by the upload route), so its token travels in the action URL.
    getCsrfTokenFromRequest: (req) =>
      (req.body as { _csrf?: string } | undefined)?._csrf ??
      req.headers['x-csrf-token'] ??
      (req.is('multipart/form-data') && typeof req.query._csrf === 'string' ? req.query._csrf : undefined),
    // Runs after authentication and checks only what another site could forge: a request signed in by the
    // session cookie, and the sign-in form itself (else a site could sign a visitor in as someone else). A
    // bearer-token call carries no ambient credentials; a call with no credentials at all gets the route's 401.
    skipCsrfProtection: (req) =>
      Boolean(req.headers.authorization?.startsWith('Bearer ')) || (!req.user && !ANONYMOUS_FORMS.includes(req.path)),
  });
  const protect: RequestHandler = (req, res, next) => {
    doubleCsrfProtection(req, res, (error?: unknown) => {
      if (error) return next(new AppError('forbidden', 'Invalid form token', { detail: 'The form has expired or did not come from this site. Reload the page and try again.' }));
      next();
    });
  };
  // One token per request: generating twice would set two cookies and invalidate the first form's token.
  const tokenFor = (req: Request) => ((req as Request & { csrfTokenValue?: string }).csrfTokenValue ??= generateCsrfToken(req, req.res!));
  return { protect, tokenFor };
}
