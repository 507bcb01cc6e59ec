import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import type { SigningIdentity } from './cades-signature';

const { pki } = forge;

/** The key the Department signs its results with, and what its pages say of it. */
export interface SigningKey {
  identity: SigningIdentity;
  /** A key generated at the first start of a development installation: no legal value, and every page says so. */
  development: boolean;
  signer: { commonName: string; organization: string };
  /** The chain's root: a document whose signature chains to it was signed with this installation's key. */
  root: forge.pki.Certificate;
}

const nameOf = (certificate: forge.pki.Certificate, short: string) => String(certificate.subject.getField(short)?.value ?? '');
/** DN values are stored as UTF-8 strings (forge encodes them). */
const utf8 = (shortName: string, value: string) => ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as number });
const decoded = (text: string) => {
  try {
    return forge.util.decodeUtf8(text);
  } catch {
    return text;
  }
};

/** The signing certificate first, each issuer after it, as far as the PKCS#12 file holds them. */
function orderChain(certificates: forge.pki.Certificate[], key: forge.pki.rsa.PrivateKey): forge.pki.Certificate[] {
  const signer = certificates.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.compareTo(key.n) === 0);
  if (!signer) throw new Error('the PKCS#12 file holds no certificate for its private key');
  const chain = [signer];
  // forge's `child.isIssuer(parent)`: parent's subject is child's issuer. A self-signed root ends the chain.
  for (let current = signer; !current.isIssuer(current); ) {
    const issuer = certificates.find((c) => !chain.includes(c) && current.isIssuer(c));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

export function identityFromPkcs12(p12: Buffer, password: string): Omit<SigningKey, 'development'> {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, password);
  const bags = (type: string) => (parsed.getBags({ bagType: type })[type] ?? []) as { key?: forge.pki.PrivateKey; cert?: forge.pki.Certificate }[];
  const keyBag = [...bags(pki.oids.pkcs8ShroudedKeyBag!), ...bags(pki.oids.keyBag!)][0];
  const certificates = bags(pki.oids.certBag!).map((bag) => bag.cert).filter((c): c is forge.pki.Certificate => Boolean(c));
  if (!keyBag?.key) throw new Error('the PKCS#12 file holds no private key');
  const privateKey = keyBag.key as forge.pki.rsa.PrivateKey;
  const chain = orderChain(certificates, privateKey);
  const signer = chain[0]!;
  return {
    identity: { privateKey, chain },
    signer: { commonName: decoded(nameOf(signer, 'CN')), organization: decoded(nameOf(signer, 'O')) },
    root: chain.at(-1)!,
  };
}

function certificate(input: { subject: ReturnType<typeof utf8>[]; issuer: ReturnType<typeof utf8>[]; publicKey: forge.pki.PublicKey; signWith: forge.pki.rsa.PrivateKey; years: number; ca: boolean }): forge.pki.Certificate {
  const cert = pki.createCertificate();
  cert.publicKey = input.publicKey;
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 3_600_000);
  cert.validity.notAfter = new Date(Date.now() + input.years * 365 * 86_400_000);
  cert.setSubject(input.subject);
  cert.setIssuer(input.issuer);
  cert.setExtensions(
    input.ca
      ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }, { name: 'subjectKeyIdentifier' }]
      : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }, { name: 'subjectKeyIdentifier' }],
  );
  cert.sign(input.signWith, forge.md.sha256.create());
  return cert;
}

const rsaKeyPair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  return { publicKey: pki.publicKeyFromPem(publicKey), privateKey: pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey };
};

/** A self-signed development CA and a signing certificate under it, as a PKCS#12 file with a random password. */
export function developmentPkcs12(organization: string): { p12: Buffer; password: string } {
  const caKeys = rsaKeyPair();
  const signerKeys = rsaKeyPair();
  const caName = [utf8('CN', `${organization} – CA thử nghiệm (không có giá trị pháp lý)`), utf8('O', organization), { shortName: 'C', value: 'VN' } as ReturnType<typeof utf8>];
  const ca = certificate({ subject: caName, issuer: caName, publicKey: caKeys.publicKey, signWith: caKeys.privateKey, years: 20, ca: true });
  const signerName = [utf8('CN', organization), utf8('O', organization), utf8('L', 'Hải Phòng'), { shortName: 'C', value: 'VN' } as ReturnType<typeof utf8>];
  const signer = certificate({ subject: signerName, issuer: caName, publicKey: signerKeys.publicKey, signWith: caKeys.privateKey, years: 10, ca: false });
  const password = randomBytes(18).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(signerKeys.privateKey, [signer, ca], password, { algorithm: '3des', friendlyName: 'development signing' });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), password };
}

/**
 * The signing key: the configured PKCS#12 file, or (development only) one generated at the first start into
 * `<dataDir>/signing/development-signing.json`, created once (an exclusive create: a second instance starting at
 * the same time reads the first one's).
 */
export async function loadSigningKey(options: { p12Path?: string; p12Password?: string; dataDir: string; organization: string }): Promise<SigningKey> {
  if (options.p12Path) {
    const identity = identityFromPkcs12(await readFile(options.p12Path), options.p12Password ?? '');
    return { ...identity, development: false };
  }
  const file = path.join(options.dataDir, 'signing', 'development-signing.json');
  let stored: { p12: string; password: string };
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as typeof stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const created = developmentPkcs12(options.organization);
    stored = { p12: created.p12.toString('base64'), password: created.password };
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await writeFile(file, JSON.stringify(stored), { flag: 'wx', mode: 0o600 });
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      stored = JSON.parse(await readFile(file, 'utf8')) as typeof stored;
    }
  }
  return { ...identityFromPkcs12(Buffer.from(stored.p12, 'base64'), stored.password), development: true };
}
