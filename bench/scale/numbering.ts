import type { Db, Document } from 'mongodb';

const DOSSIER_CODE = /^HP-([A-Z]{2,4})-(\d{4})-\d{6}$/;
const CERTIFICATE_NUMBER = /^\d{5}\/\d{4}\/GCN-SCT-([A-Z]+)$/;

/**
 * Hands out the codes and numbers the app's sequences would (dossier and petition codes, certificate numbers),
 * after the last one the templates used, and keeps the claims so the installation's sequences stay consistent:
 * a dossier filed on it later gets the next free number, as the real allocator would give.
 */
export class Numbering {
  private readonly last = new Map<string, number>();
  private claims: Document[] = [];

  static async load(db: Db): Promise<Numbering> {
    const numbering = new Numbering();
    for (const hint of await db.collection('sequencehints').find().toArray()) numbering.last.set(String(hint._id), Number(hint.last));
    return numbering;
  }

  private next(scope: string, at: Date): number {
    const value = (this.last.get(scope) ?? 0) + 1;
    this.last.set(scope, value);
    this.claims.push({ _id: `${scope}:${value}`, scope, value, claimedAt: at });
    return value;
  }

  /** A code shaped like `template` (HP-EPR-2026-000123, HP-KN-2025-000004) in the year of `at`. */
  nextCode(template: string, at: Date): string {
    const match = DOSSIER_CODE.exec(template);
    if (!match) throw new Error(`unexpected code ${template}`);
    const year = at.getUTCFullYear();
    const scope = match[1] === 'KN' ? `petition:${year}` : `dossier:${match[1]}:${year}`;
    return `HP-${match[1]}-${year}-${String(this.next(scope, at)).padStart(6, '0')}`;
  }

  nextCertificateNumber(template: string, issuedAt: Date): string {
    const match = CERTIFICATE_NUMBER.exec(template);
    if (!match) throw new Error(`unexpected certificate number ${template}`);
    const year = issuedAt.getUTCFullYear();
    return `${String(this.next(`certificate:${match[1]}:${year}`, issuedAt)).padStart(5, '0')}/${year}/GCN-SCT-${match[1]}`;
  }

  /** The claims made since the last call, for a bulk insert. */
  takeClaims(): Document[] {
    const claims = this.claims;
    this.claims = [];
    return claims;
  }

  hints(): Document[] {
    return [...this.last].map(([scope, last]) => ({ _id: scope, last }));
  }
}
