import type { Locale } from './i18n';

/**
 * Numbers as people type them on each side of the site: Vietnamese writes 50.000.000.000 and 1.250,5 (dots
 * between thousands, a comma before decimals), English 50,000,000,000 and 1,250.5. Pure; one definition for
 * every form that reads a number.
 */
const SEPARATORS: Record<Locale, { thousands: string; decimal: string }> = {
  vi: { thousands: '.', decimal: ',' },
  en: { thousands: ',', decimal: '.' },
};

const escape = (char: string) => `\\${char}`;

/**
 * The number typed, or undefined when the text is not one. Spaces (also narrow and no-break ones) are ignored;
 * thousands separators must group by three; a lone other separator ("1250.5" on the Vietnamese side, as
 * people used to international formats type it) is read as the decimal point when it cannot be a grouping.
 */
export function parseLocaleNumber(text: string, locale: Locale): number | undefined {
  const { thousands, decimal } = SEPARATORS[locale];
  const compact = text.replace(/[\s\u00a0\u202f_]/g, '');
  const signed = /^([+-]?)(.+)$/.exec(compact);
  if (!signed) return undefined;
  const [, sign, body] = signed as unknown as [string, string, string];
  const grouped = new RegExp(`^\\d{1,3}(${escape(thousands)}\\d{3})+$`);
  const plain = /^\d+$/;
  const integerPart = (part: string) => (plain.test(part) ? part : grouped.test(part) ? part.split(thousands).join('') : undefined);
  let digits: string | undefined;
  const parts = body.split(decimal);
  if (parts.length === 2) {
    const whole = integerPart(parts[0]!);
    digits = whole !== undefined && plain.test(parts[1]!) ? `${whole}.${parts[1]}` : undefined;
  } else if (parts.length === 1) {
    digits = integerPart(body);
    // "1250.5" on the Vietnamese side (or "1250,5" on the English one): one separator that is not a grouping.
    if (digits === undefined && new RegExp(`^\\d+${escape(thousands)}\\d+$`).test(body)) digits = body.replace(thousands, '.');
  }
  if (digits === undefined) return undefined;
  const value = Number(`${sign}${digits}`);
  return Number.isFinite(value) ? value : undefined;
}

/** A stored number written back into a form in the page's convention, so that it reads back the same. */
export function formatLocaleNumber(value: number, locale: Locale, options: { grouping?: boolean } = {}): string {
  const { thousands, decimal } = SEPARATORS[locale];
  const abs = Math.abs(value);
  // Plain digits, never an exponent: 1e-7 is written 0,0000001.
  const plainText = abs.toString().includes('e') ? abs.toFixed(20).replace(/\.?0+$/, '') : abs.toString();
  const [whole, fraction] = plainText.split('.');
  const grouped = options.grouping === false ? whole! : whole!.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}
