import { trusted, type Types } from 'mongoose';
import { UserModel, type Role } from '../auth';
import type { MailLocale } from './mail-format';

/** Who a notify message reaches (src/applications/outbox.ts). */
export type Audience = 'applicant' | 'assignee' | 'leaders';

export interface MailRecipient {
  userId: string;
  name: string;
  address: string;
  locale: MailLocale;
  role: Role;
}

interface UserRow {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: Role;
  locale?: string;
}

const APPLICANT_ROLES: readonly Role[] = ['business', 'ic_operator'];

async function activeUsers(filter: Record<string, unknown>): Promise<MailRecipient[]> {
  const users = await UserModel.find({ ...filter, active: true }, { email: 1, name: 1, role: 1, locale: 1 }).sort({ _id: 1 }).lean<UserRow[]>();
  return users.map((user) => ({ userId: String(user._id), name: user.name, address: user.email, locale: user.locale === 'en' ? 'en' : 'vi', role: user.role }));
}

/**
 * Resolved when the mail is sent, not when the event happened: a user who joined the organization
 * meanwhile is told, one who left is not. A dossier without an assignee is everyone's: all officers.
 */
export async function resolveRecipients(dossier: { organizationId: Types.ObjectId; assigneeId?: Types.ObjectId | null }, to: Audience): Promise<MailRecipient[]> {
  switch (to) {
    case 'applicant':
      return activeUsers({ organizationId: dossier.organizationId, role: trusted({ $in: APPLICANT_ROLES }) });
    case 'assignee': {
      const assigned = dossier.assigneeId ? await activeUsers({ _id: dossier.assigneeId }) : [];
      return assigned.length > 0 ? assigned : activeUsers({ role: 'officer' });
    }
    case 'leaders':
      return activeUsers({ role: 'leader' });
  }
}

/** The active users among these ids (for digests, which are addressed to a person, not an audience). */
export async function resolveUsers(userIds: readonly string[]): Promise<MailRecipient[]> {
  return userIds.length === 0 ? [] : activeUsers({ _id: trusted({ $in: userIds }) });
}

export const isApplicantRole = (role: Role): boolean => APPLICANT_ROLES.includes(role);
