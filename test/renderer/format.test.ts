import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, formatDate, formatHundredths, formatPercentTenths, formatQuantity, statusTone } from '../../renderer/src/components/format';
import { parseCenti } from '../../renderer/src/core/numbers';
import { defaultAsOf, nextMonthAsOf, parseFormats } from '../../renderer/src/components/engine-defaults';
import { workbookFileName } from '../../renderer/src/workers/file-names';
import { fileNameProblem } from '../../preload/contract';

const european = { date: 'dmy', decimal: ',', currencySymbol: '€' } as const;

describe('what the clerk reads', () => {
  it('shows hundredths with two decimals and grouped thousands, in either decimal convention', () => {
    expect(formatHundredths(123450)).toBe('1,234.50');
    expect(formatHundredths(-25)).toBe('-0.25');
    expect(formatHundredths(0)).toBe('0.00');
    expect(formatHundredths(123456789, european)).toBe('1.234.567,89');
  });

  it('reads back exactly what the ledger holds (no float rounding)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (value) => {
        expect(parseCenti(formatHundredths(value).replace(/,/g, ''))).toBe(value);
      }),
    );
  });

  it('writes money, quantities per unit and percentages', () => {
    expect(formatCents(-500)).toBe('-$5.00');
    expect(formatCents(199999, european)).toBe('€1.999,99');
    expect(formatQuantity(1250, 'hours')).toBe('12.50 h');
    expect(formatQuantity(30000, 'amount')).toBe('$300.00');
    expect(formatQuantity(100, 'incidents')).toBe('1.00 incident');
    expect(formatQuantity(null, 'hours')).toBe('');
    expect(formatPercentTenths(667)).toBe('66.7 %');
    expect(formatPercentTenths(1000)).toBe('100 %');
    expect(formatPercentTenths(-15, european)).toBe('-1,5 %');
    expect(formatPercentTenths(null)).toBe('—');
  });

  it('orders dates as chosen', () => {
    expect(formatDate('2026-01-31')).toBe('2026-01-31');
    expect(formatDate('2026-01-31', european)).toBe('31/01/2026');
    expect(formatDate('2026-01-31', { ...european, date: 'mdy' })).toBe('01/31/2026');
  });

  it('colours what needs action today red and what needs action soon amber', () => {
    expect(statusTone('overrun')).toBe('error');
    expect(statusTone('on_hold')).toBe('error');
    expect(statusTone('unmatched')).toBe('error');
    expect(statusTone('low')).toBe('warning');
    expect(statusTone('ended')).toBe('default');
  });
});

describe('starting values', () => {
  it('opens on the last day of the month just closed', () => {
    expect(defaultAsOf(new Date(2026, 10, 22))).toBe('2026-10-31');
    expect(defaultAsOf(new Date(2026, 0, 3))).toBe('2025-12-31');
    expect(defaultAsOf(new Date(2024, 2, 1))).toBe('2024-02-29');
  });

  it('makes ahead the date the first opening of next month asks for: the last day of this month', () => {
    for (const today of [new Date(2026, 10, 1), new Date(2026, 10, 22), new Date(2026, 10, 30), new Date(2026, 11, 31), new Date(2028, 1, 10)]) {
      const firstOfNextMonth = new Date(today.getFullYear(), today.getMonth() + 1, 1);
      expect(nextMonthAsOf(today)).toBe(defaultAsOf(firstOfNextMonth));
    }
    expect(nextMonthAsOf(new Date(2026, 11, 31))).toBe('2026-12-31');
    expect(nextMonthAsOf(new Date(2028, 1, 10))).toBe('2028-02-29');
  });

  it('keeps valid saved display formats and ignores the rest', () => {
    expect(parseFormats({ date: 'dmy', decimal: ',', currencySymbol: '€' })).toEqual(european);
    expect(parseFormats({ date: 'yesterday', decimal: ';' })).toEqual({ date: 'iso', decimal: '.', currencySymbol: '$' });
    expect(parseFormats(['dmy'])).toEqual({ date: 'iso', decimal: '.', currencySymbol: '$' });
    expect(parseFormats(null).date).toBe('iso');
  });
});

describe('workbook file names', () => {
  it('turns any customer name into a name the bridge accepts', () => {
    expect(workbookFileName('Smith/Jones: CPAs', '2026-10-31')).toBe('Smith Jones CPAs 2026-10-31.xlsx');
    expect(workbookFileName('=Calc Consulting', '2026-10-31')).toBe('Calc Consulting 2026-10-31.xlsx');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (customer) => {
        expect(fileNameProblem(workbookFileName(customer, '2026-10-31'))).toBeUndefined();
      }),
    );
  });
});
