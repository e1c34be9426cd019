// Integer hundredths and exact decimals (SPEC §1, §10). The only place that
// rounds, and it rounds once: half away from zero.
import type { Centi, ExactDecimal } from './model';

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$|^([+-]?)\.(\d+)$/;

function splitDecimal(text: string): { negative: boolean; whole: string; fraction: string } | null {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return null;
  if (match[2] !== undefined) return { negative: match[1] === '-', whole: match[2], fraction: match[3] ?? '' };
  return { negative: match[4] === '-', whole: '0', fraction: match[5] ?? '' };
}

/**
 * `text.slice(start, end)` in hundredths when it has the common shape `123`,
 * `1.5` or `1.25` (no sign, no spaces, at most two decimals, 13 characters at
 * most so the value stays exact), by char-code arithmetic and without copying
 * the cell out; -1 for anything else, which takes parseCenti's general path.
 * A million hours cells are read several times faster than through the pattern.
 */
export function plainCentiIn(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= 0 || length > 13) return -1;
  let value = 0;
  let at = start;
  for (; at < end; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  if (at === start) return -1;
  if (at === end) return value * 100;
  const decimals = end - at - 1;
  if (text.charCodeAt(at) !== 46 || decimals < 1 || decimals > 2) return -1;
  const tenths = text.charCodeAt(at + 1) - 48;
  const hundredths = decimals === 2 ? text.charCodeAt(at + 2) - 48 : 0;
  if (tenths < 0 || tenths > 9 || hundredths < 0 || hundredths > 9) return -1;
  return value * 100 + tenths * 10 + hundredths;
}

/** Parses `12`, `1.5`, `1.500`, `-3.25` into hundredths; null if not a plain decimal or finer than a hundredth. */
export function parseCenti(text: string): Centi | null {
  const plain = plainCentiIn(text, 0, text.length);
  if (plain >= 0) return plain;
  const parts = splitDecimal(text);
  if (!parts) return null;
  const fraction = parts.fraction.replace(/0+$/, '');
  if (fraction.length > 2) return null;
  const value = Number(parts.whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return parts.negative && value !== 0 ? -value : value;
}

/** Parses a plain decimal exactly (rates, factors, percentages, minutes); null if not one. */
export function parseExactDecimal(text: string): ExactDecimal | null {
  const parts = splitDecimal(text);
  if (!parts) return null;
  const fraction = parts.fraction.replace(/0+$/, '');
  const units = Number(parts.whole + fraction);
  if (!Number.isSafeInteger(units) || fraction.length > 12) return null;
  return { units: parts.negative && units !== 0 ? -units : units, scale: fraction.length };
}

/** 10^n for the small scales exact decimals use. */
export function powerOfTen(n: number): number {
  return 10 ** n;
}

/** Rounds numerator/denominator to an integer, half away from zero (denominator > 0). */
export function roundRatio(numerator: number, denominator: number): number {
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
    const negative = numerator < 0;
    const magnitude = negative ? -numerator : numerator;
    const quotient = Math.floor(magnitude / denominator);
    const remainder = magnitude - quotient * denominator;
    const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
    return negative ? -rounded : rounded;
  }
  return roundBigRatio(BigInt(numerator), BigInt(denominator));
}

/** roundRatio for operands beyond 2^53. */
export function roundBigRatio(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const remainder = magnitude - quotient * denominator;
  const rounded = remainder * 2n >= denominator ? quotient + 1n : quotient;
  return Number(negative ? -rounded : rounded);
}

/** Writes hundredths with the fewest decimals needed: `2.5`, `10`, `-1`, `0.07`. */
export function formatCenti(value: Centi): string {
  const negative = value < 0;
  const magnitude = negative ? -value : value;
  const whole = Math.floor(magnitude / 100);
  const fraction = magnitude % 100;
  const fractionText = fraction === 0 ? '' : '.' + String(fraction).padStart(2, '0').replace(/0$/, '');
  return (negative ? '-' : '') + String(whole) + fractionText;
}

/** Hundredths as a JSON number (exact: shortest round-trip of value/100 is its decimal). */
export function centiToNumber(value: Centi): number {
  return value / 100;
}

/** Writes tenths with the fewest decimals needed: `75`, `66.7`. */
export function formatTenths(value: number): string {
  const negative = value < 0;
  const magnitude = negative ? -value : value;
  const fraction = magnitude % 10;
  return (negative ? '-' : '') + String(Math.floor(magnitude / 10)) + (fraction === 0 ? '' : '.' + String(fraction));
}
