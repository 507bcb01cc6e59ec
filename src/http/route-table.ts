import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/roles';
import { forbidden, unauthenticated } from '../errors';

export type Audience = Role | 'public';

/** One route: who may call it is declared next to its path (deny by default; the authz test reads these). */
export interface RouteDefinition {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  allow: readonly Audience[];
  handler: (req: Request, res: Response) => Promise<void> | void;
  /** Extra middleware before the handler (rate limits, uploads). */
  before?: RequestHandler[];
  /** For the OpenAPI document: what the route does and the zod schemas of its input. */
  docs?: { summary: string; body?: z.ZodType; query?: z.ZodType; tag?: string };
}

export const STAFF: readonly Role[] = ['officer', 'leader', 'admin'];
export const APPLICANTS: readonly Role[] = ['business', 'ic_operator'];
export const SIGNED_IN: readonly Role[] = [...APPLICANTS, ...STAFF];

export function currentActor(req: Request): Actor {
  const actor = req.user as Actor | undefined;
  if (!actor) throw unauthenticated();
  return actor;
}

function authorize(allow: readonly Audience[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (allow.includes('public')) return next();
    const actor = req.user as Actor | undefined;
    if (!actor) return next(unauthenticated());
    if (actor.kind !== 'user' || !allow.includes(actor.role)) return next(forbidden());
    next();
  };
}

/** Mounts the table on a router; every route gets its authorization check before anything else runs. */
export function routerFromTable(routes: readonly RouteDefinition[]): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, authorize(route.allow), ...(route.before ?? []), async (req, res) => {
      await route.handler(req, res);
    });
  }
  return router;
}
