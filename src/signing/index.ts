/**
 * Signing the Department's results: PAdES baseline B-B signatures (cades-signature.ts) on PDFs, with the key from
 * configuration or, in development, one generated at the first start (signing-key.ts).
 */
export { loadSigningKey, identityFromPkcs12, developmentPkcs12, type SigningKey } from './signing-key';
export { signPdf, checkSignedPdf, type PdfSignatureCheck } from './signed-pdf';
