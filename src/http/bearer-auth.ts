import type { RequestHandler } from 'express';
import passport from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { actorForToken } from '../auth/access-token.service';

/**
 * API authentication: `Authorization: Bearer <token>` resolves to an actor on req.user. A request without a
 * token continues anonymously (routes decide whether that is allowed); a bad token is ignored the same way,
 * so the answer for it is the route's 401, never a hint about why.
 */
export function bearerAuthentication(now: () => Date): RequestHandler {
  const strategy = new BearerStrategy((token, done) => {
    actorForToken(token, now()).then(
      (actor) => done(null, actor ?? false),
      (error: unknown) => done(error),
    );
  });
  passport.use('bearer', strategy);
  return (req, res, next) => {
    if (!req.headers.authorization?.startsWith('Bearer ')) return next();
    passport.authenticate('bearer', { session: false, failWithError: false }, (error: unknown, actor: unknown) => {
      if (error) return next(error);
      if (actor) req.user = actor as Express.User;
      next();
    })(req, res, next);
  };
}
