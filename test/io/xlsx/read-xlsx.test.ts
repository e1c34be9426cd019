import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readXlsxStream } from '../../../renderer/src/io/xlsx/read-xlsx-stream';
import { readXlsxInMemory } from '../../../renderer/src/io/xlsx/read-xlsx-memory';
import { guardXlsx } from '../../../renderer/src/io/xlsx/xlsx-guard';
import { buildXlsx, workbookParts, zipParts, type RawCell } from './minimal-xlsx';

const READERS = [
  ['stream', readXlsxStream],
  ['in-memory', readXlsxInMemory],
] as const;

const header: RawCell[] = [
  { ref: 'A1', value: 'date', text: true },
  { ref: 'B1', value: 'hours', text: true },
  { ref: 'C1', value: 'amount', text: true },
];

// 2026-01-05 is serial 46027 in the 1900 system and 44565 in the 1904 system.
function sample(date1904: boolean): Uint8Array {
  return buildXlsx({
    date1904,
    formats: ['dd/mm/yyyy', '[h]:mm', 'h:mm'],
    rows: [
      header,
      [{ ref: 'A2', value: date1904 ? '44565' : '46027', style: 1 }, { ref: 'B2', value: '0.0625', style: 2 }, { ref: 'C2', value: '1.1499999999999999' }],
      [{ ref: 'A3', value: date1904 ? '44565.99' : '46027.99', style: 1 }, { ref: 'B3', value: '1.5', style: 2 }, { ref: 'C3', value: '0.30000000000000004' }],
      [{ ref: 'A4', value: date1904 ? '44566' : '46028', style: 1 }, { ref: 'B4', value: '0.25', style: 3 }, { ref: 'C4', value: '12.345' }],
    ],
  });
}

describe.each(READERS)('%s XLSX reader', (_name, read) => {
  it('reads dates by UTC day, [h]:mm as decimal hours and numbers without float noise, in both date systems', async () => {
    for (const date1904 of [false, true]) {
      const { tables, issues } = await read(sample(date1904), 'time.xlsx');
      expect(issues).toEqual([]);
      expect(tables).toEqual([
        {
          fileName: 'time.xlsx',
          header: ['date', 'hours', 'amount'],
          rows: [
            { line: 2, cells: ['2026-01-05', '1.5', '1.15'] },
            { line: 3, cells: ['2026-01-05', '36', '0.3'] },
            { line: 4, cells: ['2026-01-06', '6', '12.345'] },
          ],
          plainColumns: [0, 1, 2],
        },
      ]);
    }
  });

  it('writes a duration that is not whole hundredths of an hour as h:mm:ss, for the typer to flag', async () => {
    const bytes = buildXlsx({ formats: ['[h]:mm'], rows: [[{ ref: 'A1', value: 'hours', text: true }], [{ ref: 'A2', value: String(20 / 1440), style: 1 }]] });
    const { tables } = await read(bytes, 'd.xlsx');
    expect(tables[0]?.rows[0]?.cells).toEqual(['0:20:00']);
  });

  it('refuses a 1900-system date serial before 1 March 1900 (Excel calendar bug)', async () => {
    const bytes = buildXlsx({ formats: ['yyyy-mm-dd'], rows: [[{ ref: 'A1', value: 'date', text: true }], [{ ref: 'A2', value: '60', style: 1 }]] });
    const { issues } = await read(bytes, 'old.xlsx');
    expect(issues).toMatchObject([{ file: 'old.xlsx', line: 2, column: 'date', code: 'unreadable-cell' }]);
  });

  it('gives the same result in any time zone (run under TZ=Pacific/Kiritimati too)', async () => {
    const { tables } = await read(sample(false), 'time.xlsx');
    expect(tables[0]?.rows.map((row) => row.cells[0])).toEqual(['2026-01-05', '2026-01-05', '2026-01-06']);
  });

  it('refuses an old .xls or a password-protected workbook with a clear message', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const { tables, issues } = await read(ole2, 'old.xls');
    expect(tables).toEqual([]);
    expect(issues).toMatchObject([{ code: 'xls-or-encrypted', severity: 'error' }]);
    expect(issues[0]?.message).toMatch(/save it as \.xlsx without a password/);
  });

  it('refuses a sheet with a DOCTYPE/ENTITY declaration (billion laughs) before any expansion', async () => {
    const parts = workbookParts({ rows: [header] });
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    const { issues } = await read(zipParts({ ...parts, 'xl/worksheets/sheet1.xml': laughs }), 'laughs.xlsx');
    expect(issues).toMatchObject([{ code: 'xml-doctype' }]);
    const external = '<?xml version="1.0"?><!doctype x [ <!entity xxe SYSTEM "file:///etc/passwd"> ]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>';
    const second = await read(zipParts({ ...parts, 'xl/sharedStrings.xml': external }), 'xxe.xlsx');
    expect(second.issues).toMatchObject([{ code: 'xml-doctype' }]);
  });
});

describe('zip bombs and damaged containers', () => {
  it('refuses a part that inflates far beyond any real sheet (ratio)', () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 6 });
    expect(guardXlsx(bomb)).toMatchObject({ ok: false, code: 'zip-bomb' });
  });

  it('refuses a zip whose declared sizes lie (inflates past the declared size)', () => {
    const honest = zipSync({ 'xl/worksheets/sheet1.xml': strToU8('<worksheet>' + 'x'.repeat(5_000) + '</worksheet>') });
    const lying = honest.slice();
    // Declared uncompressed size: local header offset 22, central directory entry offset 24.
    const view = new DataView(lying.buffer);
    view.setUint32(22, 100, true);
    const central = lying.findIndex((_, index) => view.getUint32(index, true) === 0x02014b50);
    view.setUint32(central + 24, 100, true);
    expect(guardXlsx(lying)).toMatchObject({ ok: false, code: 'zip-bomb' });
  });

  it('refuses a zip with too many parts', () => {
    const parts: Record<string, Uint8Array> = {};
    for (let index = 0; index < 2_500; index += 1) parts[`x/${index}.txt`] = new Uint8Array(0);
    expect(guardXlsx(zipSync(parts))).toMatchObject({ ok: false, code: 'zip-too-many-parts' });
  });

  it('refuses a file that is not a zip, and a truncated one', async () => {
    expect(guardXlsx(strToU8('id,date\n1,2026-01-01\n'))).toMatchObject({ ok: false, code: 'not-xlsx' });
    const truncated = sample(false).slice(0, 300);
    const { issues } = await readXlsxStream(truncated, 'cut.xlsx');
    expect(issues[0]).toMatchObject({ file: 'cut.xlsx', severity: 'error' });
  });

  it('turns arbitrary bytes into tables or typed issues, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.boolean(), async (bytes, zipPrefix) => {
        const input = zipPrefix ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        for (const [, read] of READERS) {
          const result = await read(input, 'fuzz.xlsx');
          expect(Array.isArray(result.tables) && Array.isArray(result.issues)).toBe(true);
          if (result.tables.length === 0) expect(result.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('survives byte flips in a real workbook with tables or typed issues', async () => {
    const valid = sample(false);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = valid.slice();
        for (const [index, value] of flips) bytes[index] = value;
        for (const [, read] of READERS) {
          const result = await read(bytes, 'flipped.xlsx');
          expect(Array.isArray(result.tables) && Array.isArray(result.issues)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
