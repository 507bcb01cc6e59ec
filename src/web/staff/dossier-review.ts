import { getWorkflow } from '../../../workflows/registry';
import type { Problem } from '../../../workflows/problem';
import { dossierAssigneeId } from '../../applications';
import { userNamesByIds, type Actor } from '../../auth';
import { localDateOf } from '../../calendar';
import { organizationProfile } from '../../organizations';
// The applicant pages already assemble a dossier with its documents and history from their owners' services.
import { loadDossierView } from '../business/dossier-view';
import { STAFF_EVENTS, type StaffEvent } from './event-forms';

/** Details of a logged event worth showing in the timeline, beyond its type and reasons. */
const DETAIL_FIELDS = ['decision', 'findings', 'passed', 'agency', 'opinion', 'note', 'scheduledFor', 'dueAt', 'apologyNote', 'reason', 'channel', 'appointment'] as const;

export function eventDetails(event: Record<string, unknown>): { name: string; value: unknown }[] {
  return DETAIL_FIELDS.filter((name) => event[name] !== undefined && event[name] !== null).map((name) => ({ name, value: event[name] }));
}

/**
 * Everything the review page shows: the applicant's view of the dossier (data, figures, documents, history)
 * plus what staff need: the applicant, the assignee, the clock's inputs and the actions this role may take.
 */
export async function loadReviewView(actor: Actor, id: string, now: Date) {
  const view = await loadDossierView(actor, id, now);
  const d = view.dossier;
  // presentDossier leaves the assignee out (applicants do not see it); staff do.
  const assigneeId = await dossierAssigneeId(d.id);
  const [organization, assigneeNames] = await Promise.all([organizationProfile(d.organizationId), assigneeId ? userNamesByIds([assigneeId]) : new Map<string, string>()]);
  const actions = d.allowedActions.filter((a): a is StaffEvent => (STAFF_EVENTS as readonly string[]).includes(a));
  const agencies = getWorkflow(d.type, d.workflow.version).consultationAgencies;
  return {
    ...view,
    actions,
    agencies,
    organization: organization ? { name: organization.name, taxCode: organization.taxCode, district: organization.district } : undefined,
    assigneeName: assigneeId ? assigneeNames.get(assigneeId) : undefined,
    today: localDateOf(now),
    history: {
      chain: view.history.chain,
      entries: view.history.entries.map((entry) => ({ ...entry, details: eventDetails(entry.event as unknown as Record<string, unknown>) })),
    },
  };
}

/** The guard's reasons from a refused event, in the page's language. */
export function refusalReasons(extensions: Record<string, unknown>, locale: string): string[] {
  const reasons = Array.isArray(extensions.reasons) ? (extensions.reasons as Problem[]) : [];
  return reasons.map((r) => (locale === 'en' ? r.message_en : r.message_vi));
}
