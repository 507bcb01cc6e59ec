import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { insertIfAbsent } from '../db';

/** What a link in an account mail is for; each purpose has its own lifetime. */
export const TOKEN_PURPOSES = {
  verify_registration: 48 * 60 * 60_000,
  password_reset: 60 * 60_000,
  invitation: 7 * 24 * 60 * 60_000,
  verify_email_change: 48 * 60 * 60_000,
} as const;
export type TokenPurpose = keyof typeof TOKEN_PURPOSES;

/**
 * A single-use link's record: `_id` is the token's public half, `tokenHash` the SHA-256 of the whole token
 * (never the token itself). The secret half is an HMAC of the id under the server's secret, so the mail job
 * can write the link again from the id alone and a copy of the database opens nothing.
 */
const AccountTokenModel = model(
  'AccountToken',
  new Schema(
    {
      _id: String,
      purpose: { type: String, required: true },
      tokenHash: { type: String, required: true },
      subject: { type: String, required: true },
      data: { type: Schema.Types.Mixed, default: {} },
      createdAt: { type: Date, required: true },
      expiresAt: { type: Date, required: true },
    },
    { versionKey: false, minimize: false },
  ),
  'account_tokens',
);

/** A use of a token: the insert on its id is the lock, so a link works once even if two tabs open it together. */
const AccountTokenUseModel = model('AccountTokenUse', new Schema({ _id: String, usedAt: { type: Date, required: true } }, { versionKey: false }), 'account_token_uses');

export interface AccountTokenRecord {
  _id: string;
  purpose: TokenPurpose;
  subject: string;
  data: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const macOf = (secret: string, id: string, purpose: string) => createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');

/** The link token of a record: `<id>.<mac>`; only the server's secret makes it. */
export const tokenFor = (secret: string, id: string, purpose: TokenPurpose) => `${id}.${macOf(secret, id, purpose)}`;

/** Makes a token for `subject` (an e-mail or a user id) and stores its record; answers the record's id. */
export async function issueToken(secret: string, input: { purpose: TokenPurpose; subject: string; data?: Record<string, unknown> }, now: Date): Promise<string> {
  const id = randomBytes(16).toString('hex');
  const expiresAt = new Date(now.getTime() + TOKEN_PURPOSES[input.purpose]);
  await AccountTokenModel.create({ _id: id, purpose: input.purpose, tokenHash: sha256(tokenFor(secret, id, input.purpose)), subject: input.subject, data: input.data ?? {}, createdAt: now, expiresAt });
  return id;
}

export type TokenProblem = 'invalid' | 'expired' | 'used';

/** Reads a presented token without using it (a form shows first, then posts): its record or why it cannot serve. */
export async function readToken(secret: string, token: string, purpose: TokenPurpose, now: Date): Promise<{ record: AccountTokenRecord } | { problem: TokenProblem }> {
  const [id = '', mac = ''] = token.split('.');
  if (!/^[0-9a-f]{32}$/.test(id) || !mac) return { problem: 'invalid' };
  const expected = Buffer.from(macOf(secret, id, purpose));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { problem: 'invalid' };
  const record = await AccountTokenModel.findById(id).lean<AccountTokenRecord & { tokenHash: string }>();
  if (!record || record.purpose !== purpose || record.tokenHash !== sha256(token)) return { problem: 'invalid' };
  if (await AccountTokenUseModel.exists({ _id: id })) return { problem: 'used' };
  if (record.expiresAt.getTime() <= now.getTime()) return { problem: 'expired' };
  return { record };
}

/** Uses a token once: the first caller gets its record, any other (or a late one) learns why not. */
export async function useToken(secret: string, token: string, purpose: TokenPurpose, now: Date): Promise<{ record: AccountTokenRecord } | { problem: TokenProblem }> {
  const read = await readToken(secret, token, purpose, now);
  if ('problem' in read) return read;
  return (await insertIfAbsent(AccountTokenUseModel, { _id: read.record._id, usedAt: now })) ? read : { problem: 'used' };
}

/** Ends every open token of a subject for a purpose (a password change ends older reset links). */
export async function retireTokens(subject: string, purpose: TokenPurpose, now: Date): Promise<void> {
  const open = await AccountTokenModel.find({ subject, purpose }, { _id: 1 }).lean<{ _id: string }[]>();
  for (const { _id } of open) await insertIfAbsent(AccountTokenUseModel, { _id, usedAt: now });
}
