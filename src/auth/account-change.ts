import { Schema, model } from 'mongoose';
import { insertIfAbsent } from '../db';
import { conflict } from '../errors';
import { MEMBER_ROLES, ROLES, type MemberRole, type Role } from './roles';
import { UserModel } from './user.model';

/** What administrators change on an account; every change logs the whole of it, not just what moved. */
export interface AccountState {
  role: Role;
  active: boolean;
  /** When the account was last deactivated: tokens and sessions from before it stay dead after a reactivation. */
  deactivatedAt?: Date;
  /** The rest of what the account holds, changed by its owner or an organization administrator, through the same log. */
  memberRole?: MemberRole;
  passwordHash?: string;
  passwordChangedAt?: Date;
  email?: string;
  emailVerifiedAt?: Date;
  name?: string;
  phone?: string;
  position?: string;
  locale?: 'vi' | 'en';
}

/** Every field of the state, as stored on the user document. */
const STATE_FIELDS = ['role', 'active', 'deactivatedAt', 'memberRole', 'passwordHash', 'passwordChangedAt', 'email', 'emailVerifiedAt', 'name', 'phone', 'position', 'locale'] as const;
const pickState = (source: Record<string, unknown>): AccountState =>
  Object.fromEntries(STATE_FIELDS.filter((field) => source[field] !== undefined && source[field] !== null).map((field) => [field, source[field]])) as unknown as AccountState;

/** Whether a token or session issued at `issuedAt` predates the account's latest deactivation or password change. */
export const predatesDeactivation = (user: { deactivatedAt?: Date | null; passwordChangedAt?: Date | null }, issuedAt: Date): boolean =>
  Boolean((user.deactivatedAt && issuedAt <= user.deactivatedAt) || (user.passwordChangedAt && issuedAt <= user.passwordChangedAt));

/**
 * The account change log: one document per change, `_id` = "<user id>:<revision>" (the insert is the lock).
 * FerretDB rewrites a whole document on every update, so two administrators changing one account (a role here,
 * a deactivation there) would race: the later write could bring back what the earlier removed, and a
 * deactivation could silently come undone. Each entry holds the whole account state after it, so whoever
 * writes the newest entry onto the user document writes the truth, whatever it read before.
 */
const AccountChangeModel = model(
  'AccountChange',
  new Schema(
    {
      _id: String,
      userId: { type: String, required: true },
      revision: { type: Number, required: true },
      state: {
        role: { type: String, enum: ROLES, required: true },
        active: { type: Boolean, required: true },
        deactivatedAt: Date,
        memberRole: { type: String, enum: MEMBER_ROLES },
        passwordHash: String,
        passwordChangedAt: Date,
        email: String,
        emailVerifiedAt: Date,
        name: String,
        phone: String,
        position: String,
        locale: String,
      },
      at: { type: Date, required: true },
      by: String,
    },
    { versionKey: false },
  ),
);

const changeId = (userId: string, revision: number) => `${userId}:${String(revision).padStart(6, '0')}`;

async function newestChange(userId: string, from: number) {
  let newest: { revision: number; state: AccountState } | undefined;
  for (let revision = from + 1; ; revision++) {
    const next = await AccountChangeModel.findById(changeId(userId, revision)).lean<{ revision: number; state: AccountState }>();
    if (!next) return newest;
    newest = next;
  }
}

/** Writes the newest logged state onto the user document, repeating until no newer entry appears. */
async function syncAccount(userId: string, from: number): Promise<void> {
  let known = from;
  for (let attempt = 0; attempt < 20; attempt++) {
    const newest = await newestChange(userId, known);
    if (!newest) return;
    await UserModel.updateOne({ _id: userId }, { $set: { ...pickState(newest.state as unknown as Record<string, unknown>), accountRevision: newest.revision } });
    known = newest.revision;
  }
}

/**
 * Changes an account's role or active flag through its change log. `change` sees the account as its log says
 * it is and returns the new state (or undefined: nothing to do). A lost race is judged again on the new head.
 */
export async function changeAccount(userId: string, by: string, at: Date, change: (current: AccountState) => AccountState | undefined): Promise<AccountState | undefined> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const user = await UserModel.findById(userId).lean<Record<string, unknown> & { accountRevision?: number }>();
    if (!user) return undefined;
    const cachedRevision = user.accountRevision ?? 0;
    const logged = await newestChange(userId, cachedRevision > 0 ? cachedRevision - 1 : 0);
    // An entry from before the log held the whole account (role and flag only) is completed from the document.
    const head = logged
      ? { revision: logged.revision, state: { ...pickState(user), ...pickState(logged.state as unknown as Record<string, unknown>) } }
      : { revision: cachedRevision, state: { ...pickState(user), active: (user.active as boolean | undefined) ?? true } };
    const changed = change(head.state);
    if (!changed) return head.state;
    const deactivatedAt = head.state.active && !changed.active ? at : head.state.deactivatedAt;
    const next: AccountState = { ...pickState(changed as unknown as Record<string, unknown>), ...(deactivatedAt ? { deactivatedAt } : {}) };
    const inserted = await insertIfAbsent(AccountChangeModel, { _id: changeId(userId, head.revision + 1), userId, revision: head.revision + 1, state: next, at, by });
    if (inserted) {
      await syncAccount(userId, head.revision);
      return next;
    }
  }
  throw conflict('Another administrator changed this account at the same moment; reload and try again.');
}
