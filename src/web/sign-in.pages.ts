import type { Request } from 'express';
import passport from 'passport';
import type { Actor } from '../auth/actor';
import { isAppError } from '../errors';
import { SIGNED_IN, currentActor, type RouteDefinition } from '../http/route-table';
import { requestLimit } from '../http/rate-limit';
import { flashOf } from './flash';

const HOME_BY_ROLE: Record<string, string> = {
  business: '/my/dossiers',
  ic_operator: '/my/dossiers',
  officer: '/officer/queue',
  leader: '/leader/decisions',
  admin: '/admin',
};

/** Only local paths may be a post-login target (no open redirect). */
const safeNext = (value: unknown) => (typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : undefined);

function authenticate(req: Request): Promise<Actor> {
  return new Promise((resolve, reject) => {
    passport.authenticate('local', { session: false }, (error: unknown, user: Actor | false) => {
      if (error) return reject(error);
      if (!user) return reject(new Error('missing credentials'));
      resolve(user);
    })(req, req.res!, () => undefined);
  });
}

export function signInPages(): RouteDefinition[] {
  // Per address, on top of the per-e-mail lockout: slows password spraying across many accounts. Generous,
  // because a whole office may sign in from one NAT address.
  const signInLimit = requestLimit(100, 15);
  return [
    {
      method: 'get',
      path: '/login',
      allow: ['public'],
      handler(req, res) {
        if (req.user) return res.redirect(303, '/dashboard');
        res.locals.flash = flashOf(res.locals.t, req.query.done, ['password', 'invited'], 'login');
        res.render('login', { title: res.locals.t('login.title'), next: safeNext(req.query.next) });
      },
    },
    {
      method: 'post',
      path: '/login',
      allow: ['public'],
      before: [signInLimit],
      async handler(req, res) {
        const body = req.body as { email?: string; password?: string; next?: string };
        const view = { title: res.locals.t('login.title'), email: body.email ?? '', next: safeNext(body.next) };
        if (!body.email || !body.password) {
          return res.status(400).render('login', { ...view, formError: res.locals.t('login.required') });
        }
        let actor: Actor;
        try {
          actor = await authenticate(req);
        } catch (error) {
          if (isAppError(error) && error.code === 'rate_limited') {
            const minutes = Number(error.extensions.retryAfterMinutes ?? 15);
            return res.status(429).render('login', { ...view, formError: res.locals.t('login.locked', { minutes }) });
          }
          if (isAppError(error) && error.code === 'unauthenticated') {
            return res.status(401).render('login', { ...view, formError: res.locals.t('login.failed') });
          }
          throw error;
        }
        // req.login regenerates the session (passport ≥ 0.6): a session id planted before sign-in is useless.
        await new Promise<void>((resolve, reject) => req.login(actor, (error) => (error ? reject(error) : resolve())));
        res.redirect(303, view.next ?? HOME_BY_ROLE[actor.kind === 'user' ? actor.role : ''] ?? '/');
      },
    },
    {
      method: 'post',
      path: '/logout',
      allow: SIGNED_IN,
      async handler(req, res) {
        await new Promise<void>((resolve, reject) => req.logout((error) => (error ? reject(error) : resolve())));
        res.redirect(303, '/');
      },
    },
    {
      method: 'get',
      path: '/dashboard',
      allow: SIGNED_IN,
      handler(req, res) {
        const actor = currentActor(req);
        res.redirect(303, HOME_BY_ROLE[actor.kind === 'user' ? actor.role : ''] ?? '/');
      },
    },
  ];
}
