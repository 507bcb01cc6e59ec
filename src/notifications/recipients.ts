import type { Types } from 'mongoose';
import { activeUsers as activeContacts, APPLICANT_ROLES, type Role, type UserSelection } from '../auth';
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

async function activeUsers(selection: UserSelection): Promise<MailRecipient[]> {
  const users = await activeContacts(selection);
  return users.map((user) => ({ userId: user.userId, name: user.name, address: user.email, locale: user.locale === 'en' ? 'en' : 'vi', role: user.role }));
}

/**
 * Resolved when the mail is sent, not when the event happened: a user who joined the organization
 * meanwhile is told, one who left is not. A dossier without an assignee is everyone's: all officers.
 */
export async function resolveRecipients(dossier: { organizationId: Types.ObjectId; assigneeId?: Types.ObjectId | null }, to: Audience): Promise<MailRecipient[]> {
  switch (to) {
    case 'applicant':
      return activeUsers({ organizationId: String(dossier.organizationId), roles: APPLICANT_ROLES });
    case 'assignee': {
      const assigned = dossier.assigneeId ? await activeUsers({ ids: [String(dossier.assigneeId)] }) : [];
      return assigned.length > 0 ? assigned : activeUsers({ role: 'officer' });
    }
    case 'leaders':
      return activeUsers({ role: 'leader' });
  }
}

/** The active users among these ids (for digests, which are addressed to a person, not an audience). */
export async function resolveUsers(userIds: readonly string[]): Promise<MailRecipient[]> {
  return userIds.length === 0 ? [] : activeUsers({ ids: userIds });
}
