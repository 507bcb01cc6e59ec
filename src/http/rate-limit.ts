import rateLimit, { type AugmentedRequest, type RateLimitRequestHandler } from 'express-rate-limit';
import type { TFunction } from 'i18next';
import { AppError } from '../errors';

/**
 * A per-address request limit with the standard RateLimit headers (draft-8) and Retry-After, and none of the
 * legacy X- ones. Going over it is an error like any other: problem+json on /api, an HTML page elsewhere, in
 * the caller's language. The address is req.ip, so which proxies are believed is TRUST_PROXY's business.
 * Counters are kept in this process: with several instances each counts on its own (a shared store would
 * need an atomic counter, which FerretDB 1.24 does not give; see README).
 */
export function requestLimit(limit: number, windowMinutes: number): RateLimitRequestHandler {
  return rateLimit({
    windowMs: windowMinutes * 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler(req, res, next) {
      const t = res.locals.t as TFunction | undefined;
      const resetTime = (req as AugmentedRequest).rateLimit?.resetTime?.getTime() ?? Date.now() + windowMinutes * 60_000;
      const minutes = Math.max(1, Math.ceil((resetTime - Date.now()) / 60_000));
      const detail = t ? t('limits.tooMany', { minutes }) : `Too many requests from your address. Try again in ${minutes} minute(s).`;
      next(new AppError('rate_limited', 'Too many requests', { detail, extensions: { retryAfterMinutes: minutes } }));
    },
  });
}

/**
 * Every public lookup by code, page and API twin alike: one bucket per address for all of them, so switching
 * between the page and the API (or between dossiers and certificates) does not buy more guesses.
 */
export const PUBLIC_LOOKUP_PATHS = ['/lookup', '/certificates/verify', '/api/v1/public'];
export const publicLookupLimit = () => requestLimit(60, 1);
