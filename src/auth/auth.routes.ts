import { z } from 'zod';
import { SIGNED_IN, currentActor, type RouteDefinition } from '../http/route-table';
import { parseInput } from '../http/validate';
import { issueAccessToken, revokeAccessToken } from './access-token.service';
import { requestLimit } from '../http/rate-limit';

const issueTokenSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100).default('API token'),
});

/** Personal access tokens for the API (the web sign-in with sessions lives beside these). */
export function authRoutes(deps: { now: () => Date }): RouteDefinition[] {
  const tokenLimit = requestLimit(20, 15);
  return [
    {
      method: 'post',
      path: '/api/v1/auth/tokens',
      allow: ['public'],
      before: [tokenLimit],
      async handler(req, res) {
        res.status(201).json(await issueAccessToken(parseInput(issueTokenSchema, req.body), deps.now()));
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
