/**
 * Exact integer arithmetic for legal figures. Money must be whole VND and reproducible to the đồng, and
 * R × V × Fs overflows 2^53 for large importers, so products are formed in BigInt and rounded once.
 */

/** Rounds a non-negative fraction numerator/denominator half up (0.5 → 1), the usual rule for VND amounts. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('divideRoundHalfUp expects numerator >= 0, denominator > 0');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * A non-negative decimal as an integer count of 10^-decimals units (kg with 3 decimals → grams).
 * Rejects more precision than the unit carries, rather than silently rounding the input.
 */
export function toScaledInteger(value: number, decimals: number, label: string): bigint {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${label} must be a finite number >= 0`);
  if (value >= 1e21) throw new RangeError(`${label} is too large`);
  // toFixed gives the exact decimal digits; if they do not round-trip, the input had more precision.
  const fixed = value.toFixed(decimals);
  if (Number(fixed) !== value) throw new RangeError(`${label} has more than ${decimals} decimal places`);
  return BigInt(fixed.replace('.', ''));
}

export function scaledToNumber(value: bigint, decimals: number): number {
  return Number(value) / 10 ** decimals;
}
