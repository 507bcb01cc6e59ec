import { randomInt, randomUUID } from 'node:crypto';
import { BSON, ObjectId, type Document } from 'mongodb';
import { GENESIS_HASH, hashEntry } from '../../src/applications/audit-chain';
import type { Numbering } from './numbering';
import { OBJECT_ID, type Unit } from './units';

/** Who a copy is filed by: the organization and its applicant user that replace the template's. */
export interface CopyOwner {
  organizationId: string;
  organizationName: string;
  userId: string;
  userName: string;
}

/** What a template's owner is called in its records: replaced by the copy's owner everywhere. */
export interface TemplateOwner {
  organizationName: string;
  /** The applicant users (real or the demo history's stand-in) and their names. */
  userIds: string[];
  userNames: string[];
}

const ISO_INSTANT = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z`;
const LOCAL_DATE = String.raw`"\d{4}-\d{2}-\d{2}"`;
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An ObjectId whose time part is `at`, so ids keep the order of the copy's shifted history. */
function idAt(at: number): string {
  return Math.floor(at / 1000).toString(16).padStart(8, '0') + new ObjectId().toHexString().slice(8);
}

/** Rebuilds exactly the content the app hashed (src/applications/dossier-history.service.ts). */
export function hashedContent(entry: Document): Record<string, unknown> {
  const { prevHash: _prevHash, hash: _hash, ...content } = entry;
  return { ...content, dossierId: String(entry.dossierId), at: (entry.at as Date).toISOString() };
}

/** Recomputes the copy's audit chain (its ids and dates changed) and points the dossier's cache at its head. */
function rechain(records: Record<string, Document[]>): void {
  const entries = (records.dossierevents ?? []).sort((a, b) => (a.sequence as number) - (b.sequence as number));
  let prevHash = GENESIS_HASH;
  for (const entry of entries) {
    entry.prevHash = prevHash;
    entry.hash = hashEntry(hashedContent(entry), prevHash);
    prevHash = entry.hash as string;
  }
  const dossier = records.applications?.[0];
  if (dossier && entries.length > 0) {
    if (dossier.sequence !== entries.at(-1)!.sequence) throw new Error(`template ${String(dossier._id)}: cached sequence ${dossier.sequence} is not its log's head`);
    dossier.lastHash = prevHash;
  }
}

/**
 * Makes copies of one template: every record of the unit with new ids, a new code (and certificate number and
 * verification code), another organization and applicant, and every instant and local date moved back by the
 * same whole number of weeks (so working days stay working days, near enough). The text of each record is
 * rewritten once with one pattern, then parsed back to BSON types.
 */
export class UnitCopier {
  private readonly pattern: RegExp;
  private readonly certificates: { number: string; verificationCode: string; issuedAt: Date }[];
  private readonly rootAt: Date;

  constructor(
    private readonly unit: Unit,
    private readonly owner: TemplateOwner,
  ) {
    const root = BSON.EJSON.parse(Object.values(unit.records)[0]![0]!) as Document;
    this.rootAt = (unit.kind === 'petition' ? root.receivedAt : root.createdAt) as Date;
    this.certificates = (unit.records.certificates ?? []).map((t) => BSON.EJSON.parse(t) as Document).map((c) => ({ number: c.number as string, verificationCode: c.verificationCode as string, issuedAt: c.issuedAt as Date }));
    const literals = [...unit.ownIds, unit.organizationId, unit.code, owner.organizationName, ...owner.userIds, ...owner.userNames, ...this.certificates.flatMap((c) => [c.number, c.verificationCode])];
    const alternatives = [...new Set(literals)].sort((a, b) => b.length - a.length).map(escape);
    this.pattern = new RegExp(`(${ISO_INSTANT})|(${LOCAL_DATE})|(${alternatives.join('|')})`, 'g');
  }

  /**
   * One copy, as documents per collection ready to insert, and the UUIDs it renamed (old → new): upload storage
   * keys among them name files, which the caller links under the new key.
   */
  copy(owner: CopyOwner, shiftMs: number, numbering: Numbering): { records: Record<string, Document[]>; renamedUuids: [string, string][] } {
    const replacements = new Map<string, string>([[this.unit.organizationId, owner.organizationId], [this.owner.organizationName, owner.organizationName]]);
    for (const id of this.owner.userIds) replacements.set(id, owner.userId);
    for (const name of this.owner.userNames) replacements.set(name, owner.userName);
    for (const id of this.unit.ownIds) replacements.set(id, OBJECT_ID.test(id) ? idAt(new ObjectId(id).getTimestamp().getTime() + shiftMs) : randomUUID());
    replacements.set(this.unit.code, numbering.nextCode(this.unit.code, new Date(this.rootAt.getTime() + shiftMs)));
    for (const certificate of this.certificates) {
      replacements.set(certificate.number, numbering.nextCertificateNumber(certificate.number, new Date(certificate.issuedAt.getTime() + shiftMs)));
      replacements.set(certificate.verificationCode, Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''));
    }
    const rewrite = (text: string) =>
      text.replace(this.pattern, (match, instant?: string, localDate?: string) => {
        if (instant) return new Date(Date.parse(instant) + shiftMs).toISOString();
        if (localDate) return `"${new Date(Date.parse(`${localDate.slice(1, -1)}T00:00:00Z`) + shiftMs).toISOString().slice(0, 10)}"`;
        return replacements.get(match) ?? match;
      });
    const records: Record<string, Document[]> = {};
    for (const [collection, texts] of Object.entries(this.unit.records)) records[collection] = texts.map((t) => BSON.EJSON.parse(rewrite(t)) as Document);
    rechain(records);
    return { records, renamedUuids: this.unit.ownIds.filter((id) => !OBJECT_ID.test(id)).map((id) => [id, replacements.get(id)!]) };
  }
}
