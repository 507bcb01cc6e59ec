import type { WorkflowEventType } from '../../workflows/workflow-types';
import type { Actor } from './actor';
import { APPLICANT_ROLES, isStaffRole, type Role } from './roles';

type Sender = Role | 'system';

interface EventPermission {
  senders: readonly Sender[];
  /** Applicants may act only on their own organization's dossiers. */
  ownDossierOnly: boolean;
}

const applicant = { senders: APPLICANT_ROLES, ownDossierOnly: true } as const;
const officer = { senders: ['officer'], ownDossierOnly: false } as const;
const leader = { senders: ['leader'], ownDossierOnly: false } as const;
const system = { senders: ['system'], ownDossierOnly: false } as const;

/**
 * Who may send each workflow event: the one table that the routes and the event path share.
 * Separation of duties: officers prepare, leaders decide, admins administer but never decide dossiers.
 */
const PERMISSION_TABLE = {
  SUBMIT: applicant,
  RESUBMIT: applicant,
  WITHDRAW: applicant,
  REQUEST_SUPPLEMENT: officer,
  ACCEPT: officer,
  REFUSE_INTAKE: officer,
  ALLOW_SUPPLEMENTATION: leader,
  REQUEST_OPINIONS: officer,
  RECORD_OPINION: officer,
  SCHEDULE_INSPECTION: officer,
  RECORD_INSPECTION: officer,
  RECOMMEND: officer,
  APPROVE: leader,
  REJECT: leader,
  RETURN_FOR_REVIEW: leader,
  // The officer handling the dossier gives the apology and new appointment (form 04) before it runs late.
  RESCHEDULE_RESULT: officer,
  RETURN_RESULT: officer,
  REVOKE: leader,
  OPINION_OVERDUE: system,
  DEADLINE_WARNING: system,
  DEADLINE_PASSED: system,
  CERTIFICATE_EXPIRED: system,
} as const satisfies Record<WorkflowEventType, EventPermission>;

export const EVENT_PERMISSIONS: Record<WorkflowEventType, EventPermission> = PERMISSION_TABLE;

/** The events the table lets any of `S` send, as a type (pages derive their lists from it, so they cannot fall behind). */
export type EventsSentBy<S extends Sender> = {
  [E in WorkflowEventType]: [Extract<(typeof PERMISSION_TABLE)[E]['senders'][number], S>] extends [never] ? never : E;
}[WorkflowEventType];

/** The same at run time: the events any of `senders` may send, in the table's order. */
export function eventsSentBy<S extends Sender>(senders: readonly S[]): EventsSentBy<S>[] {
  return (Object.keys(EVENT_PERMISSIONS) as WorkflowEventType[]).filter((type): type is EventsSentBy<S> =>
    EVENT_PERMISSIONS[type].senders.some((sender) => (senders as readonly Sender[]).includes(sender)),
  );
}

export type EventDenial = 'role' | 'ownership' | undefined;

/** What only a submitter (or the organization administrator) sends: a preparer drafts and uploads, never hands over. */
const SUBMITTING_EVENTS: readonly WorkflowEventType[] = ['SUBMIT', 'RESUBMIT', 'WITHDRAW'];

/** Why `actor` may not send `eventType` for a dossier of `dossierOrganizationId`, or undefined if allowed. */
export function eventDenial(actor: Actor, eventType: WorkflowEventType, dossierOrganizationId: string): EventDenial {
  const permission = EVENT_PERMISSIONS[eventType];
  const sender: Sender = actor.kind === 'system' ? 'system' : actor.role;
  if (!permission.senders.includes(sender)) return 'role';
  if (actor.kind === 'user' && actor.memberRole === 'preparer' && SUBMITTING_EVENTS.includes(eventType)) return 'role';
  if (permission.ownDossierOnly && (actor.kind !== 'user' || actor.organizationId !== dossierOrganizationId)) return 'ownership';
  return undefined;
}

/** Whether a user may read a dossier: staff see all; applicants only their own organization's. */
export function canReadDossier(actor: Actor, dossierOrganizationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (isStaffRole(actor.role)) return true;
  return actor.organizationId === dossierOrganizationId;
}
