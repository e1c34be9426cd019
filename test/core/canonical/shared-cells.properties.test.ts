import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entryTyper } from '../../../renderer/src/core/canonical/type-entries';
import { typeTable } from '../../../renderer/src/core/canonical/typed-rows';
import { readCsvBytes, readCsvTable, readCsvText } from '../../../renderer/src/io/csv/read-csv';

// Names, notes and the like repeat over a million entries, so the reader shares
// one string per value through a cache of recent cells. Whatever the order and
// however values collide in that cache, each row must get its own cell's value:
// names trimmed, notes exactly as written.

const HEADER = ['id', 'date', 'customer', 'member', 'notes'];
// Values that differ only by spacing or case, share a length or first and last
// characters, and non-ASCII ones (scanned as bytes in place).
const VALUES = ['Acme', ' Acme', 'Acme ', 'acme', 'Amce', 'Axme', 'Remote', 'Onsite', 'Travel', 'Björn', 'BjÃ¶rn', '', ' ', 'Remote support', 'Remote support ', 'O’Brien & Sons, LLC'];

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

describe('cells shared between rows (property)', () => {
  it('each row keeps its own trimmed names and its notes as written, in place and as cells', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...VALUES), fc.constantFrom(...VALUES), fc.constantFrom(...VALUES)), { maxLength: 60 }), (cells) => {
        const lines = cells.map(([customer, member, notes], index) => [`E${index}`, '2026-01-01', customer, member, notes].map(quote).join(','));
        const bytes = new TextEncoder().encode([HEADER.join(','), ...lines].join('\n') + '\n');
        // In place on the bytes, in place on decoded text, and as cells.
        const onBytes = entryTyper('entries.csv');
        readCsvBytes(bytes, 'entries.csv', onBytes);
        const onText = entryTyper('entries.csv');
        readCsvText(new TextDecoder().decode(bytes), 'entries.csv', onText);
        const asCells = typeTable(readCsvTable(bytes, 'entries.csv').table, entryTyper('entries.csv'));
        const expected = cells.map(([customer, member, notes]) => ({ customer: customer.trim(), member: member.trim(), notes }));
        for (const typed of [onBytes.finish(), onText.finish(), asCells]) {
          expect(typed.records.map(({ customer, member, notes }) => ({ customer, member, notes }))).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells a quoted value with doubled quotes from an unquoted one written with the same characters', () => {
    const bytes = new TextEncoder().encode('id,date,customer,notes\nE1,2026-01-01,a""b,a""b\nE2,2026-01-01,"a""b","a""b"\nE3,2026-01-01,a""b,a""b\n');
    const typed = entryTyper('entries.csv');
    readCsvBytes(bytes, 'entries.csv', typed);
    expect(typed.finish().records.map(({ customer, notes }) => [customer, notes])).toEqual([
      ['a""b', 'a""b'],
      ['a"b', 'a"b'],
      ['a""b', 'a""b'],
    ]);
  });
});
