import { trusted } from 'mongoose';
import { AppError, unauthenticated } from '../errors';
import { actorFromUser } from './access-token.service';
import type { Actor } from './actor';
import { LoginAttemptModel } from './login-attempt.model';
import { verifyPassword } from './password';
import { UserModel } from './user.model';

export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

/** Minutes until an e-mail may try again, or 0. Counts failures since the last success within the window. */
async function lockedMinutes(email: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000);
  const lastSuccess = await LoginAttemptModel.findOne({ email, ok: true }).sort({ at: -1 }).lean();
  const since = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const failures = await LoginAttemptModel.find({ email, ok: false, at: trusted({ $gt: since }) }).sort({ at: -1 }).limit(MAX_FAILURES).lean();
  if (failures.length < MAX_FAILURES) return 0;
  const unlockAt = failures[0]!.at.getTime() + LOCKOUT_MINUTES * 60_000;
  return Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
}

/**
 * Checks e-mail and password. Wrong credentials get one vague answer (no hint whether the e-mail exists);
 * after MAX_FAILURES failures the e-mail is locked for LOCKOUT_MINUTES, said plainly.
 */
export async function signIn(input: { email: string; password: string; ip?: string }, now: Date): Promise<Actor & { locale?: string }> {
  const email = input.email.trim().toLowerCase();
  const minutes = await lockedMinutes(email, now);
  if (minutes > 0) {
    throw new AppError('rate_limited', 'Account temporarily locked', {
      detail: `Too many failed sign-ins. Try again in ${minutes} minute(s).`,
      extensions: { retryAfterMinutes: minutes },
    });
  }
  const user = await UserModel.findOne({ email }).lean();
  const ok = Boolean(user?.active) && (await verifyPassword(user!.passwordHash, input.password));
  await LoginAttemptModel.create({ email, ok, at: now, ip: input.ip });
  if (!ok || !user) throw unauthenticated('E-mail or password is wrong.');
  return { ...actorFromUser(user), locale: user.locale };
}

/** What a session stores is the user id; every request reloads the user so a deactivation takes effect at once. */
export async function actorForSession(userId: string): Promise<(Actor & { locale?: string }) | undefined> {
  const user = await UserModel.findById(userId).lean().catch(() => null);
  return user?.active ? { ...actorFromUser(user), locale: user.locale } : undefined;
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
