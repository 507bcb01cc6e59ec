import type { WorkflowType } from '../../../workflows/workflow-types';
import { getWorkflow } from '../../../workflows/registry';
import type { Problem } from '../../../workflows/problem';
import { describeApplication } from '../../applications/application.service';
import { mayRate, ratingOf } from '../../applications/service-rating';
import { dossierHistory } from '../../applications/dossier-history.service';
import { DOSSIER_TYPES } from '../../applications/dossier-types';
import { requiredDocumentRules, type ProcedureFacts } from '../../applications/procedures';
import type { Actor } from '../../auth';
import { listDossierDocuments } from '../../documents';
import { certificateOfDossier } from '../../certificates';
import { availableForms } from '../../one-stop-forms';

/** Events an applicant sends from the dossier page; everything else belongs to staff or the scheduler. */
export const APPLICANT_EVENTS = ['SUBMIT', 'RESUBMIT', 'WITHDRAW'] as const;
export type ApplicantEvent = (typeof APPLICANT_EVENTS)[number];

interface HistoryEvent {
  type: string;
  reasons?: string[];
  reason?: string;
}

/** A computed figure for the page: a calculation record, the GHG completeness check, or an error. */
export interface ResultView {
  key: string;
  record?: Record<string, unknown>;
  error?: string;
}

function resultViews(results: Record<string, unknown>): ResultView[] {
  return Object.entries(results).map(([key, value]) =>
    key.endsWith('Error') ? { key: key.slice(0, -'Error'.length), error: String(value) } : { key, record: value as Record<string, unknown> },
  );
}

/**
 * Everything the applicant's dossier page shows, each part from its owner's service: the dossier with its
 * allowed actions and pre-check, the document rules and uploads, and the history (with the latest
 * supplementation request, whose reasons the applicant must answer).
 */
export async function loadDossierView(actor: Actor, id: string, now: Date) {
  const dossier = await describeApplication(actor, id, now);
  const [history, documents] = await Promise.all([dossierHistory(actor, id), listDossierDocuments(actor, id)]);
  const type = dossier.type as WorkflowType;
  const circumstances = DOSSIER_TYPES[type].documentCircumstances(dossier.data as Record<string, unknown>) as ProcedureFacts;
  const missing = new Set(dossier.requiredDocumentsMissing);
  const uploaded = new Map(documents.items.map((item) => [item.code, item.versions]));
  const requiredDocuments = requiredDocumentRules(type, circumstances).map((rule) => ({
    code: rule.code,
    name: { vi: rule.name_vi, en: rule.name_en },
    circumstance: { vi: rule.circumstance_vi, en: rule.circumstance_en },
    missing: missing.has(rule.code),
    versions: uploaded.get(rule.code) ?? [],
  }));
  const requiredCodes = new Set(requiredDocuments.map((d) => d.code));
  const otherDocuments = documents.items.filter((item) => !requiredCodes.has(item.code));

  // Who in the Department works on the dossier is internal; the applicant's history leaves assignments out.
  const entries = history.entries.filter((entry) => (entry.event as { type?: string }).type !== 'ASSIGN').map((entry) => ({ ...entry, event: entry.event as HistoryEvent }));
  const request = [...entries].reverse().find((entry) => entry.event.type === 'REQUEST_SUPPLEMENT');
  const supplementation =
    dossier.state === 'supplementation_requested' && request
      ? { at: request.at, reasons: request.event.reasons ?? [], by: request.actor?.name }
      : undefined;

  // The one-stop forms the dossier has reached (src/one-stop-forms), and its certificate once issued.
  const forms = availableForms(dossier, entries.some((entry) => entry.event.type === 'ACCEPT'));
  const certificate = dossier.state === 'approved' ? await certificateOfDossier(dossier.id) : undefined;
  // After the result, the applicant may rate the service once (Decision 766, satisfaction).
  const rating = await ratingOf(dossier.id);
  const canRate = !rating && (await mayRate(actor, { id: dossier.id, state: dossier.state, organizationId: dossier.organizationId }));

  return {
    dossier,
    forms,
    certificate: certificate ? { number: certificate.number, verificationCode: certificate.verificationCode } : undefined,
    results: resultViews(dossier.results),
    requiredDocuments,
    otherDocuments,
    history: { chain: history.chain, entries: [...entries].reverse() },
    supplementation,
    actions: dossier.allowedActions.filter((a): a is ApplicantEvent => (APPLICANT_EVENTS as readonly string[]).includes(a)),
    // The dossier's machine version decides whether submitting needs the applicant's declaration.
    declarationRequired: getWorkflow(type, dossier.workflow.version).rules.decree118Steps,
    editable: dossier.editable,
    rating,
    canRate,
  };
}

export type DossierView = Awaited<ReturnType<typeof loadDossierView>>;

/** The guard's reasons from a refused event, in the page's language. */
export function reasonsOf(extensions: Record<string, unknown>, locale: string): string[] {
  const reasons = Array.isArray(extensions.reasons) ? (extensions.reasons as Problem[]) : [];
  return reasons.map((r) => (locale === 'en' ? r.message_en : r.message_vi));
}
