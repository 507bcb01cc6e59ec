export { ROLES, type Role } from './roles';
export { UserModel, type User } from './user.model';
export { hashPassword, verifyPassword } from './password';
export { type Actor, SYSTEM_SCHEDULER, actorRole } from './actor';
export { EVENT_PERMISSIONS, eventDenial, canReadDossier } from './event-permissions';
export { userNamesByIds } from './user-names';
export { assignableOfficers } from './officers';
