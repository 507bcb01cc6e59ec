import { randomBytes } from 'node:crypto';
import { trusted } from 'mongoose';
import { AppError, unauthenticated } from '../errors';
import { LoginAttemptModel } from './login-attempt.model';
import { hashPassword, verifyPassword } from './password';
import { UserModel } from './user.model';

export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export interface SignInOptions {
  /** Production: demo accounts (marked `demo` by the seed) may not sign in, whatever their password. */
  refuseDemoUsers: boolean;
}

/**
 * A hash of a random password, made once. An unknown or inactive e-mail is verified against it, so every
 * attempt costs one argon2 verification and the answer time does not tell whether an account exists.
 */
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(24).toString('base64url')));

/** Makes the dummy hash ahead of the first attempt, which would otherwise take longer and tell. */
export const prepareSignIn = (): void => void dummyPasswordHash();

/** Attempts are kept this long, then pruned by the maintenance sweep: lockout reads only the last 15 minutes. */
const ATTEMPT_RETENTION_MS = 60 * 60_000;

/**
 * Removes attempts older than an hour, so the lockout's reads (which FerretDB answers by decoding the whole
 * collection) cost what the last hour of sign-ins holds, not every sign-in ever.
 */
export async function pruneSignInAttempts(now: Date): Promise<number> {
  const { deletedCount } = await LoginAttemptModel.deleteMany({ at: trusted({ $lt: new Date(now.getTime() - ATTEMPT_RETENTION_MS) }) });
  return deletedCount;
}

/** The failures since the last success within the window, newest first (at most MAX_FAILURES + 1). */
async function recentFailures(email: string, now: Date): Promise<{ at: Date }[]> {
  const windowStart = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000);
  const lastSuccess = await LoginAttemptModel.findOne({ email, ok: true }).sort({ at: -1 }).lean();
  const since = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  return LoginAttemptModel.find({ email, ok: false, at: trusted({ $gt: since }) }).sort({ at: -1 }).limit(MAX_FAILURES + 1).lean();
}

function accountLocked(failures: { at: Date }[], now: Date): AppError {
  const unlockAt = failures[0]!.at.getTime() + LOCKOUT_MINUTES * 60_000;
  const minutes = Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
  return new AppError('rate_limited', 'Account temporarily locked', {
    detail: `Too many failed sign-ins. Try again in ${minutes} minute(s).`,
    extensions: { retryAfterMinutes: minutes },
  });
}

/**
 * The one sign-in policy, for the web form and the API token alike: after MAX_FAILURES failures (counted
 * together, per e-mail) the e-mail is locked for LOCKOUT_MINUTES, said plainly; wrong credentials, unknown,
 * inactive and (in production) demo accounts all get one vague answer after the same work. Returns the user.
 */
export async function checkCredentials(input: { email: string; password: string; ip?: string }, now: Date, options: SignInOptions) {
  const email = input.email.trim().toLowerCase();
  // A locked e-mail is refused without recording the attempt, so retrying does not push the unlock time back.
  const before = await recentFailures(email, now);
  if (before.length >= MAX_FAILURES) throw accountLocked(before, now);
  // Each attempt is an insert (counters race on FerretDB), made before the password is checked: parallel
  // guesses each see the others, so no more than MAX_FAILURES of them are ever verified.
  await LoginAttemptModel.create({ email, ok: false, at: now, ip: input.ip });
  const counted = await recentFailures(email, now);
  if (counted.length > MAX_FAILURES) throw accountLocked(counted, now);

  const user = await UserModel.findOne({ email }).lean();
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const allowed = passwordOk && user?.active === true && !(options.refuseDemoUsers && user.demo);
  if (!allowed || !user) throw unauthenticated('E-mail or password is wrong.');
  // A success ends the failure run; the attempt recorded above has the same instant, so it is not counted.
  await LoginAttemptModel.create({ email, ok: true, at: now, ip: input.ip });
  return user;
}
