// Time worked as a source writes it (reliability.md IMP-10): decimal hours
// (`1.5`, or `1,5` with a decimal comma), `h:mm` / `h:mm:ss`, or minutes. The
// result is hours in hundredths (SPEC §1); a duration that is not a whole
// number of hundredths of an hour (20 minutes, 0.333 h) is reported, never
// rounded.
import type { Centi } from '../model';
import { parseLocaleNumber, type NumberFormat } from './locale-number';
import { exactToCenti, multiplyExact } from './decimal-text';

export const DURATION_UNITS = ['auto', 'hours', 'h:mm', 'minutes'] as const;
/** `auto` reads `1:30` as h:mm and anything else as decimal hours; `minutes` must be declared. */
export type DurationUnit = (typeof DURATION_UNITS)[number];

export type DurationParse = { readonly ok: true; readonly hours: Centi } | { readonly ok: false; readonly message: string };

const CLOCK = /^(-?)(\d+):([0-5]\d)(?::([0-5]\d))?$/;

function notHundredths(raw: string): DurationParse {
  return { ok: false, message: `"${raw}" is not a whole number of hundredths of an hour (0.01 h = 36 seconds); correct it in the source` };
}

/** Reads one duration cell as hundredths of an hour. */
export function parseDuration(raw: string, unit: DurationUnit, format: NumberFormat): DurationParse {
  const text = raw.trim();
  const clock = CLOCK.exec(text);
  if (clock && (unit === 'auto' || unit === 'h:mm')) {
    const seconds = Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4] ?? '0');
    // 0.01 h is 36 s: only multiples of 36 s are whole hundredths.
    if (seconds % 36 !== 0) return notHundredths(raw);
    const hours = seconds / 36;
    return { ok: true, hours: clock[1] === '-' ? -hours : hours };
  }
  if (unit === 'h:mm') return { ok: false, message: `"${raw}" is not a duration in h:mm` };
  const number = parseLocaleNumber(text, format);
  if (!number.ok) return { ok: false, message: number.message };
  if (unit === 'minutes') {
    // minutes × 100 / 60 hundredths: whole only when minutes × 5 is a multiple of 3.
    const fifths = multiplyExact(number.value, { units: 5, scale: 0 });
    if (fifths === null || fifths.scale !== 0 || fifths.units % 3 !== 0) return notHundredths(`${raw} minutes`);
    return { ok: true, hours: fifths.units / 3 };
  }
  const hours = exactToCenti(number.value);
  return hours === null ? notHundredths(raw) : { ok: true, hours };
}
