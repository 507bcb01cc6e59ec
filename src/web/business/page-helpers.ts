import type { Response } from 'express';
import { WORKFLOW_TYPES, type WorkflowType } from '../../../workflows/workflow-types';
import { isAppError, notFound } from '../../errors';
import type { FieldMessage } from './dossier-form.parse';
import { APPLICANT_ROLES } from '../../auth';

/** Pages of this area are for applicants only (ownership is checked by the services). */
export const APPLICANT_PAGES = APPLICANT_ROLES;

export function workflowTypeOf(value: unknown): WorkflowType {
  const type = WORKFLOW_TYPES.find((t) => t === value);
  if (!type) throw notFound(`The application type ${String(value)}`);
  return type;
}

export function translateMessages(res: Response, messages: Record<string, FieldMessage>): Record<string, string> {
  const t = res.locals.t as (key: string, params?: Record<string, unknown>) => string;
  return Object.fromEntries(Object.entries(messages).map(([field, m]) => [field, t(m.key, m.params)]));
}

/** Field messages the service sent (`data.x` → input `x`), for the rare case our own check let them through. */
export function serviceFieldErrors(error: unknown): Record<string, FieldMessage> | undefined {
  if (!isAppError(error) || error.code !== 'validation_failed' || !error.fieldErrors.length) return undefined;
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field.replace(/^data\./, ''), e.messageKey ? { key: e.messageKey } : { key: 'business.errors.service', params: { message: e.message } }]));
}

/** The confirmations business pages show after a redirect (`?done=`), see ../flash.ts. */
export const BUSINESS_FLASHES = ['created', 'saved', 'uploaded', 'removed', 'rated', 'SUBMIT', 'RESUBMIT', 'WITHDRAW'] as const;
