/**
 * The Department's signed result documents: certificates and confirmations, refusal and revocation decisions, laid
 * out as Decree 30/2020 shows administrative documents, signed (PAdES) by a job from the outbox, kept as issued,
 * and checked for anyone who uploads one.
 */
export { SIGN_DOCUMENT_JOB, configureSigningKey, signingKeyInUse, documentDeliverer, dossiersWithElectronicResult, issuedDocumentPasses, issueDocument, issuedDocumentOf, issuedDocumentsOf, issuedPdf, signDocumentJobHandler, verifyUploadedPdf, type DocumentDeps, type IssuedDocumentView, type UploadVerdict } from './issued-documents.service';
export type { IssuedKind } from './document-content';
export { issuedDocumentRoutes, uploadedPdf, verificationUpload } from './issued-documents.routes';
