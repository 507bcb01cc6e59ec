/** Everyone who can sign in has exactly one role; the anonymous public has none. */
export const ROLES = ['business', 'ic_operator', 'officer', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role groups, defined once: every route table, page, service and mail audience imports these, so a new
 * role is placed in one line.
 */
/** Who files dossiers and petitions for their own organization. */
export const APPLICANT_ROLES = ['business', 'ic_operator'] as const satisfies readonly Role[];
/** The department's people who work dossiers and petitions: officers and leaders (not administrators). */
export const DEPARTMENT_ROLES = ['officer', 'leader'] as const satisfies readonly Role[];
/** Everyone on the department's side, administrators included: they see every organization's dossiers. */
export const STAFF_ROLES = ['officer', 'leader', 'admin'] as const satisfies readonly Role[];

const within = (group: readonly Role[]) => (role: Role | string): boolean => (group as readonly string[]).includes(role);
export const isApplicantRole = within(APPLICANT_ROLES);
export const isDepartmentRole = within(DEPARTMENT_ROLES);
export const isStaffRole = within(STAFF_ROLES);

/**
 * What a person does inside an applicant organization (a second dimension beside the role): the
 * organization administrator invites and deactivates colleagues and decides who submits; a submitter files
 * and submits; a preparer drafts and uploads but never submits, resubmits or withdraws.
 */
export const MEMBER_ROLES = ['org_admin', 'submitter', 'preparer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
/** An applicant account made before organization administrators existed files and submits as before. */
export const DEFAULT_MEMBER_ROLE: MemberRole = 'submitter';
