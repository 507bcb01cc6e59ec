import { isApplicantRole, isDepartmentRole, isStaffRole, type MemberRole, type Role } from './roles';

/** Who is acting: a signed-in user (web session or API token) or the system (scheduler, sweeps). */
export type Actor =
  | { kind: 'user'; userId: string; role: Role; organizationId?: string; name: string; memberRole?: MemberRole }
  | { kind: 'system'; name: string };

export const SYSTEM_SCHEDULER: Actor = { kind: 'system', name: 'scheduler' };

export const actorRole = (actor: Actor): Role | 'system' => (actor.kind === 'system' ? 'system' : actor.role);

/** A signed-in applicant (business or IC operator), who acts for its own organization. */
export const isApplicant = (actor: Actor): boolean => actor.kind === 'user' && isApplicantRole(actor.role);
/** A signed-in officer or leader. */
export const isDepartmentStaff = (actor: Actor): boolean => actor.kind === 'user' && isDepartmentRole(actor.role);
/** A signed-in officer, leader or administrator. */
export const isStaff = (actor: Actor): boolean => actor.kind === 'user' && isStaffRole(actor.role);

/** The administrator of an applicant organization (invites, deactivates, decides who submits). */
export const isOrganizationAdmin = (actor: Actor): boolean => isApplicant(actor) && actor.kind === 'user' && actor.memberRole === 'org_admin';
