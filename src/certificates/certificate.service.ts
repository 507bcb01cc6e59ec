import { randomInt } from 'node:crypto';
import type { Types } from 'mongoose';
import type { Actor } from '../auth';
import { allocateSequence, insertIfAbsent } from '../db';
import { notFound } from '../errors';
import { CERTIFICATE_VALIDITY } from './certificate-validity.data';
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
  const existing = await CertificateModel.findOne({ dossierId: input.dossierId }).lean<CertificateRecord>();
  if (existing) return existing;
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
    const stored = await CertificateModel.findOne({ dossierId: input.dossierId }).lean<CertificateRecord>();
    if (stored) return stored;
    if (created) break;
  }
  throw new Error(`could not issue a certificate for dossier ${input.dossierCode}`);
}

export async function revokeCertificate(dossierId: string, reasons: string[], at: Date): Promise<void> {
  await CertificateModel.updateOne({ dossierId, status: 'valid' }, { $set: { status: 'revoked', revokedAt: at, revokeReasons: reasons } });
}

/** What anyone may see when checking a code: enough to trust the paper, nothing more. */
export async function verifyCertificate(code: string, now: Date) {
  const normalized = code.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!/^[0-9A-Z]{10}$/.test(normalized)) throw notFound('Certificate');
  const certificate = await CertificateModel.findOne({ verificationCode: normalized }).lean<CertificateRecord>();
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

/** The public register: certificates valid today, newest first. */
export async function publicRegister(query: { type?: string; page: number; pageSize: number }, now: Date) {
  const filter: Record<string, unknown> = { status: 'valid' };
  if (query.type) filter.type = query.type;
  const items = await CertificateModel.find(filter).sort({ issuedAt: -1 }).lean<CertificateRecord[]>();
  const valid = items.filter((c) => effectiveStatus(c, now) === 'valid');
  const start = (query.page - 1) * query.pageSize;
  return { total: valid.length, page: query.page, pageSize: query.pageSize, items: valid.slice(start, start + query.pageSize).map((c) => presentCertificate(c, now)) };
}

/** Certificates an actor may see: applicants their own organization's, staff all. */
export async function listCertificates(actor: Actor, now: Date) {
  const filter = actor.kind === 'user' && (actor.role === 'business' || actor.role === 'ic_operator') ? { holderOrganizationId: actor.organizationId } : {};
  const items = await CertificateModel.find(filter).sort({ issuedAt: -1 }).limit(500).lean<CertificateRecord[]>();
  return { items: items.map((c) => presentCertificate(c, now)) };
}
