import { createHash } from 'node:crypto';
import forge from 'node-forge';

const { asn1, pki } = forge;
const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const integer = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
const nullValue = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const algorithm = (id: string) => seq([oid(id), nullValue()]);
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);
const der = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();

/**
 * The issuer name exactly as the certificate encodes it (TBSCertificate: [0] version, serial, algorithm, issuer).
 * forge's distinguishedNameToAsn1 would encode a parsed UTF8String a second time, and the name must match byte
 * for byte for a verifier to find the signer.
 */
function issuerOf(certificate: forge.pki.Certificate): forge.asn1.Asn1 {
  const tbs = (pki.certificateToAsn1(certificate).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  return tbs[3]!;
}

export interface SigningIdentity {
  privateKey: forge.pki.rsa.PrivateKey;
  /** The signing certificate first, then the chain up to the root, all embedded in the signature. */
  chain: forge.pki.Certificate[];
}

/**
 * A detached CMS signature as PAdES baseline B-B asks (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached): signed
 * attributes content-type, message-digest and signing-certificate-v2 (the signer's certificate bound to the
 * signature by its SHA-256), no signing-time attribute (the time is the signature dictionary's /M), and the whole
 * chain in `certificates`. node-forge's PKCS#7 writer cannot add signing-certificate-v2, so the structure is built
 * here with its ASN.1 writer and signed with its RSA (PKCS#1 v1.5, SHA-256).
 */
export function cadesDetachedSignature(content: Buffer, identity: SigningIdentity): Buffer {
  const [signer] = identity.chain;
  if (!signer) throw new Error('a signing identity needs its certificate');
  const signerDer = der(pki.certificateToAsn1(signer));
  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest('binary'))),
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the default hash (SHA-256).
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(createHash('sha256').update(Buffer.from(signerDer, 'binary')).digest('binary'))])])])),
  ];
  // The signature covers the attributes encoded as a SET (RFC 5652 §5.4), though they are stored as [0] IMPLICIT.
  const digest = forge.md.sha256.create();
  digest.update(der(set(signedAttributes)));
  const signature = identity.privateKey.sign(digest);
  const signerInfo = seq([
    integer(String.fromCharCode(1)),
    seq([issuerOf(signer), integer(forge.util.hexToBytes(signer.serialNumber))]),
    algorithm(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([
    integer(String.fromCharCode(1)),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, identity.chain.map((certificate) => pki.certificateToAsn1(certificate))),
    set([signerInfo]),
  ]);
  const contentInfo = seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return Buffer.from(der(contentInfo), 'binary');
}

export interface CheckedSignature {
  /** The signed attributes' message digest equals the SHA-256 of the signed bytes. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureValid: boolean;
  signer?: forge.pki.Certificate;
  chain: forge.pki.Certificate[];
}

/** Reads a detached CMS signature back and checks it against the bytes it claims to sign. */
export function checkCadesSignature(signatureDer: Buffer, signedBytes: Buffer): CheckedSignature {
  const contentInfo = asn1.fromDer(forge.util.createBuffer(signatureDer.toString('binary')), false);
  const signedData = ((contentInfo.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
  const parts = signedData.value as forge.asn1.Asn1[];
  const certificatesNode = parts.find((part) => part.tagClass === asn1.Class.CONTEXT_SPECIFIC && part.type === 0);
  const chain = ((certificatesNode?.value as forge.asn1.Asn1[]) ?? []).map((node) => pki.certificateFromAsn1(node));
  const signerInfo = ((parts.at(-1)!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]);
  const attributesNode = signerInfo.find((part) => part.tagClass === asn1.Class.CONTEXT_SPECIFIC && part.type === 0);
  const signature = (signerInfo.at(-1)!.value as string) ?? '';
  const sid = signerInfo[1]!.value as forge.asn1.Asn1[];
  const serial = forge.util.bytesToHex(sid[1]!.value as string).replace(/^00/, '');
  const signer = chain.find((certificate) => certificate.serialNumber.replace(/^00/, '') === serial);
  if (!attributesNode || !signer) return { digestMatches: false, signatureValid: false, chain, ...(signer ? { signer } : {}) };
  const attributes = attributesNode.value as forge.asn1.Asn1[];
  const digestAttribute = attributes.find((a) => asn1.derToOid(forge.util.createBuffer((a.value as forge.asn1.Asn1[])[0]!.value as string)) === OID.messageDigest);
  const claimed = ((digestAttribute?.value as forge.asn1.Asn1[] | undefined)?.[1]?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value as string | undefined;
  const digestMatches = claimed === createHash('sha256').update(signedBytes).digest('binary');
  const md = forge.md.sha256.create();
  md.update(der(set(attributes)));
  let signatureValid: boolean;
  try {
    signatureValid = (signer.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().getBytes(), signature);
  } catch {
    signatureValid = false; // a signature of the wrong length or form
  }
  return { digestMatches, signatureValid, signer, chain };
}
