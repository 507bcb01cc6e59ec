import QRCode from 'qrcode';

/**
 * The verification link of a certificate as an inline SVG QR code, so a printed certificate can be checked by
 * pointing a phone at it. Error correction M survives a folded or slightly smudged print; the SVG has no script
 * and is produced by us from the URL, so it is safe to embed unescaped.
 */
export function verificationQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
