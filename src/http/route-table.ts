import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { isOrganizationAdmin, type Actor } from '../auth/actor';
import { APPLICANT_ROLES, STAFF_ROLES, type Role } from '../auth/roles';
import mongoose from 'mongoose';
import { forbidden, notFound, unauthenticated } from '../errors';
import { refuseHostileInput } from './input-guard';

/** A role, the anonymous public, or `org_admin`: the administrator of an applicant organization (a member role). */
export type Audience = Role | 'public' | 'org_admin';

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

export const STAFF: readonly Role[] = STAFF_ROLES;
export const APPLICANTS: readonly Role[] = APPLICANT_ROLES;
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
    if (actor.kind !== 'user') return next(forbidden());
    if (allow.includes(actor.role) || (allow.includes('org_admin') && isOrganizationAdmin(actor))) return next();
    next(forbidden());
  };
}

/**
 * An id in the path that the database cannot even cast names nothing: 404, like a well-formed id that is
 * absent, never 400 "Invalid value for _id". Only values that came in the path count; a malformed id in a
 * body stays a 400 from its schema.
 */
export function pathIdNotFound(error: unknown, params: Record<string, unknown>): Error | undefined {
  if (!(error instanceof mongoose.Error.CastError)) return undefined;
  return Object.values(params).some((value) => value === error.value) ? notFound(`The resource ${String(error.value)}`) : undefined;
}

/**
 * Mounts the table on a router; every route gets its authorization check before anything else runs, then
 * the input guard (operator keys, depth, query lists), so no handler sees those shapes.
 */
export function routerFromTable(routes: readonly RouteDefinition[]): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, authorize(route.allow), refuseHostileInput, ...(route.before ?? []), async (req, res) => {
      try {
        await route.handler(req, res);
      } catch (error) {
        throw pathIdNotFound(error, req.params) ?? error;
      }
    });
  }
  return router;
}
