import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import signpdf from '@signpdf/signpdf';
import { extractSignature, Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { cadesDetachedSignature, checkCadesSignature, type SigningIdentity } from './cades-signature';
import type { SigningKey } from './signing-key';

/** @signpdf's signer interface, answered with our PAdES baseline B-B signature. */
class CadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetachedSignature(pdfBuffer, this.identity);
  }
}

/** Room for the signature with its chain (two RSA-2048 certificates take ~3 KB; a real CA chain may be longer). */
const SIGNATURE_BYTES = 16_384;

/**
 * Signs a PDF (written by pdfkit: a classic cross-reference table, which @signpdf's plain placeholder reads) with
 * an invisible signature field: the document's look is its layout; the signature is for software to check.
 */
export async function signPdf(pdf: Buffer, key: SigningKey, meta: { reason: string; location: string; contactInfo: string; signedAt: Date }): Promise<Buffer> {
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: meta.reason,
    contactInfo: meta.contactInfo,
    name: key.signer.commonName,
    location: meta.location,
    signingTime: meta.signedAt,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [0, 0, 0, 0],
    appName: 'hp-green-compliance',
  });
  return signpdf.sign(prepared, new CadesSigner(key.identity), meta.signedAt);
}

export interface PdfSignatureCheck {
  signed: boolean;
  /** The signed bytes are unchanged and the signature verifies with the certificate it names. */
  intact: boolean;
  /** The signature covers the whole file (nothing was appended after signing). */
  coversWholeFile: boolean;
  /** The signing certificate chains to this installation's root (the Department's key). */
  byThisDepartment: boolean;
  signer?: { commonName: string; organization: string };
}

const text = (certificate: forge.pki.Certificate, short: string) => {
  const value = String(certificate.subject.getField(short)?.value ?? '');
  try {
    return forge.util.decodeUtf8(value);
  } catch {
    return value;
  }
};

/** What the PDF's own signature says, checked against its bytes and this installation's root. */
export function checkSignedPdf(pdf: Buffer, key: Pick<SigningKey, 'root'>): PdfSignatureCheck {
  let extracted: { ByteRange: number[]; signature: string; signedData: Buffer };
  try {
    extracted = extractSignature(pdf) as typeof extracted;
  } catch {
    return { signed: false, intact: false, coversWholeFile: false, byThisDepartment: false };
  }
  const [, , start, length] = extracted.ByteRange as [number, number, number, number];
  let checked;
  try {
    checked = checkCadesSignature(Buffer.from(extracted.signature, 'binary'), extracted.signedData);
  } catch {
    return { signed: true, intact: false, coversWholeFile: false, byThisDepartment: false };
  }
  const root = checked.chain.at(-1);
  const chainsToRoot = Boolean(root && forge.pki.certificateToPem(root) === forge.pki.certificateToPem(key.root as forge.pki.Certificate)) && checked.chain.every((certificate, i) => {
    const issuer = checked.chain[i + 1] ?? certificate;
    try {
      return issuer.verify(certificate);
    } catch {
      return false;
    }
  });
  return {
    signed: true,
    intact: checked.digestMatches && checked.signatureValid,
    coversWholeFile: start + length === pdf.length || start + length === pdf.length - 1,
    byThisDepartment: chainsToRoot,
    ...(checked.signer ? { signer: { commonName: text(checked.signer, 'CN'), organization: text(checked.signer, 'O') } } : {}),
  };
}
