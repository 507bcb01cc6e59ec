import { trusted, type Types } from 'mongoose';
import type { Role } from './roles';
import { UserModel } from './user.model';

/** How to reach an active user: what mail needs. */
export interface UserContact {
  userId: string;
  name: string;
  email: string;
  locale?: string;
  role: Role;
}

/** Which active users: these ids, or an organization's users in some roles, or everyone in one role. */
export type UserSelection = { ids: readonly string[] } | { organizationId: string; roles: readonly Role[] } | { role: Role };

function filterOf(selection: UserSelection): Record<string, unknown> {
  if ('ids' in selection) return selection.ids.length === 1 ? { _id: selection.ids[0] } : { _id: trusted({ $in: selection.ids }) };
  if ('organizationId' in selection) return { organizationId: selection.organizationId, role: trusted({ $in: selection.roles }) };
  return { role: selection.role };
}

/** The active users of a selection, oldest account first (users are few: hundreds, not thousands). */
export async function activeUsers(selection: UserSelection): Promise<UserContact[]> {
  if ('ids' in selection && selection.ids.length === 0) return [];
  const users = await UserModel.find({ ...filterOf(selection), active: true }, { email: 1, name: 1, role: 1, locale: 1 })
    .sort({ _id: 1 })
    .lean<{ _id: Types.ObjectId; email: string; name: string; role: Role; locale?: string }[]>();
  return users.map((user) => ({ userId: String(user._id), name: user.name, email: user.email, locale: user.locale, role: user.role }));
}

/** A signer's name and position as the Department's documents print them (active or not: a document outlives an account). */
export async function signerOf(userId: string): Promise<{ name: string; position?: string } | undefined> {
  const user = await UserModel.findById(userId, { name: 1, position: 1 }).lean<{ name: string; position?: string }>().catch(() => null);
  return user ? { name: user.name, ...(user.position ? { position: user.position } : {}) } : undefined;
}
