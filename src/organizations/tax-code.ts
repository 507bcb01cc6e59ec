/**
 * Vietnamese enterprise tax codes (mã số thuế): 10 digits, the 10th a check digit over the first nine
 * (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − (sum mod 11)), optionally followed by a 3-digit
 * branch suffix, written `0200123456-001` or `0200123456001`.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export function taxCodeCheckDigit(firstNine: string): number | undefined {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstNine[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

/** Canonical form: 10 digits, or 10 digits + '-' + 3 digits. Returns undefined when the code is invalid. */
export function normalizeTaxCode(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.]/g, '');
  const match = /^(\d{10})-?(\d{3})?$/.exec(compact);
  if (!match?.[1]) return undefined;
  const main = match[1];
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) return undefined;
  if (match[2] === '000') return undefined;
  return match[2] ? `${main}-${match[2]}` : main;
}

export const isValidTaxCode = (input: string): boolean => normalizeTaxCode(input) !== undefined;

/** Builds a valid code from nine digits (used by the demo seed and test factories). */
export function makeTaxCode(firstNine: string): string | undefined {
  const check = taxCodeCheckDigit(firstNine);
  return check === undefined ? undefined : `${firstNine}${check}`;
}
