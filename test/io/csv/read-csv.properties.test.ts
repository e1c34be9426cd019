import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { readCsvTable } from '../../../renderer/src/io/csv/read-csv';

describe('readCsvTable properties', () => {
  it('arbitrary bytes give a table or issues, never an exception, and every row is as wide as the header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const { table } = readCsvTable(bytes, 'x.csv');
        for (const row of table.rows) expect(row.cells.length).toBe(table.header.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary text built from CSV punctuation gives a table or issues, with rows in line order', () => {
    const csvish = fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '\t', '"', '\n', '\r', ' ', '\ufeff', 'é'), maxLength: 200 });
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        const { table, issues } = readCsvTable(new TextEncoder().encode(text), 'x.csv');
        const lines = table.rows.map((row) => row.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        for (const row of table.rows) expect(row.cells.length).toBe(table.header.length);
        for (const issue of issues) expect(issue.file).toBe('x.csv');
      }),
      { numRuns: 1000 },
    );
  });

  const headerName = fc.string({ minLength: 1, maxLength: 8 }).filter((name) => name.trim() === name && !/[\r\n\ufeff]/.test(name));
  const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
    fc.record({
      header: fc.uniqueArray(headerName, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(fc.string({ unit: fc.oneof(fc.constantFrom(',', ';', '\t', '"', '\n', '\r\n', ' '), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 10 }), { minLength: width, maxLength: width }), { maxLength: 8 }),
    }),
  );
  const dialect = fc.record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    lineEnd: fc.constantFrom('\n', '\r\n'),
    quoteAll: fc.boolean(),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
  });

  it('canonical rows written in a random dialect read back identical', () => {
    fc.assert(
      fc.property(table, dialect, ({ header, rows }, { delimiter, lineEnd, quoteAll, encoding }) => {
        const quote = (cell: string, alone: boolean): string =>
          quoteAll || (alone && cell === '') || /[,;\t"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
        const text = [header, ...rows].map((cells) => cells.map((cell) => quote(cell, cells.length === 1)).join(delimiter) + lineEnd).join('');
        const bytes =
          encoding === 'utf-8' ? new TextEncoder().encode(text)
          : encoding === 'utf-8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
          : encoding === 'utf-16le' ? Uint8Array.from([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')])
          : Uint8Array.from([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
        const result = readCsvTable(bytes, 'x.csv');
        expect(result.issues).toEqual([]);
        expect(result.delimiter).toBe(delimiter);
        expect(result.table.header).toEqual(header);
        expect(result.table.rows.map((row) => row.cells)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
