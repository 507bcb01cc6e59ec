import type { Express } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type session from 'express-session';
import { actorForSession, signIn, type SessionUser, type SignInOptions } from '../auth/login.service';
import { prepareSignIn } from '../auth/sign-in-policy';
import { isStaffRole } from '../auth/roles';
import type { Actor } from '../auth/actor';
import { csrfProtection } from './csrf';
import { sessionMiddleware } from './session';

/**
 * Browser sign-in: cookie sessions in the database, passport-local, CSRF on every unsafe signed-in request.
 * passport ≥ 0.6 regenerates the session at login and logout, which defeats session fixation.
 */
export function installWebAuth(app: Express, options: { secret: string; secure: boolean; store?: session.Store; now: () => Date } & SignInOptions): void {
  prepareSignIn();
  if (options.store) app.use(sessionMiddleware({ secret: options.secret, secure: options.secure, store: options.store }));

  passport.use(
    'local',
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true }, (req, email, password, done) => {
      signIn({ email, password, ip: req.ip }, options.now(), options).then(
        (actor) => done(null, actor),
        (error: unknown) => done(error),
      );
    }),
  );
  // The sign-in time travels with the id, so a session from before a deactivation is not revived with the account.
  passport.serializeUser((user, done) => done(null, { id: (user as Actor & { kind: 'user' }).userId, signedInAt: options.now().getTime() }));
  passport.deserializeUser((stored: SessionUser, done) => {
    actorForSession(stored).then(
      (actor) => done(null, actor ?? false),
      (error: unknown) => done(error),
    );
  });
  app.use(passport.initialize());
  if (options.store) app.use(passport.session());

  const csrf = csrfProtection({ secret: options.secret, secure: options.secure });
  app.use((req, res, next) => {
    res.locals.csrfToken = () => csrf.tokenFor(req);
    res.locals.currentUser = req.user;
    // Caveats on legal values ("unverified", demo values) are for the Department's staff, not the public.
    const user = req.user as Actor | undefined;
    res.locals.seesCaveats = user?.kind === 'user' && isStaffRole(user.role);
    next();
  });
  app.use(csrf.protect);
}
