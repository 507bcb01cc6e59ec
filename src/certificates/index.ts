export type { CertificateRecord } from './certificate.model';
export { issueCertificate, revokeCertificate, verifyCertificate, effectiveStatus, presentCertificate, publicRegister, listCertificates, REGISTER_STATUSES, type RegisterStatus } from './certificate.service';
export { certificateRoutes } from './certificate.routes';
export { certificateDirectory, certificateOfDossier } from './certificate-directory';
