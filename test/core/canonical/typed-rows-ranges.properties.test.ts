import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { additionTyper } from '../../../renderer/src/core/canonical/type-additions';
import { contractTyper } from '../../../renderer/src/core/canonical/type-contracts';
import { entryTyper } from '../../../renderer/src/core/canonical/type-entries';
import { typeTable, type RowTyper } from '../../../renderer/src/core/canonical/typed-rows';
import { readCsvBytes, readCsvTable, readCsvText } from '../../../renderer/src/io/csv/read-csv';

// The CSV reader hands rows without doubled quotes to the typer as ranges of the text
// (read in place, for speed) and other rows as cells. Both must type a row the
// same way: same records, same issues, same messages. A UTF-8 file is scanned
// as one character per byte, where a non-ASCII character is only a stand-in:
// in place on those bytes must type the same as in place on decoded text.

const ENTRY_COLUMNS = ['id', 'date', 'contract_id', 'customer', 'member', 'hours', 'billable', 'amount', 'notes'];
const CONTRACT_COLUMNS = ['id', 'customer', 'start', 'end', 'unit', 'allowance', 'period', 'overage', 'prorate'];
const ADDITION_COLUMNS = ['contract_id', 'date', 'quantity', 'price', 'expires'];

// Valid values, near misses (spaces, signs, extra decimals, case) and arbitrary text.
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'C1', ' C1', 'C1 ', 'E1', 'E2', 'Acme', 'acme', ' Acme ', '2026-01-01', ' 2026-01-01', '2026-02-30', '2026-1-01', '20260101xx'),
  fc.constantFrom('1.5', '1.50', '1.500', '1.005', '0', '00', '.5', '5.', '-2', '+1', '1,5', '12345678901.25', '1234567890123', '٣', '1.5 ', '\u00a01'),
  fc.constantFrom('billable', 'BILLABLE', ' no_charge', 'do_not_bill', 'x', 'hours', 'amount', 'Hours', 'month', 'once', 'bill', 'carry', 'yes', 'No'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csvOf = (header: readonly string[], rows: readonly string[][]) => [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';

function bothWays<T>(text: string, typer: () => RowTyper<T>) {
  const inPlace = typer();
  readCsvText(text, 'file.csv', inPlace);
  const bytes = new TextEncoder().encode(text);
  const inPlaceOnBytes = typer();
  readCsvBytes(bytes, 'file.csv', inPlaceOnBytes);
  const asCells = typer();
  const table = readCsvTable(bytes, 'file.csv').table;
  return { inPlace: inPlace.finish(), inPlaceOnBytes: inPlaceOnBytes.finish(), asCells: typeTable(table, asCells) };
}

// Mostly valid values per column, so that many rows become records and a
// difference shows in them, not only in issues. Columns whose values repeat
// are read through a cache of recent cells: few values, so they do repeat.
// Non-ASCII names among them, and one spelled as its own UTF-8 bytes read as Latin-1.
const repeated = fc.constantFrom('C1', ' C1', 'C1 ', 'Acme', ' Acme ', 'acme', '', 'Björn', ' Björn', 'BjÃ¶rn', 'Zahnärzte', '株式会社');
const VALID = new Map<string, fc.Arbitrary<string>>([
  ['id', fc.integer({ min: 1, max: 99 }).map((n) => `E${n}`)],
  ['date', fc.constantFrom('2026-01-01', '2026-03-15', ' 2026-02-01')],
  ['start', fc.constantFrom('2026-01-01', '2026-03-15')],
  ['hours', fc.constantFrom('1', '1.5', '0.25', '2.50', '')],
  ['amount', fc.constantFrom('', '10', '12.5')],
  ['quantity', fc.constantFrom('0', '1', '10.5', '0.00')],
  ['billable', fc.constantFrom('billable', 'No_Charge', '')],
  ['unit', fc.constantFrom('hours', 'amount', '')],
]);
const column = (name: string) => (['contract_id', 'customer', 'member'].includes(name) ? repeated : fc.oneof({ arbitrary: VALID.get(name) ?? fc.constant(''), weight: 4 }, { arbitrary: cell, weight: 1 }));
const rows = (header: readonly string[]) => fc.array(fc.tuple(...header.map(column)), { maxLength: 15 });

/** Random rows under `header`, typed both ways, must give the same records and issues. */
function expectSameBothWays<T>(header: readonly string[], typer: () => RowTyper<T>, numRuns: number): void {
  fc.assert(
    fc.property(rows(header), (data) => {
      const { inPlace, inPlaceOnBytes, asCells } = bothWays(csvOf(header, data), typer);
      expect(inPlace.records).toEqual(asCells.records);
      expect(inPlace.issues).toEqual(asCells.issues);
      expect(inPlaceOnBytes.records).toEqual(asCells.records);
      expect(inPlaceOnBytes.issues).toEqual(asCells.issues);
    }),
    { numRuns },
  );
}

describe('typing a row read in place (property)', () => {
  it('entries: a row as ranges of the text types exactly as the same row as cells', () => {
    expectSameBothWays(ENTRY_COLUMNS, () => entryTyper('entries.csv'), 400);
  });

  it('contracts: a row as ranges of the text types exactly as the same row as cells', () => {
    expectSameBothWays(CONTRACT_COLUMNS, () => contractTyper('contracts.csv'), 300);
  });

  it('additions: a row as ranges of the text types exactly as the same row as cells', () => {
    const contracts = bothWays(csvOf(['id', 'customer', 'start'], [['C1', 'Acme', '2026-01-01']]), () => contractTyper('contracts.csv')).inPlace;
    expectSameBothWays(ADDITION_COLUMNS, () => additionTyper('additions.csv', contracts, 'contracts.csv'), 300);
  });
});
