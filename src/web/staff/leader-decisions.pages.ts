import type { Request, Response } from 'express';
import { sendEvent } from '../../applications/send-event';
import type { WorkingCalendar } from '../../calendar';
import { isAppError } from '../../errors';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { decisionQueue, type DecisionItem } from '../../applications';

/** Decisions a leader can take on several dossiers at once. */
const BULK_DECISIONS = ['APPROVE', 'REJECT', 'RETURN_FOR_REVIEW'] as const;
type BulkDecision = (typeof BULK_DECISIONS)[number];
import { refusalReasons } from './dossier-review';
import { LEADER_PAGES, linesOf, listOf, translatorOf, type FieldErrors, type Translate } from './staff-helpers';

interface BulkForm {
  ids: string[];
  decision?: BulkDecision;
  reasons: string[];
  comment?: string;
  apologies: Record<string, string>;
}

const needsReasons = (decision: BulkDecision) => decision !== 'APPROVE';
/** A late approval or refusal carries form 04; returning for review is not a decision and does not. */
const needsApology = (decision: BulkDecision, item: DecisionItem) => item.overdue && decision !== 'RETURN_FOR_REVIEW';

function readForm(body: Record<string, unknown>): BulkForm {
  const decision = BULK_DECISIONS.find((d) => d === body.decision);
  const ids = [...new Set(listOf(body.ids).filter((id) => /^[0-9a-f]{24}$/.test(id)))].slice(0, 100);
  const apologies = Object.fromEntries(ids.map((id) => [id, typeof body[`apology-${id}`] === 'string' ? String(body[`apology-${id}`]).trim() : '']));
  const comment = typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim().slice(0, 2000) : undefined;
  return { ids, decision, reasons: linesOf(body.reasons), comment, apologies };
}

function selectionErrors(form: BulkForm, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.ids.length) errors.ids = t('leader.decisions.errors.select');
  if (!form.decision) errors.decision = t('leader.decisions.errors.decision');
  return errors;
}

function confirmationErrors(form: BulkForm, items: readonly DecisionItem[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  if (form.decision && needsReasons(form.decision) && !form.reasons.length) errors.reasons = t('leader.decisions.errors.reasons');
  for (const item of items) {
    if (form.decision && needsApology(form.decision, item) && !form.apologies[item.id]) errors[`apology-${item.id}`] = t('leader.decisions.errors.apology', { code: item.code });
  }
  return errors;
}

async function renderList(res: Response, deps: { now: () => Date }, extra: Record<string, unknown> = {}, status = 200) {
  const items = await decisionQueue(deps.now());
  res.status(status).render('staff/decisions', { title: translatorOf(res)('leader.decisions.title'), items, decisions: BULK_DECISIONS, selected: [], errors: {}, ...extra });
}

async function renderConfirm(res: Response, form: BulkForm, items: DecisionItem[], errors: FieldErrors, values: Record<string, unknown>, status = 200) {
  const found = new Set(items.map((i) => i.id));
  res.status(status).render('staff/decisions-confirm', {
    title: translatorOf(res)('leader.confirm.title'),
    items: items.map((item) => ({ ...item, apologyRequired: form.decision ? needsApology(form.decision, item) : false })),
    skipped: form.ids.length - items.filter((i) => form.ids.includes(i.id)).length,
    decision: form.decision,
    reasonsRequired: form.decision ? needsReasons(form.decision) : false,
    errors,
    values,
    missingIds: form.ids.filter((id) => !found.has(id)),
  });
}

function failureOf(error: unknown, req: Request, t: Translate, locale: string): string[] {
  if (isAppError(error)) {
    if (error.code === 'invalid_transition') return refusalReasons(error.extensions, locale);
    if (error.code === 'conflict') return [t('leader.results.conflict')];
    if (error.code === 'not_found') return [t('leader.results.notFound')];
    if (error.code === 'forbidden') return [t('leader.results.forbidden')];
    if (error.code === 'validation_failed') return error.fieldErrors.map((e) => `${e.field}: ${e.message}`);
  }
  // One dossier's unexpected failure must not hide what happened to the others; it is logged with the request.
  req.log?.error({ err: error }, 'bulk decision failed for one dossier');
  return [t('leader.results.unexpected')];
}

/** The decision queue with approve / reject / return for review, one by one or in bulk after a confirmation page. */
export function leaderDecisionPages(deps: { now: () => Date; calendar: WorkingCalendar }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/leader/decisions',
      allow: LEADER_PAGES,
      async handler(_req, res) {
        await renderList(res, deps);
      },
    },
    {
      method: 'post',
      path: '/leader/decisions/confirm',
      allow: LEADER_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        const form = readForm((req.body ?? {}) as Record<string, unknown>);
        const errors = selectionErrors(form, t);
        if (Object.keys(errors).length) return renderList(res, deps, { errors, selected: form.ids, decision: form.decision }, 400);
        const items = await decisionQueue(deps.now(), form.ids);
        await renderConfirm(res, form, items, {}, {});
      },
    },
    {
      method: 'post',
      path: '/leader/decisions/apply',
      allow: LEADER_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const form = readForm(body);
        const selection = selectionErrors(form, t);
        if (Object.keys(selection).length) return renderList(res, deps, { errors: selection, selected: form.ids, decision: form.decision }, 400);
        const decision = form.decision!;
        const items = await decisionQueue(deps.now(), form.ids);
        const errors = confirmationErrors(form, items, t);
        const values = { reasons: typeof body.reasons === 'string' ? body.reasons : '', comment: form.comment ?? '', apologies: form.apologies };
        if (Object.keys(errors).length) return renderConfirm(res, form, items, errors, values, 400);

        const actor = currentActor(req);
        const byId = new Map(items.map((item) => [item.id, item]));
        const results: { id: string; code: string; title?: string; ok: boolean; reasons: string[] }[] = [];
        // One by one through the one event path: each dossier is its own transaction and can fail on its own.
        for (const id of form.ids) {
          const item = byId.get(id);
          const payload: Record<string, unknown> = {};
          if (needsReasons(decision)) payload.reasons = form.reasons;
          if (decision !== 'RETURN_FOR_REVIEW' && form.apologies[id]) payload.apologyNote = form.apologies[id];
          try {
            await sendEvent(actor, id, { type: decision, payload, comment: form.comment }, { ...deps, log: req.log });
            results.push({ id, code: item?.code ?? id, title: item?.title, ok: true, reasons: [] });
          } catch (error) {
            results.push({ id, code: item?.code ?? id, title: item?.title, ok: false, reasons: failureOf(error, req, t, String(res.locals.locale)) });
          }
        }
        const failed = results.filter((r) => !r.ok).length;
        res.render('staff/decisions-result', { title: t('leader.results.title'), decision, results, succeeded: results.length - failed, failed });
      },
    },
  ];
}
