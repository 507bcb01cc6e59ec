import { Schema, model } from 'mongoose';
import { insertIfAbsent } from '../db';
import { conflict } from '../errors';
import { ROLES, type Role } from './roles';
import { UserModel } from './user.model';

/** What administrators change on an account; every change logs the whole of it, not just what moved. */
export interface AccountState {
  role: Role;
  active: boolean;
  /** When the account was last deactivated: tokens and sessions from before it stay dead after a reactivation. */
  deactivatedAt?: Date;
}

/** Whether a token or session issued at `issuedAt` predates the account's latest deactivation. */
export const predatesDeactivation = (user: { deactivatedAt?: Date | null }, issuedAt: Date): boolean =>
  Boolean(user.deactivatedAt && issuedAt <= user.deactivatedAt);

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
      state: { role: { type: String, enum: ROLES, required: true }, active: { type: Boolean, required: true }, deactivatedAt: Date },
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
    const { role, active, deactivatedAt } = newest.state;
    await UserModel.updateOne({ _id: userId }, { $set: { role, active, deactivatedAt, accountRevision: newest.revision } });
    known = newest.revision;
  }
}

/**
 * Changes an account's role or active flag through its change log. `change` sees the account as its log says
 * it is and returns the new state (or undefined: nothing to do). A lost race is judged again on the new head.
 */
export async function changeAccount(userId: string, by: string, at: Date, change: (current: AccountState) => AccountState | undefined): Promise<AccountState | undefined> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const user = await UserModel.findById(userId, { role: 1, active: 1, deactivatedAt: 1, accountRevision: 1 }).lean<{ role: Role; active?: boolean; deactivatedAt?: Date; accountRevision?: number }>();
    if (!user) return undefined;
    const cachedRevision = user.accountRevision ?? 0;
    const logged = await newestChange(userId, cachedRevision > 0 ? cachedRevision - 1 : 0);
    const head = logged ?? { revision: cachedRevision, state: { role: user.role, active: user.active ?? true, deactivatedAt: user.deactivatedAt } };
    const changed = change(head.state);
    if (!changed) return head.state;
    const deactivatedAt = head.state.active && !changed.active ? at : head.state.deactivatedAt;
    const next: AccountState = { role: changed.role, active: changed.active, ...(deactivatedAt ? { deactivatedAt } : {}) };
    const inserted = await insertIfAbsent(AccountChangeModel, { _id: changeId(userId, head.revision + 1), userId, revision: head.revision + 1, state: next, at, by });
    if (inserted) {
      await syncAccount(userId, head.revision);
      return next;
    }
  }
  throw conflict('Another administrator changed this account at the same moment; reload and try again.');
}
