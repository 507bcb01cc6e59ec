import rateLimit, { type RateLimitRequestHandler } from 'express-rate-limit';

/**
 * A per-address request limit with the standard RateLimit headers (draft-8) and none of the legacy X- ones.
 * Counters are kept in this process: with several instances each counts on its own (a shared store would
 * need an atomic counter, which FerretDB 1.24 does not give; see README).
 */
export function requestLimit(limit: number, windowMinutes: number): RateLimitRequestHandler {
  return rateLimit({ windowMs: windowMinutes * 60_000, limit, standardHeaders: 'draft-8', legacyHeaders: false });
}
