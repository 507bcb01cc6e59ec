import { createHash, randomBytes } from 'node:crypto';
import { notFound } from '../errors';
import { AccessTokenModel } from './access-token.model';
import type { Actor } from './actor';
import { predatesDeactivation } from './account-change';
import { checkCredentials, type SignInOptions } from './sign-in-policy';
import { UserModel } from './user.model';
import { DEFAULT_MEMBER_ROLE, isApplicantRole, type MemberRole, type Role } from './roles';

const TOKEN_PREFIX = 'hpg_';
const TOKEN_LIFETIME_DAYS = 90;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function actorFromUser(user: { _id: unknown; role: string; organizationId?: unknown; name: string; memberRole?: string | null }): Actor {
  return {
    kind: 'user',
    userId: String(user._id),
    role: user.role as Role,
    organizationId: user.organizationId ? String(user.organizationId) : undefined,
    name: user.name,
    ...(isApplicantRole(user.role) ? { memberRole: (user.memberRole as MemberRole | undefined) ?? DEFAULT_MEMBER_ROLE } : {}),
  };
}

/** Exchanges e-mail and password for a new token (shown once), under the same sign-in policy as the web form. */
export async function issueAccessToken(input: { email: string; password: string; name: string; ip?: string }, now: Date, options: SignInOptions) {
  const user = await checkCredentials(input, now, options);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const publicId = randomBytes(8).toString('hex');
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_DAYS * 86_400_000);
  await AccessTokenModel.create({ _id: hashToken(token), publicId, userId: user._id, name: input.name, createdAt: now, expiresAt });
  return { token, id: publicId, name: input.name, expiresAt };
}

/**
 * The actor a bearer token stands for, or undefined when it is unknown, revoked, expired, its user inactive, or
 * it was issued before the user's latest deactivation (a reactivation does not bring old tokens back).
 */
export async function actorForToken(token: string, now: Date): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const record = await AccessTokenModel.findById(hashToken(token)).lean();
  if (!record || record.revokedAt || record.expiresAt <= now) return undefined;
  const user = await UserModel.findById(record.userId).lean();
  return user?.active && !predatesDeactivation(user, record.createdAt) ? actorFromUser(user) : undefined;
}

export async function revokeAccessToken(actor: Actor, publicId: string, now: Date): Promise<void> {
  if (actor.kind !== 'user') throw notFound('Token');
  const record = await AccessTokenModel.findOne({ publicId, userId: actor.userId }).lean();
  if (!record) throw notFound('Token');
  await AccessTokenModel.updateOne({ _id: record._id }, { $set: { revokedAt: now } });
}
