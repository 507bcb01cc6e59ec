import { randomInt } from 'node:crypto';
import type { Types } from 'mongoose';
import { isApplicant, type Actor } from '../auth';
import { allocateSequence, insertIfAbsent } from '../db';
import { notFound } from '../errors';
import { CERTIFICATE_VALIDITY } from './certificate-validity.data';
import { certificateDirectory, certificateOfDossier, noteCertificateWritten } from './certificate-directory';
import { CertificateModel, type CertificateRecord } from './certificate.model';

/** Crockford base32 without look-alikes (no I, L, O, U): easy to read out and type from a printed page. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_PREFIX: Record<string, string> = { green_transformation: 'GT', epr: 'EPR', renewable_energy: 'RE', emissions_reduction: 'GHG' };

function verificationCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export type EffectiveStatus = 'valid' | 'revoked' | 'expired';

export function effectiveStatus(certificate: Pick<CertificateRecord, 'status' | 'expiresAt'>, now: Date): EffectiveStatus {
  if (certificate.status === 'revoked') return 'revoked';
  return certificate.expiresAt && certificate.expiresAt <= now ? 'expired' : 'valid';
}

export interface IssueInput {
  dossierId: Types.ObjectId | string;
  dossierCode: string;
  type: string;
  holderOrganizationId: Types.ObjectId | string;
  holderName: string;
  title: string;
  issuedAt: Date;
}

/** Issues the dossier's certificate once: a second call (a retried outbox message) returns the first. */
export async function issueCertificate(input: IssueInput): Promise<CertificateRecord> {
  const known = await certificateOfDossier(String(input.dossierId));
  if (known) return known;
  const year = input.issuedAt.getUTCFullYear();
  const prefix = CODE_PREFIX[input.type] ?? 'X';
  const sequence = await allocateSequence(`certificate:${prefix}:${year}`, input.issuedAt);
  const validity = CERTIFICATE_VALIDITY[input.type as keyof typeof CERTIFICATE_VALIDITY];
  const expiresAt = validity?.years ? new Date(Date.UTC(year + validity.years, input.issuedAt.getUTCMonth(), input.issuedAt.getUTCDate())) : undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const created = await insertIfAbsent(CertificateModel, {
      ...input,
      number: `${String(sequence).padStart(5, '0')}/${year}/GCN-SCT-${prefix}`,
      verificationCode: verificationCode(),
      expiresAt,
      status: 'valid',
    }).catch((error: unknown) => {
      // A clash on the random code (1 in 32^10) is retried with a new one; anything else is real.
      if ((error as { keyPattern?: Record<string, unknown> }).keyPattern?.verificationCode) return false;
      throw error;
    });
    // Unique on dossierId: whoever inserted first, this is the one certificate (read once per approval).
    const stored = await CertificateModel.findOne({ dossierId: input.dossierId }).lean<CertificateRecord>();
    if (stored) {
      await noteCertificateWritten(stored);
      return stored;
    }
    if (created) break;
  }
  throw new Error(`could not issue a certificate for dossier ${input.dossierCode}`);
}

/** Revokes the dossier's certificate (the revoke outbox message is its one writer); false while none exists yet. */
export async function revokeCertificate(dossierId: string, reasons: string[], at: Date): Promise<boolean> {
  const certificate = await certificateOfDossier(dossierId);
  if (!certificate) return false;
  if (certificate.status !== 'revoked') await CertificateModel.updateOne({ _id: certificate._id }, { $set: { status: 'revoked', revokedAt: at, revokeReasons: reasons } });
  const stored = await CertificateModel.findById(certificate._id).lean<CertificateRecord>();
  if (stored) await noteCertificateWritten(stored);
  return stored?.status === 'revoked';
}

/** What anyone may see when checking a code: enough to trust the paper, nothing more. */
export async function verifyCertificate(code: string, now: Date) {
  const normalized = code.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!/^[0-9A-Z]{10}$/.test(normalized)) throw notFound('Certificate');
  const certificate = (await certificateDirectory()).find('code', normalized);
  if (!certificate) throw notFound('Certificate');
  return presentCertificate(certificate, now);
}

export function presentCertificate(certificate: CertificateRecord, now: Date) {
  return {
    number: certificate.number,
    verificationCode: certificate.verificationCode,
    type: certificate.type,
    holderName: certificate.holderName,
    title: certificate.title,
    dossierCode: certificate.dossierCode,
    issuedAt: certificate.issuedAt,
    expiresAt: certificate.expiresAt ?? null,
    status: effectiveStatus(certificate, now),
    revokedAt: certificate.revokedAt ?? null,
  };
}

const newestFirst = (a: CertificateRecord, b: CertificateRecord) => new Date(b.issuedAt).getTime() - new Date(a.issuedAt).getTime() || a.number.localeCompare(b.number);

/** Every certificate newest first, kept by the directory until one changes (a register page is then a pass, not a sort). */
async function newestFirstAll(): Promise<readonly CertificateRecord[]> {
  return (await certificateDirectory()).derived('newest first', (all) => [...all].sort(newestFirst));
}

/**
 * The certificates valid at `now`, newest first. Validity moves with the clock only when one expires, so the
 * list is kept until a certificate changes or the next expiry in it comes (a register page is then a slice).
 */
let validKept: { version: number; computedAt: number; validUntil: number; list: readonly CertificateRecord[] } | undefined;
async function validNewestFirst(now: Date): Promise<readonly CertificateRecord[]> {
  const directory = await certificateDirectory();
  if (validKept && validKept.version === directory.version && now.getTime() < validKept.validUntil && now.getTime() >= validKept.computedAt) return validKept.list;
  const list = (await newestFirstAll()).filter((c) => effectiveStatus(c, now) === 'valid');
  const validUntil = list.reduce((soonest, c) => (c.expiresAt ? Math.min(soonest, new Date(c.expiresAt).getTime()) : soonest), Infinity);
  validKept = { version: directory.version, validUntil, computedAt: now.getTime(), list };
  return list;
}

/** Text as a search compares it: lower case, Vietnamese marks removed ("Đình Vũ" finds "dinh vu"). */
const searchable = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

export const REGISTER_STATUSES = ['valid', 'expired', 'revoked', 'all'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

export interface RegisterQuery {
  type?: string;
  q?: string;
  /** Valid today unless asked otherwise. */
  status?: RegisterStatus;
  /** Only certificates of these dossiers (the page passes those of one industrial park or cluster). */
  dossierIds?: ReadonlySet<string>;
  page: number;
  pageSize: number;
}

/** The public register, newest first: valid today by default, or expired, revoked or all; by type, dossier set, holder name or number. */
export async function publicRegister(query: RegisterQuery, now: Date) {
  const words = query.q ? searchable(query.q).split(/\s+/).filter(Boolean) : [];
  const matches = (c: CertificateRecord) => words.every((word) => searchable(`${c.holderName} ${c.number}`).includes(word));
  const status = query.status ?? 'valid';
  const candidates = status === 'valid' ? await validNewestFirst(now) : (await newestFirstAll()).filter((c) => status === 'all' || effectiveStatus(c, now) === status);
  const found = candidates.filter(
    (c) => (!query.type || c.type === query.type) && (!query.dossierIds || query.dossierIds.has(String(c.dossierId))) && (words.length === 0 || matches(c)),
  );
  const start = (query.page - 1) * query.pageSize;
  return { total: found.length, page: query.page, pageSize: query.pageSize, items: found.slice(start, start + query.pageSize).map((c) => presentCertificate(c, now)) };
}

/** Certificates an actor may see: applicants their own organization's, staff all. */
export async function listCertificates(actor: Actor, now: Date) {
  const holder = actor.kind === 'user' && isApplicant(actor) ? String(actor.organizationId) : undefined;
  const items = holder ? (await certificateDirectory()).inGroup('holder', holder).sort(newestFirst) : await newestFirstAll();
  return { items: items.slice(0, 500).map((c) => presentCertificate(c, now)) };
}
