import type { RequestHandler } from 'express';

/**
 * `Cache-Control: no-store` on every API answer (tokens included) and on every page shown to a signed-in user:
 * what they carry is personal or fresh, and must not stay in a shared cache or the browser's history cache.
 * Runs after authentication, so req.user tells a signed-in page from a public one.
 */
export const noStoreWhenPrivate: RequestHandler = (req, res, next) => {
  if (req.user || req.path.startsWith('/api/')) res.set('Cache-Control', 'no-store');
  next();
};
