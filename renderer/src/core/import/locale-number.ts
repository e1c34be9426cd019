// Money and quantities as a source system writes them (reliability.md IMP-11):
// the profile's decimal and grouping separators, currency symbols and codes,
// `(1,234.50)` and trailing-minus negatives. Parsed from text into an exact
// decimal; never parseFloat, never rounded.
import type { ExactDecimal } from '../model';
import { parseExactDecimal } from '../numbers';

export type DecimalSeparator = '.' | ',' | 'auto';
export type GroupingSeparator = ',' | '.' | ' ' | "'" | '';

export interface NumberFormat {
  readonly decimal: DecimalSeparator;
  readonly grouping: GroupingSeparator;
}

export type NumberParse = { readonly ok: true; readonly value: ExactDecimal } | { readonly ok: false; readonly message: string };

// Symbols and ISO codes a clerk's export may put around an amount.
const CURRENCY = /^(?:[$€£¥₹]|US\$|CA\$|AU\$|NZ\$|CHF|USD|EUR|GBP|CAD|AUD|NZD)\s*|\s*(?:[$€£¥₹]|CHF|USD|EUR|GBP|CAD|AUD|NZD)$/g;
// Spaces that may group thousands: space, no-break space, narrow no-break space, thin space.
const SPACES = /[ \u00a0\u202f\u2009]/g;

function fail(message: string): NumberParse {
  return { ok: false, message };
}

/** Splits sign, parentheses and currency off a number; null when what is left is not digits and separators. */
function stripDecoration(text: string): { negative: boolean; body: string } | null {
  let body = text.trim();
  let negative = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  body = body.replace(CURRENCY, '').trim();
  if (body.startsWith('-') || body.startsWith('+') || body.startsWith('\u2212')) {
    negative = negative !== (body[0] !== '+');
    body = body.slice(1).trim();
  } else if (body.endsWith('-')) {
    negative = !negative;
    body = body.slice(0, -1).trim();
  }
  body = body.replace(CURRENCY, '').trim();
  return /^[\d.,' \u00a0\u202f\u2009]+$/.test(body) && /\d/.test(body) ? { negative, body } : null;
}

/** Picks the decimal separator of an `auto` number: the last of two different separators; one separator before exactly three digits is ambiguous. */
function autoDecimal(body: string): '.' | ',' | null | 'ambiguous' {
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const position = Math.max(lastDot, lastComma);
  if (position < 0) return null;
  const separator = body[position] as '.' | ',';
  if (body.indexOf(separator) !== position) return separator === '.' ? ',' : '.';
  return body.length - position - 1 === 3 ? 'ambiguous' : separator;
}

/** Parses a source number with the profile's separators into an exact decimal. */
export function parseLocaleNumber(raw: string, format: NumberFormat): NumberParse {
  const stripped = stripDecoration(raw);
  if (stripped === null) return fail(`"${raw}" is not a number`);
  let { body } = stripped;
  let decimal: '.' | ',' | null;
  if (format.decimal === 'auto') {
    const guess = autoDecimal(body);
    if (guess === 'ambiguous') return fail(`"${raw}" could be a thousand or a fraction; declare the decimal separator`);
    decimal = guess;
  } else decimal = format.decimal;
  const grouping = format.decimal === 'auto' ? (decimal === ',' ? '.' : ',') : format.grouping;
  const [whole = '', fraction, extra] = decimal === null ? [body] : body.split(decimal);
  if (extra !== undefined) return fail(`"${raw}" has more than one decimal separator`);
  let wholeDigits = whole.replace(SPACES, ' ');
  const groupChar = grouping === ' ' ? ' ' : grouping;
  if (groupChar !== '' && wholeDigits.includes(groupChar)) {
    const groups = wholeDigits.split(groupChar);
    if (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((group) => !/^\d{3}$/.test(group))) {
      return fail(`"${raw}" has misplaced thousands separators`);
    }
    wholeDigits = groups.join('');
  }
  if (fraction !== undefined && !/^\d*$/.test(fraction)) return fail(`"${raw}" is not a number with "${decimal}" as the decimal separator`);
  if (!/^\d*$/.test(wholeDigits) || (wholeDigits === '' && !fraction)) {
    return fail(`"${raw}" is not a number with "${decimal ?? format.decimal}" as the decimal separator`);
  }
  body = (wholeDigits === '' ? '0' : wholeDigits) + (fraction ? '.' + fraction : '');
  const value = parseExactDecimal((stripped.negative ? '-' : '') + body);
  return value === null ? fail(`"${raw}" has too many digits`) : { ok: true, value };
}
