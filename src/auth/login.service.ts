import { actorFromUser } from './access-token.service';
import type { Actor } from './actor';
import { predatesDeactivation } from './account-change';
import { checkCredentials, type SignInOptions } from './sign-in-policy';
import { UserModel } from './user.model';

export { MAX_FAILURES, LOCKOUT_MINUTES, type SignInOptions } from './sign-in-policy';

/** Browser sign-in: the shared policy (lockout, one vague answer), then the actor with their language. */
export async function signIn(input: { email: string; password: string; ip?: string }, now: Date, options: SignInOptions): Promise<Actor & { locale?: string }> {
  const user = await checkCredentials(input, now, options);
  return { ...actorFromUser(user), locale: user.locale };
}

/** What a session stores: the user id and when they signed in (older sessions stored the id alone). */
export type SessionUser = { id: string; signedInAt: number } | string;

/**
 * Every request reloads the user, so a deactivation takes effect at once; a session from before the latest
 * deactivation stays dead after a reactivation.
 */
export async function actorForSession(stored: SessionUser): Promise<(Actor & { locale?: string }) | undefined> {
  const { id, signedInAt } = typeof stored === 'string' ? { id: stored, signedInAt: 0 } : stored;
  const user = await UserModel.findById(id).lean().catch(() => null);
  if (!user?.active || predatesDeactivation(user, new Date(signedInAt))) return undefined;
  return { ...actorFromUser(user), locale: user.locale };
}

/** Password policy: at least 12 characters with letters and digits, and not built on the e-mail name. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('at least 12 characters');
  if (!/[A-Za-zÀ-ỹ]/.test(password) || !/\d/.test(password)) problems.push('both letters and digits');
  const name = email.split('@')[0]?.toLowerCase() ?? '';
  if (name.length >= 4 && password.toLowerCase().includes(name)) problems.push('not containing your e-mail name');
  return problems;
}
