import type { RequestHandler } from 'express';

/**
 * `Cache-Control: no-store`: what API answers (tokens included) and signed-in pages carry is personal or
 * fresh, and must not stay in a shared cache or the browser's history cache.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/** The same for pages, once authentication has said whether someone is signed in. */
export const noStoreWhenSignedIn: RequestHandler = (req, res, next) => {
  if (req.user) res.set('Cache-Control', 'no-store');
  next();
};
