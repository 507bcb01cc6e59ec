import { LiveDirectory } from '../db';
import { CertificateModel, type CertificateRecord } from './certificate.model';

/**
 * Every certificate in memory (src/db/live-directory.ts), for the public register, the verification by code
 * and each holder's list: certificate documents are small, and without this every lookup by code decoded the
 * whole collection on FerretDB. A certificate changes once at most (valid → revoked), which orders its versions.
 */
class CertificateDirectory extends LiveDirectory<CertificateRecord> {
  constructor(options: { maxStalenessMs: number }) {
    super(
      {
        name: 'certificates',
        loadAll: () => CertificateModel.find({}).lean<CertificateRecord[]>(),
        readOne: (id) => CertificateModel.findById(id).lean<CertificateRecord>(),
        keyOf: (certificate) => String(certificate._id),
        versionOf: (certificate) => (certificate.status === 'revoked' ? 1 : 0),
        lookups: { code: (certificate) => certificate.verificationCode, dossier: (certificate) => String(certificate.dossierId) },
        // Each holder's own list reads its certificates only.
        groups: { holder: (certificate) => String(certificate.holderOrganizationId) },
      },
      options,
    );
  }
}

const directory = new CertificateDirectory({ maxStalenessMs: 1000 });

export const certificateDirectory = () => directory.fresh();

/** After a write of this process: the others learn of it from the note, this one at once. */
export const noteCertificateWritten = (certificate: CertificateRecord) => directory.noteWritten(certificate);

/** The certificate issued for a dossier, if any (as this process knows it, within a second of other instances). */
export async function certificateOfDossier(dossierId: string): Promise<CertificateRecord | undefined> {
  return (await certificateDirectory()).find('dossier', dossierId);
}
