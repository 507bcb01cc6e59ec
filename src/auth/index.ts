export { ROLES, APPLICANT_ROLES, DEPARTMENT_ROLES, STAFF_ROLES, isApplicantRole, isDepartmentRole, isStaffRole, type Role } from './roles';
export type { User } from './user.model';
export { hashPassword, verifyPassword } from './password';
export { type Actor, SYSTEM_SCHEDULER, actorRole, isApplicant, isDepartmentStaff, isStaff } from './actor';
export { EVENT_PERMISSIONS, eventDenial, canReadDossier } from './event-permissions';
export { userNamesByIds } from './user-names';
export { assignableOfficers, activeOfficerId } from './officers';
export { activeUsers, type UserContact, type UserSelection } from './user-directory';
export { changeRole, createUser, listUsers, setActive, userRow, type NewUserInput, type UserRow } from './user-admin.service';
