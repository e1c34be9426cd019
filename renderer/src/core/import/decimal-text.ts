// Exact decimals as text for the canonical tables the profiles produce. A
// spreadsheet or JSON number arrives as an IEEE double; Excel keeps 15
// significant digits, so that is the precision we restore (0.1 + 0.2 is 0.3,
// 1.15 is 1.15), never more and never a rounding to hundredths.
import type { Centi, ExactDecimal } from '../model';
import { powerOfTen } from '../numbers';

/** A finite double as the plain decimal Excel would show with 15 significant digits (`1.15`, `0.3`, `1234567`). */
export function numberToDecimalText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const [mantissa = '0', exponentText = '0'] = value.toPrecision(15).split('e');
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const [whole = '0', fraction = ''] = unsigned.split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponentText);
  // Place the decimal point, padding with zeros on either side.
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) digits = digits.padEnd(point, '0');
  const integerPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fractionPart = digits.slice(point).replace(/0+$/, '');
  return (negative ? '-' : '') + integerPart + (fractionPart === '' ? '' : '.' + fractionPart);
}

/** Drops trailing fractional zeros: `{150, 2}` becomes `{15, 1}`. */
export function normaliseExact(value: ExactDecimal): ExactDecimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10 === 0) {
    units /= 10;
    scale -= 1;
  }
  return { units, scale };
}

/** The product of two exact decimals; null when it leaves the safe integer range. */
export function multiplyExact(a: ExactDecimal, b: ExactDecimal): ExactDecimal | null {
  const product = BigInt(a.units) * BigInt(b.units);
  if (product > BigInt(Number.MAX_SAFE_INTEGER) || product < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return normaliseExact({ units: Number(product), scale: a.scale + b.scale });
}

/** The sum of two exact decimals; null when it leaves the safe integer range. */
export function addExact(a: ExactDecimal, b: ExactDecimal): ExactDecimal | null {
  const scale = Math.max(a.scale, b.scale);
  const sum = a.units * powerOfTen(scale - a.scale) + b.units * powerOfTen(scale - b.scale);
  return Number.isSafeInteger(sum) ? normaliseExact({ units: sum, scale }) : null;
}

/** Hundredths of an exact decimal, or null when it is not a whole number of hundredths. */
export function exactToCenti(value: ExactDecimal): Centi | null {
  const { units, scale } = normaliseExact(value);
  if (scale > 2) return null;
  const centi = units * powerOfTen(2 - scale);
  return Number.isSafeInteger(centi) ? centi : null;
}

/** An exact decimal written plainly (`-1.25`, `10`). */
export function exactToText(value: ExactDecimal): string {
  const { units, scale } = normaliseExact(value);
  if (scale === 0) return String(units);
  const negative = units < 0;
  const digits = String(negative ? -units : units).padStart(scale + 1, '0');
  return (negative ? '-' : '') + digits.slice(0, -scale) + '.' + digits.slice(-scale);
}

