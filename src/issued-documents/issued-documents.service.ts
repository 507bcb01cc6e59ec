import { createHash } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { dossierSummary, findDossierSummaries, lastDecision, type OutboxMessage } from '../applications';
import { findProcedure } from '../applications/procedures';
import { signerOf } from '../auth';
import { certificateDirectory, certificateOfDossier, effectiveStatus, type CertificateRecord } from '../certificates';
import { allocateSequence, insertIfAbsent, type OneTimePass } from '../db';
import { citationIn } from '../i18n';
import { DURABLE_RETRY, scheduleJob, type JobHandler } from '../jobs';
import { organizationHolder } from '../organizations';
import { checkSignedPdf, signPdf, type SigningKey } from '../signing';
import { certificateContent, decisionNumber, refusalContent, revocationContent, type DocumentFacts, type IssuedKind } from './document-content';
import { documentPdf } from './document-pdf';

/**
 * The signed result documents: one per dossier and kind, `_id` = `<kind>:<dossier id>`, inserted once (the insert
 * decides between two racing signers). The record is small, so pages that list a dossier's documents decode only
 * it (FerretDB decodes a whole document on every read); the bytes, as issued, are in `issued_document_files` under
 * `<document id>/<sha256>`, which the record names. Revocation and expiry change the register, never the document.
 */
const IssuedDocumentModel = model(
  'IssuedDocument',
  new Schema(
    {
      _id: String,
      kind: { type: String, required: true },
      dossierId: { type: String, required: true },
      number: { type: String, required: true },
      title: String,
      sha256: { type: String, required: true },
      fileId: { type: String, required: true },
      signer: { commonName: String, organization: String },
      development: Boolean,
      issuedAt: Date,
      verificationCode: String,
    },
    { versionKey: false },
  ),
  'issued_documents',
);

/** The bytes of each signed PDF (a racing signer that lost leaves its file unnamed by any record). */
const IssuedFileModel = model('IssuedFile', new Schema({ _id: String, pdf: { type: Buffer, required: true } }, { versionKey: false }), 'issued_document_files');

/** The register of issued files by their SHA-256 (`_id`), so an uploaded PDF is found by one `_id` read. */
const IssuedHashModel = model('IssuedHash', new Schema({ _id: String, documentId: String }, { versionKey: false }), 'issued_document_hashes');

interface IssuedRecord {
  _id: string;
  kind: IssuedKind;
  dossierId: string;
  number: string;
  title?: string;
  sha256: string;
  fileId: string;
  signer: { commonName: string; organization: string };
  development: boolean;
  issuedAt: Date;
  verificationCode?: string;
}

export const SIGN_DOCUMENT_JOB = 'sign-document';
const documentId = (kind: IssuedKind, dossierId: string) => `${kind}:${dossierId}`;

/** The outbox deliverer of `issue_document`: the signing job, booked once per document. */
export function documentDeliverer(now: () => Date): (message: OutboxMessage) => Promise<void> {
  return async (message) => {
    if (message.kind !== 'issue_document') return;
    await scheduleDocument({ kind: message.payload.document, dossierId: message.payload.dossierId }, now());
  };
}

/**
 * Results given before signed documents existed get theirs once per installation (a one-time pass at start): the
 * certificates, the revocations and the refusals already in the register and the read model. Booked as the same
 * keyed jobs the outbox books, so a document already signed or booked is left alone.
 */
export function issuedDocumentPasses(now: () => Date): OneTimePass[] {
  return [
    {
      key: 'issued-documents:results-before-signing-v1',
      async run() {
        let booked = 0;
        for (const certificate of (await certificateDirectory()).all()) {
          await scheduleDocument({ kind: 'certificate', dossierId: String(certificate.dossierId) }, now());
          booked++;
          if (certificate.status === 'revoked') {
            await scheduleDocument({ kind: 'revocation', dossierId: String(certificate.dossierId) }, now());
            booked++;
          }
        }
        for (const refused of await findDossierSummaries({ state: 'rejected' }, now())) {
          await scheduleDocument({ kind: 'refusal', dossierId: String(refused._id) }, now());
          booked++;
        }
        return booked;
      },
    },
  ];
}

/** Books the signing job (durable, keyed by the document): approval itself never waits for a signature. */
export async function scheduleDocument(owed: { kind: IssuedKind; dossierId: string }, now: Date): Promise<void> {
  await scheduleJob({ key: `${SIGN_DOCUMENT_JOB}:${documentId(owed.kind, owed.dossierId)}`, name: SIGN_DOCUMENT_JOB, dueAt: now, payload: owed, retry: DURABLE_RETRY });
}

async function factsOf(kind: IssuedKind, dossierId: string, certificate: CertificateRecord | undefined): Promise<DocumentFacts> {
  const summary = await dossierSummary(dossierId);
  if (!summary) throw new Error(`dossier ${dossierId} is not in the read model yet`);
  const decisionEvents = kind === 'certificate' ? ['APPROVE'] : kind === 'refusal' ? ['REJECT'] : ['REVOKE'];
  const [holder, logged] = await Promise.all([organizationHolder(summary.organizationId), lastDecision(dossierId, decisionEvents)]);
  // A certificate issued before its approval went through the log (an imported history) is still documented.
  const decision = logged ?? (certificate && kind === 'certificate' ? { at: new Date(certificate.issuedAt), by: {}, reasons: [] } : undefined);
  if (!holder || !decision) throw new Error(`the holder or the ${decisionEvents[0]} entry of dossier ${dossierId} is not found`);
  const signer = (decision.by.userId ? await signerOf(decision.by.userId) : undefined) ?? { name: decision.by.name ?? 'Lãnh đạo Sở' };
  const procedure = findProcedure(summary.type);
  return {
    type: summary.type,
    procedureName: procedure.name_vi,
    legalBasis: citationIn(procedure.legalBasis, 'vi'),
    dossier: { code: summary.code, title: summary.title, ...(summary.nationalCode ? { nationalCode: summary.nationalCode } : {}), ...(summary.industrialComplexCode ? { industrialComplexCode: summary.industrialComplexCode } : {}) },
    holder: { name: holder.name, taxCode: holder.taxCode },
    report: summary.report ?? {},
    decision: { at: decision.at, reasons: decision.reasons, signer },
    ...(certificate ? { certificate: { number: certificate.number, issuedAt: new Date(certificate.issuedAt), verificationCode: certificate.verificationCode, ...(certificate.expiresAt ? { expiresAt: new Date(certificate.expiresAt) } : {}) } } : {}),
  };
}

let configured: SigningKey | undefined;
/** Set once by the composition root (and tests): the key uploads are checked against. */
export function configureSigningKey(key: SigningKey): void {
  configured = key;
}
export function signingKeyInUse(): SigningKey {
  if (!configured) throw new Error('no signing key configured (startApplication or the test setup sets it)');
  return configured;
}

export interface DocumentDeps {
  key: SigningKey;
  baseUrl: string;
  now: () => Date;
}

/**
 * Renders, signs and keeps one document, once. A certificate (or its revocation) waits for the certificate record
 * (the job is retried); the document's number is the certificate's, or the next decision number of the year.
 */
export async function issueDocument(kind: IssuedKind, dossierId: string, deps: DocumentDeps): Promise<IssuedDocumentView> {
  const id = documentId(kind, dossierId);
  const existing = await IssuedDocumentModel.findById(id).lean<IssuedRecord>();
  if (existing) return viewOf(existing);
  const certificate = kind === 'refusal' ? undefined : await certificateOfDossier(dossierId);
  if (kind !== 'refusal' && !certificate) throw new Error(`no certificate of dossier ${dossierId} yet`);
  const facts = await factsOf(kind, dossierId, certificate);
  const signedAt = deps.now();
  const content =
    kind === 'certificate'
      ? certificateContent(facts)
      : (kind === 'refusal' ? refusalContent : revocationContent)(facts, decisionNumber(await allocateSequence(`decision:${facts.decision.at.getUTCFullYear()}`, signedAt), facts.decision.at));
  const verification = certificate ? { code: certificate.verificationCode, url: `${deps.baseUrl}/certificates/verify?code=${encodeURIComponent(certificate.verificationCode)}` } : undefined;
  const unsigned = await documentPdf(content, { development: deps.key.development, createdAt: signedAt, ...(verification ? { verification } : {}) });
  const pdf = await signPdf(unsigned, deps.key, { reason: `${content.documentType} ${content.number}`, location: 'Hải Phòng', contactInfo: deps.baseUrl, signedAt });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const record: IssuedRecord = {
    _id: id,
    kind,
    dossierId,
    number: content.number,
    title: `${content.documentType} ${content.title}`,
    sha256,
    fileId: `${id}/${sha256}`,
    signer: deps.key.signer,
    development: deps.key.development,
    issuedAt: signedAt,
    ...(certificate ? { verificationCode: certificate.verificationCode } : {}),
  };
  // The file and the hash entry first, the record last: a kept record always finds its bytes, and its file by hash
  // (what a racing signer that lost leaves behind is named by no record, and a hash lookup checks the record's hash).
  await insertIfAbsent(IssuedFileModel, { _id: record.fileId, pdf });
  await insertIfAbsent(IssuedHashModel, { _id: sha256, documentId: id });
  await insertIfAbsent(IssuedDocumentModel, { ...record });
  return viewOf((await IssuedDocumentModel.findById(id).lean<IssuedRecord>())!);
}

/** A lean read gives the driver's Binary; callers get the bytes as a Buffer. */
const bytesOf = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from((value as { buffer: Uint8Array }).buffer));

export function signDocumentJobHandler(deps: DocumentDeps): JobHandler {
  return async (job) => {
    const { kind, dossierId } = job.payload as { kind: IssuedKind; dossierId: string };
    await issueDocument(kind, dossierId, deps);
  };
}

export interface IssuedDocumentView {
  kind: IssuedKind;
  number: string;
  title?: string;
  issuedAt: Date;
  signer: { commonName: string; organization: string };
  development: boolean;
  sha256: string;
}

const viewOf = (record: IssuedRecord): IssuedDocumentView => ({ kind: record.kind, number: record.number, ...(record.title ? { title: record.title } : {}), issuedAt: record.issuedAt, signer: record.signer, development: record.development, sha256: record.sha256 });

/** A dossier's signed document of one kind (its metadata), if issued yet. */
export async function issuedDocumentOf(kind: IssuedKind, dossierId: string): Promise<IssuedDocumentView | undefined> {
  const record = await IssuedDocumentModel.findById(documentId(kind, dossierId)).lean<IssuedRecord>();
  return record ? viewOf(record) : undefined;
}

/** Every signed document of a dossier (its metadata), in the order of issue: what its pages link to. */
export async function issuedDocumentsOf(dossierId: string): Promise<IssuedDocumentView[]> {
  const found = await Promise.all((['certificate', 'refusal', 'revocation'] as const).map((kind) => issuedDocumentOf(kind, dossierId)));
  return found.filter((view): view is IssuedDocumentView => view !== undefined);
}

/** The signed PDF itself, as issued. */
export async function issuedPdf(kind: IssuedKind, dossierId: string): Promise<{ pdf: Buffer; number: string } | undefined> {
  const record = await IssuedDocumentModel.findById(documentId(kind, dossierId)).lean<IssuedRecord>();
  const file = record ? await IssuedFileModel.findById(record.fileId).lean<{ pdf: unknown }>() : null;
  if (!record || !file) return undefined;
  return { pdf: bytesOf(file.pdf), number: record.number };
}

export type UploadVerdict =
  | { verdict: 'issued'; document: IssuedDocumentView; certificate?: { number: string; status: 'valid' | 'expired' | 'revoked'; revokedAt?: Date; revokeReasons?: string[]; expiresAt?: Date } }
  | { verdict: 'altered'; signer?: { commonName: string; organization: string } }
  | { verdict: 'not_ours' };

/**
 * What an uploaded PDF is: a document this Department issued, unaltered (its SHA-256 is in the register and its
 * signature checks out with our key), with the status its certificate has today; a document that carries our
 * signature but was changed since; or anything else.
 */
export async function verifyUploadedPdf(pdf: Buffer, key: Pick<SigningKey, 'root'>, now: Date): Promise<UploadVerdict> {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const signature = checkSignedPdf(pdf, key);
  const known = await IssuedHashModel.findById(sha256).lean<{ documentId: string }>();
  const record = known ? await IssuedDocumentModel.findById(known.documentId).lean<IssuedRecord>() : null;
  if (record && record.sha256 === sha256 && signature.intact && signature.byThisDepartment) {
    const certificate = record.kind === 'refusal' ? undefined : await certificateOfDossier(record.dossierId);
    return {
      verdict: 'issued',
      document: viewOf(record),
      ...(certificate
        ? {
            certificate: {
              number: certificate.number,
              status: effectiveStatus(certificate, now),
              ...(certificate.revokedAt ? { revokedAt: certificate.revokedAt } : {}),
              ...(certificate.revokeReasons?.length ? { revokeReasons: certificate.revokeReasons } : {}),
              ...(certificate.expiresAt ? { expiresAt: certificate.expiresAt } : {}),
            },
          }
        : {}),
    };
  }
  if (signature.signed && signature.byThisDepartment) return { verdict: 'altered', ...(signature.signer ? { signer: signature.signer } : {}) };
  return { verdict: 'not_ours' };
}

/** Dossiers whose result was given as a signed electronic document (a certificate or a refusal), for indicator 4.1. */
export async function dossiersWithElectronicResult(): Promise<Set<string>> {
  // The hash index is small (no PDF bytes): one pass over it, never over the documents themselves.
  const entries = await IssuedHashModel.find({}, { documentId: 1 }).lean<{ documentId: string }[]>();
  return new Set(entries.map((e) => e.documentId.split(':')).filter(([kind]) => kind === 'certificate' || kind === 'refusal').map(([, dossierId]) => dossierId!));
}
