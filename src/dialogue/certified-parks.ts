import { certificateKindsOf } from '../applications';
import { certificateDirectory, type CertificateRecord } from '../certificates';

export interface CertifiedItem {
  number: string;
  holderName: string;
  dossierCode: string;
  issuedAt: Date;
  expiresAt: Date | null;
}

export interface CertifiedFigures {
  ecoIndustrialParks: CertifiedItem[];
  ecoEnterprises: CertifiedItem[];
}

/**
 * Eco-industrial parks and eco-enterprises holding a valid certificate at the end of the scope (issued before
 * it, neither revoked nor expired by then). The kind is on the dossier, read in a second query ($lookup is
 * unavailable on FerretDB 1.24). Province-wide this is tens of certificates, so it is read whole.
 */
export async function certifiedAt(endsAt: Date): Promise<CertifiedFigures> {
  // Kept until a certificate changes: the kind asked for by a certified dossier does not change after it.
  const directory = await certificateDirectory();
  const key = endsAt.toISOString();
  const kept = certifiedKept.get(key);
  if (kept?.version === directory.version) return kept.figures;
  const figures = await computeCertifiedAt(endsAt);
  certifiedKept.delete(key);
  certifiedKept.set(key, { version: directory.version, figures });
  if (certifiedKept.size > 8) certifiedKept.delete(certifiedKept.keys().next().value!);
  return figures;
}

const certifiedKept = new Map<string, { version: number; figures: CertifiedFigures }>();

async function computeCertifiedAt(endsAt: Date): Promise<CertifiedFigures> {
  // Judged at the scope's end, not today: a later revocation does not rewrite what held during the period.
  // Kept by the directory until a certificate changes: a briefing asks for the same scope again and again.
  const valid = (await certificateDirectory()).derived(`green certificates valid at ${endsAt.toISOString()}`, (all) =>
    [...all]
      .filter((c) => c.type === 'green_transformation' && new Date(c.issuedAt) < endsAt)
      .filter((c) => !(c.revokedAt && c.revokedAt < endsAt) && !(c.status === 'revoked' && !c.revokedAt) && !(c.expiresAt && c.expiresAt <= endsAt))
      .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)),
  );
  // An empty $in makes FerretDB 1.24 scan every dossier: skip the query when there is nothing to look up.
  if (valid.length === 0) return { ecoIndustrialParks: [], ecoEnterprises: [] };
  const kindOf = await certificateKindsOf(valid.map((c) => c.dossierId));
  const item = (c: CertificateRecord): CertifiedItem => ({ number: c.number, holderName: c.holderName, dossierCode: c.dossierCode, issuedAt: c.issuedAt, expiresAt: c.expiresAt ?? null });
  return {
    ecoIndustrialParks: valid.filter((c) => kindOf.get(String(c.dossierId)) === 'eco_industrial_park').map(item),
    ecoEnterprises: valid.filter((c) => kindOf.get(String(c.dossierId)) === 'eco_enterprise').map(item),
  };
}
