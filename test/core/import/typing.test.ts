import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLocaleNumber } from '../../../renderer/src/core/import/locale-number';
import { parseSourceDate } from '../../../renderer/src/core/import/source-date';
import { parseDuration } from '../../../renderer/src/core/import/source-duration';
import { exactToText, numberToDecimalText } from '../../../renderer/src/core/import/decimal-text';

const US = { decimal: '.', grouping: ',' } as const;
const DE = { decimal: ',', grouping: '.' } as const;
const FR = { decimal: ',', grouping: ' ' } as const;

function number(raw: string, format: Parameters<typeof parseLocaleNumber>[1]): string {
  const parsed = parseLocaleNumber(raw, format);
  return parsed.ok ? exactToText(parsed.value) : `error: ${parsed.message}`;
}

describe('money and quantities with a profile locale', () => {
  it.each([
    ['1,234.50', US, '1234.5'],
    ['(1,234.50)', US, '-1234.5'],
    ['$1,234.50', US, '1234.5'],
    ['1234.50-', US, '-1234.5'],
    ['-$12', US, '-12'],
    ['USD 99.99', US, '99.99'],
    ['1.234,56', DE, '1234.56'],
    ['€ 1 234,56', FR, '1234.56'],
    ['1\u00a0234,56 €', FR, '1234.56'],
    ['12.345', US, '12.345'],
    ['0.30', US, '0.3'],
  ] as const)('%s reads as %s', (raw, format, expected) => {
    expect(number(raw, format)).toBe(expected);
  });

  it.each([
    ['1.234,56', US],
    ['1,23,4', US],
    ['12,3', US],
    ['abc', US],
    ['1,234.5.6', US],
    ['', US],
  ] as const)('%s is refused', (raw, format) => {
    expect(number(raw, format)).toMatch(/^error/);
  });

  it('refuses a lone separator before three digits when the locale is not declared', () => {
    expect(number('1,234', { decimal: 'auto', grouping: '' })).toMatch(/declare the decimal separator/);
    expect(number('1.234,5', { decimal: 'auto', grouping: '' })).toBe('1234.5');
    expect(number('1,5', { decimal: 'auto', grouping: '' })).toBe('1.5');
  });

  it('reads every grouped US amount back exactly (no parseFloat)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (cents) => {
        const negative = cents < 0n;
        const magnitude = negative ? -cents : cents;
        const whole = (magnitude / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const text = `${negative ? '(' : ''}$${whole}.${(magnitude % 100n).toString().padStart(2, '0')}${negative ? ')' : ''}`;
        const parsed = parseLocaleNumber(text, US);
        expect(parsed.ok && BigInt(parsed.value.units) * 10n ** BigInt(2 - parsed.value.scale)).toBe(cents);
      }),
    );
  });
});

describe('dates in the declared format only', () => {
  it('reads ISO dates and date-times regardless of the declared format', () => {
    expect(parseSourceDate('2026-03-04', 'DMY')).toEqual({ kind: 'date', iso: '2026-03-04', impliedOrder: null });
    expect(parseSourceDate('2026-03-04T14:00:00Z', null)).toMatchObject({ iso: '2026-03-04' });
  });

  it('moves a zoned date-time to the profile offset before taking its day', () => {
    expect(parseSourceDate('2026-02-01T04:30:00Z', null, -300)).toMatchObject({ iso: '2026-01-31' });
    expect(parseSourceDate('2026-01-31T23:30:00-05:00', null, 0)).toMatchObject({ iso: '2026-02-01' });
  });

  it('calls 03/04/2026 ambiguous without a declared order and reads it with one', () => {
    expect(parseSourceDate('03/04/2026', null)).toEqual({ kind: 'ambiguous' });
    expect(parseSourceDate('03/04/2026', 'DMY')).toMatchObject({ iso: '2026-04-03' });
    expect(parseSourceDate('03/04/2026', 'MDY')).toMatchObject({ iso: '2026-03-04' });
  });

  it('lets 13/04/2026 imply day-first and refuses it as month-first', () => {
    expect(parseSourceDate('13/04/2026', null)).toMatchObject({ kind: 'date', iso: '2026-04-13', impliedOrder: 'DMY' });
    expect(parseSourceDate('13/04/2026', 'MDY').kind).toBe('error');
  });

  it('reads Excel serials in the 1900 system and refuses implausible ones', () => {
    expect(parseSourceDate('46023', null)).toMatchObject({ iso: '2026-01-01' });
    expect(parseSourceDate('60', null).kind).toBe('error');
    expect(parseSourceDate('12345', null).kind).toBe('error');
  });

  it('refuses two-digit years and impossible dates', () => {
    expect(parseSourceDate('03/04/26', 'DMY').kind).toBe('error');
    expect(parseSourceDate('31/02/2026', 'DMY').kind).toBe('error');
    expect(parseSourceDate('2026-02-30', null).kind).toBe('error');
  });
});

describe('durations as hundredths of an hour', () => {
  const hours = (raw: string, unit: Parameters<typeof parseDuration>[1] = 'auto', format: Parameters<typeof parseDuration>[2] = US) => {
    const parsed = parseDuration(raw, unit, format);
    return parsed.ok ? parsed.hours : 'flagged';
  };

  it.each([
    ['1:30', 150],
    ['1.5', 150],
    ['0.25', 25],
    ['0.1', 10],
    ['0.01', 1],
    ['36:00', 3600],
    ['0:06:00', 10],
  ])('%s is %i hundredths', (raw, expected) => {
    expect(hours(raw)).toBe(expected);
  });

  it('flags what is not a whole hundredth of an hour instead of rounding it', () => {
    expect(hours('0.333')).toBe('flagged');
    expect(hours('0:20')).toBe('flagged');
    expect(hours('20', 'minutes')).toBe('flagged');
  });

  it('reads minutes and decimal commas when declared', () => {
    expect(hours('90', 'minutes')).toBe(150);
    expect(hours('1,5', 'hours', DE)).toBe(150);
  });
});

describe('numbers from spreadsheets and JSON', () => {
  it.each([
    [1.15, '1.15'],
    [0.1 + 0.2, '0.3'],
    [114.99999999999999, '115'],
    [12.345, '12.345'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-42, '-42'],
  ])('%d is written %s', (value, expected) => {
    expect(numberToDecimalText(value)).toBe(expected);
  });
});
