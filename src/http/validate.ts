import type { Request } from 'express';
import { z } from 'zod';
import { UNKNOWN_FIELD_MESSAGE, validationFailed, zodFieldErrors } from '../errors';

type Translate = (key: string) => string;
// Without a request (a service parsing its own input) messages are English; these are the ones we write.
const ENGLISH: Record<string, string> = { 'input.errors.unknownField': UNKNOWN_FIELD_MESSAGE, 'input.invalid': 'Some fields are invalid.' };
const english: Translate = (key) => ENGLISH[key] ?? key;
// zod's own messages (too big, wrong type) in Vietnamese; English is zod's default.
const vietnamese = z.locales.vi().localeError;

/**
 * Parses input at the edge; failures become one validation error listing every field. Give the request so
 * messages come in its language; without it they are English (services and jobs parsing their own input).
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, req?: Request): z.output<T> {
  const locals = req?.res?.locals;
  const parsed = schema.safeParse(value, locals?.locale === 'vi' ? { error: vietnamese } : undefined);
  if (parsed.success) return parsed.data;
  const t = (locals?.t as Translate | undefined) ?? english;
  throw validationFailed(zodFieldErrors(parsed.error.issues, t('input.errors.unknownField')), t('input.invalid'));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request body against a strict schema (a body that is not an object is left for the schema to refuse). */
export const parseBody = <T extends z.ZodType>(req: Request, schema: T): z.output<T> =>
  parseInput(schema, isRecord(req.body) || req.body === undefined ? routeFields(req.body) : req.body, req);


/** The query against a strict schema. */
export const parseQuery = <T extends z.ZodType>(req: Request, schema: T): z.output<T> => parseInput(schema, routeFields(req.query), req);

/**
 * The fields a route's own schema sees: without `lang` (the language switch every page and endpoint accepts,
 * read by the language middleware) and `_csrf` (the form token, read by the CSRF check).
 */
export function routeFields(input: unknown): Record<string, unknown> {
  const { lang: _language, _csrf: _token, ...rest } = (input ?? {}) as Record<string, unknown>;
  return rest;
}

/**
 * For a web form: a name the page never draws can only come from a crafted request, so it is refused by name
 * (400, the error page in the caller's language) before the form's own checks, which keep the typed input.
 */
export function refuseUndrawnFields(body: unknown, drawn: Iterable<string>, t: Translate = english): void {
  const known = new Set(drawn);
  const unknown = Object.keys(routeFields(body)).filter((name) => !known.has(name));
  if (unknown.length > 0) throw validationFailed(unknown.map((field) => ({ field, message: t('input.errors.unknownField') })), t('input.invalid'));
}
