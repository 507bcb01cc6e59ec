import type { Response } from 'express';
import { z } from 'zod';
import { AppError, isAppError } from '../errors';
import { SIGNED_IN, currentActor, type RouteDefinition } from '../http/route-table';
import { parseBody } from '../http/validate';
import { issueAccessToken, revokeAccessToken } from './access-token.service';
import { requestLimit } from '../http/rate-limit';
import type { SignInOptions } from './sign-in-policy';

// Strict like every API body: an unknown key is refused by name, never dropped.
const issueTokenSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100).default('API token'),
});

/** A locked account is told so in the words of the sign-in form, in the caller's language. */
function inCallersWords(error: unknown, res: Response): unknown {
  if (!isAppError(error) || error.code !== 'rate_limited') return error;
  const minutes = Number(error.extensions.retryAfterMinutes ?? 15);
  res.set('Retry-After', String(minutes * 60));
  return new AppError('rate_limited', error.title, { detail: res.locals.t('login.locked', { minutes }), extensions: error.extensions });
}

/** Personal access tokens for the API (the web sign-in with sessions lives beside these). */
export function authRoutes(deps: { now: () => Date } & Partial<SignInOptions>): RouteDefinition[] {
  const tokenLimit = requestLimit(20, 15);
  const signInOptions: SignInOptions = { refuseDemoUsers: deps.refuseDemoUsers ?? false };
  return [
    {
      method: 'post',
      path: '/api/v1/auth/tokens',
      allow: ['public'],
      before: [tokenLimit],
      async handler(req, res) {
        const input = { ...parseBody(req, issueTokenSchema), ip: req.ip };
        const issued = await issueAccessToken(input, deps.now(), signInOptions).catch((error: unknown) => {
          throw inCallersWords(error, res);
        });
        res.status(201).json(issued);
      },
    },
    {
      method: 'delete',
      path: '/api/v1/auth/tokens/:id',
      allow: SIGNED_IN,
      async handler(req, res) {
        await revokeAccessToken(currentActor(req), String(req.params.id), deps.now());
        res.status(204).end();
      },
    },
  ];
}
