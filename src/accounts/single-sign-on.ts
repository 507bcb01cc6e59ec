import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { Issuer, generators, type BaseClient } from 'openid-client';
import { recordAudit } from '../audit';
import { hashPassword, userByEmail, type AccountUser } from '../auth';
import type { OidcConfig } from '../config';
import { normalizeTaxCode, organizationByTaxCode } from '../organizations';
import { newIds, recordRequest } from './account-request';
import { tellOrganizationAdmins } from './registration.service';

/**
 * Single sign-on by OpenID Connect (authorization code with PKCE, state and nonce), through `openid-client`, the
 * certified relying-party library. The provider is discovered at the first sign-in, not at start, so a provider
 * that is down delays only its own button.
 */
export interface SignOnStart {
  url: string;
  /** Kept in the browser's session until the provider sends the person back. */
  check: { state: string; nonce: string; codeVerifier: string };
}

export type SignOnOutcome =
  | { kind: 'signed_in'; user: AccountUser }
  | { kind: 'join_requested'; organization: string }
  | { kind: 'no_account' }
  | { kind: 'unverified_email' };

let discovered: { issuerUrl: string; client: Promise<BaseClient> } | undefined;

function clientFor(config: OidcConfig, redirectUri: string): Promise<BaseClient> {
  if (!discovered || discovered.issuerUrl !== config.issuerUrl) {
    const client = Issuer.discover(config.issuerUrl).then(
      (issuer) => new issuer.Client({ client_id: config.clientId, client_secret: config.clientSecret, redirect_uris: [redirectUri], response_types: ['code'] }),
    );
    // A failed discovery is tried again at the next sign-in.
    client.catch(() => (discovered = undefined));
    discovered = { issuerUrl: config.issuerUrl, client };
  }
  return discovered.client;
}

export async function startSignOn(config: OidcConfig, redirectUri: string): Promise<SignOnStart> {
  const client = await clientFor(config, redirectUri);
  const check = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
  const url = client.authorizationUrl({ scope: config.scopes, state: check.state, nonce: check.nonce, code_challenge: generators.codeChallenge(check.codeVerifier), code_challenge_method: 'S256' });
  return { url, check };
}

const claimText = (claims: Record<string, unknown>, name: string) => (typeof claims[name] === 'string' ? (claims[name] as string).trim() : undefined);

/**
 * Finishes a sign-on: the provider's answer is checked (state, nonce, PKCE, the ID token's signature), then the
 * person is found by a verified e-mail. Without an account but with the tax code of a registered organization,
 * the person asks to join it (its administrator decides; nothing is created before). Otherwise nothing happens.
 */
export async function finishSignOn(config: OidcConfig, redirectUri: string, params: Record<string, unknown>, check: SignOnStart['check'], now: Date, ip?: string): Promise<SignOnOutcome> {
  const client = await clientFor(config, redirectUri);
  const tokens = await client.callback(redirectUri, params as never, { state: check.state, nonce: check.nonce, code_verifier: check.codeVerifier });
  const claims: Record<string, unknown> = { ...tokens.claims(), ...(tokens.access_token ? await client.userinfo(tokens.access_token).catch(() => ({})) : {}) };
  const email = claimText(claims, config.claims.email)?.toLowerCase();
  const verified = claims[config.claims.emailVerified] === true || claims[config.claims.emailVerified] === 'true';
  const audit = (action: string, label: string) => recordAudit({ at: now, actor: { kind: 'system', name: 'single-sign-on' }, action, target: { kind: 'user', id: String(claims.sub ?? '-'), label }, ip });
  if (!email) return { kind: 'no_account' };
  if (!verified) {
    await audit('account.sso_refused_unverified', email);
    return { kind: 'unverified_email' };
  }
  const user = await userByEmail(email);
  if (user?.active) {
    await audit('account.sso_signed_in', email);
    return { kind: 'signed_in', user };
  }
  if (user) return { kind: 'no_account' };
  const taxCode = normalizeTaxCode(claimText(claims, config.claims.taxCode) ?? '');
  const organization = taxCode ? await organizationByTaxCode(taxCode) : undefined;
  if (!organization) return { kind: 'no_account' };
  // The request's id is the provider's subject for this organization: signing on again asks once.
  const requestId = `sso-${String(claims.sub ?? email)}-${organization.id}`.replace(/[^\w-]/g, '_').slice(0, 120);
  const name = claimText(claims, config.claims.name) ?? email;
  const request = await recordRequest({
    _id: requestId,
    kind: 'join',
    organizationId: new Types.ObjectId(organization.id),
    userId: newIds().userId,
    organization: { name: organization.name, taxCode: organization.taxCode },
    // Signs in with the provider; the password is a random one nobody knows (a reset can set one later).
    person: { name, email, locale: 'vi', passwordHash: await hashPassword(randomBytes(24).toString('base64url')) },
    createdAt: now,
    ...(ip ? { ip } : {}),
  });
  if (request.createdAt.getTime() === now.getTime()) {
    await audit('account.sso_join_requested', email);
    await tellOrganizationAdmins(request, now);
  }
  return { kind: 'join_requested', organization: organization.name };
}
