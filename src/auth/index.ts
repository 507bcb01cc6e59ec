export { ROLES, type Role } from './roles';
export { UserModel, type User } from './user.model';
export { hashPassword, verifyPassword } from './password';
