import { recordAudit } from '../audit';
import { hashPassword, userByEmail, userById } from '../auth';
import { changeAccount } from '../auth/account-change';
import { passwordProblems } from '../auth/login.service';
import { validationFailed } from '../errors';
import { queueAccountMail } from './account-mail';
import { issueToken, readToken, retireTokens, useToken, type TokenProblem } from './account-token';
import type { AccountDeps } from './registration.service';

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account (the page says
 * "if an account exists, a link is on its way"), so the form cannot be used to learn who is registered.
 */
export async function requestPasswordReset(emailInput: string, deps: AccountDeps, ip?: string): Promise<void> {
  const email = emailInput.trim().toLowerCase();
  const found = await userByEmail(email);
  const user = found?.active ? found : undefined;
  const now = deps.now();
  await recordAudit({ at: now, actor: { kind: 'system', name: 'password-reset' }, action: 'account.password_reset_requested', target: { kind: 'user', id: user ? user.id : '-', label: user ? email : 'unknown address' }, ip });
  if (!user) return;
  const tokenId = await issueToken(deps.secret, { purpose: 'password_reset', subject: user.id }, now);
  await queueAccountMail({ key: tokenId, template: 'password_reset', to: { address: email, name: user.name, locale: user.locale, userId: user.id }, token: { id: tokenId, purpose: 'password_reset' } }, now);
}

/** Whether a reset link can still serve (the form is shown only then). */
export async function checkResetLink(token: string, deps: AccountDeps): Promise<TokenProblem | undefined> {
  const read = await readToken(deps.secret, token, 'password_reset', deps.now());
  return 'problem' in read ? read.problem : undefined;
}

/**
 * Sets a new password from a reset link: the policy is checked before the link is spent; then the link is used
 * once, the password changes through the account's change log, and every session, API key and other reset
 * link of the account ends. The sign-in lockout is left as it is.
 */
export async function resetPassword(token: string, password: string, deps: AccountDeps, ip?: string): Promise<{ problem?: TokenProblem }> {
  const now = deps.now();
  const read = await readToken(deps.secret, token, 'password_reset', now);
  if ('problem' in read) return { problem: read.problem };
  const userId = read.record.subject;
  const user = await userById(userId);
  if (!user) return { problem: 'invalid' };
  if (passwordProblems(password, user.email).length) throw validationFailed([{ field: 'password', message: 'accounts.errors.weakPassword', messageKey: 'accounts.errors.weakPassword' }]);
  const used = await useToken(deps.secret, token, 'password_reset', now);
  if ('problem' in used) return { problem: used.problem };
  const passwordHash = await hashPassword(password);
  await changeAccount(userId, userId, now, (current) => ({ ...current, passwordHash, passwordChangedAt: now }));
  await retireTokens(userId, 'password_reset', now);
  await recordAudit({ at: now, actor: { kind: 'system', name: 'password-reset' }, action: 'account.password_reset', target: { kind: 'user', id: userId, label: user.email }, ip });
  return {};
}
