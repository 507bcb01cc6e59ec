import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Document } from 'mongodb';
import type { CopyOwner } from './copy';

/** What the reads need to know about a built installation: whom to sign in as and which records to open. */
export interface Manifest {
  /** The applicant whose pages are timed: a generated organization with a typical number of dossiers. */
  business: { email: string; organizationId: string; dossierIds: string[] };
  /** An open copied dossier (for the officer's review page, the API get and history). */
  openDossier: { id: string; code: string; state: string };
  /** A copied dossier past submission, for the public lookup by code. */
  submittedCode: string;
  certificate: { number: string; verificationCode: string };
  petitionId: string;
  /** Copied dossiers checked after the build (chain, cached sequence). */
  sample: string[];
}

const OPEN_REVIEWABLE = new Set(['submitted', 'technical_review', 'inspection', 'awaiting_decision', 'consultation', 'supplementation_requested']);

/** Notes, while copies are made, the records the reads and the checks will use. */
export class ManifestCollector {
  private business?: Manifest['business'];
  private openDossier?: Manifest['openDossier'];
  private submittedCode?: string;
  private certificate?: Manifest['certificate'];
  private petitionId?: string;
  private readonly sample: string[] = [];
  private seen = 0;

  constructor(private readonly applicant: CopyOwner & { email: string }) {}

  see(records: Record<string, Document[]>, owner: CopyOwner): void {
    const dossier = records.applications?.[0];
    if (!dossier) {
      this.petitionId ??= String(records.petitions?.[0]?._id);
      return;
    }
    const id = String(dossier._id);
    if (owner.organizationId === this.applicant.organizationId) {
      this.business ??= { email: this.applicant.email, organizationId: owner.organizationId, dossierIds: [] };
      this.business.dossierIds.push(id);
    }
    const state = String(dossier.state);
    if (OPEN_REVIEWABLE.has(state)) this.openDossier ??= { id, code: String(dossier.code), state };
    if (state !== 'draft') this.submittedCode ??= String(dossier.code);
    const certificate = records.certificates?.[0];
    if (certificate && certificate.status !== 'revoked') this.certificate ??= { number: String(certificate.number), verificationCode: String(certificate.verificationCode) };
    if (this.seen++ % 97 === 0 && this.sample.length < 24) this.sample.push(id);
  }

  manifest(): Manifest {
    if (!this.business || !this.openDossier || !this.submittedCode || !this.certificate || !this.petitionId) throw new Error('the copies lack a record the reads need (too small a size?)');
    return { business: this.business, openDossier: this.openDossier, submittedCode: this.submittedCode, certificate: this.certificate, petitionId: this.petitionId, sample: this.sample };
  }
}

export const writeManifest = (dir: string, manifest: Manifest) => writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
export const readManifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
