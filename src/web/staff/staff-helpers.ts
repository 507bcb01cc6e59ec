import type { Response } from 'express';
import { z } from 'zod';
import { isAppError } from '../../errors';
import type { Audience } from '../../http/route-table';
import { refuseUndrawnFields } from '../../http/validate';
import { STAFF_ROLES, DEPARTMENT_ROLES } from '../../auth';

/** Who opens staff pages; who sends which event is still decided by the event table. */
export const STAFF_PAGES: readonly Audience[] = STAFF_ROLES;
export const EVENT_SENDERS: readonly Audience[] = DEPARTMENT_ROLES;
export const LEADER_PAGES: readonly Audience[] = ['leader'];
export const ADMIN_PAGES: readonly Audience[] = ['admin'];

export type Translate = (key: string, params?: Record<string, unknown>) => string;
export type FieldErrors = Record<string, string>;

export const translatorOf = (res: Response): Translate => res.locals.t as Translate;

/**
 * Checks a form against a zod schema whose messages are locale keys; answers the data, or one translated
 * message per field (the first problem of each), for the page to show next to the field.
 */
export function checkForm<T extends z.ZodType>(schema: T, body: unknown, t: Translate): { data: z.output<T>; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  if (schema instanceof z.ZodObject) refuseUndrawnFields(body, Object.keys(schema.shape), t);
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    errors[field] ??= translateKey(issue.message, t);
  }
  return { errors };
}

/** Our schemas and services speak in locale keys; anything else (a library's message) is shown as is. */
function translateKey(message: string, t: Translate): string {
  return /^(officer|leader|admin|petitions|accounts)\.[\w.]+$/.test(message) ? t(message) : message;
}

/** Field messages a service threw (validation_failed), translated; undefined for any other error. */
export function serviceErrors(error: unknown, t: Translate): FieldErrors | undefined {
  if (!isAppError(error) || error.code !== 'validation_failed' || !error.fieldErrors.length) return undefined;
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field, translateKey(e.message, t)]));
}

/** Form fields as strings, to put back into the inputs after a failed submission (never the password). */
export function keptValues(body: unknown, omit: readonly string[] = ['_csrf', 'password']): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(source).filter(([key, value]) => !omit.includes(key) && typeof value === 'string').map(([key, value]) => [key, value as string]));
}

/** Only local paths may be a return target (no open redirect). */
export const safeReturn = (value: unknown, fallback: string) =>
  typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : fallback;

/** Text areas where each line is one item (reasons): trimmed, blank lines dropped. */
export const linesOf = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : [];

/** `a` or `[a, b]` from a form (urlencoded repeats a key for each checked box). */
export const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : []);

/** A local date (yyyy-mm-dd, Asia/Ho_Chi_Minh) as the instant it starts. */
export const startOfLocalDay = (date: string) => new Date(`${date}T00:00:00+07:00`);

export { flashOf } from '../flash';

export interface Confirmation {
  title: string;
  question: string;
  warning?: string;
  facts?: { label: string; value: string }[];
  /** Where the confirmed form posts: the same route, which then acts. */
  action: string;
  values?: Record<string, string>;
  submitLabel: string;
  back: { href: string; label: string };
  danger?: boolean;
}

/** The form's answer to the confirmation page: only then does a risky action go ahead. */
export const isConfirmed = (body: unknown) => (body as { confirmed?: unknown } | undefined)?.confirmed === 'yes';

/** Asks once more before a risky or irreversible action (views/confirm-action.eta). */
export function renderConfirmation(res: Response, confirmation: Confirmation): void {
  res.render('confirm-action', confirmation);
}
