import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { DEFAULT_XLSX_LIMITS, guardXlsx } from '../../../renderer/src/io/xlsx/xlsx-guard';
import { inflateRawNatively } from '../../../renderer/src/io/xlsx/read-xlsx-stream';
import { workbookParts, zipParts } from './minimal-xlsx';

// The stream reader (Node) lets the guard inflate with zlib instead of fflate,
// for speed. The verdict must be the same either way: same refusals, same words.

const bothVerdicts = (bytes: Uint8Array) => ({ fflate: guardXlsx(bytes), zlib: guardXlsx(bytes, DEFAULT_XLSX_LIMITS, inflateRawNatively) });

function lyingSizes(): Uint8Array {
  const lying = zipSync({ 'xl/worksheets/sheet1.xml': strToU8('<worksheet>' + 'x'.repeat(5_000) + '</worksheet>') }).slice();
  const view = new DataView(lying.buffer);
  view.setUint32(22, 100, true);
  const central = lying.findIndex((_, index) => view.getUint32(index, true) === 0x02014b50);
  view.setUint32(central + 24, 100, true);
  return lying;
}

describe('the guard with a native inflater', () => {
  it('accepts a workbook and refuses lying sizes, DTDs, non-UTF-8 XML and damaged parts exactly as with fflate', () => {
    const parts = workbookParts({ rows: [[{ ref: 'A1', value: 'id', text: true }]] });
    // Over a megabyte inflated, so the native inflate hands it over in several pieces.
    const rows = Array.from({ length: 150_000 }, (_, index) => `<row r="${index + 1}" spans="${(index * 7919) % 10007}"/>`).join('');
    const big = zipParts({ ...parts, 'xl/worksheets/sheet2.xml': `<worksheet>${rows}</worksheet>` });
    const doctype = zipParts({ ...parts, 'xl/sharedStrings.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sst/>' });
    const utf16 = zipSync({ 'xl/workbook.xml': new Uint8Array([0xff, 0xfe, 0x3c, 0x00]) });
    const damaged = zipParts(parts).slice();
    damaged[60] = (damaged[60] as number) ^ 0xff;
    const cases = { ok: zipParts(parts), big, lying: lyingSizes(), doctype, utf16, damaged };
    const codes = Object.fromEntries(Object.entries(cases).map(([name, bytes]) => [name, bothVerdicts(bytes)]));
    for (const { fflate, zlib } of Object.values(codes)) expect(zlib).toEqual(fflate);
    expect(codes.ok?.zlib).toEqual({ ok: true });
    expect(codes.big?.zlib).toEqual({ ok: true });
    expect(codes.lying?.zlib).toMatchObject({ ok: false, code: 'zip-bomb' });
    expect(codes.doctype?.zlib).toMatchObject({ ok: false, code: 'xml-doctype' });
    expect(codes.utf16?.zlib).toMatchObject({ ok: false, code: 'xml-not-utf8' });
  });

  it('gives the same verdict as fflate for any damage to a workbook (property)', () => {
    const workbook = zipParts(workbookParts({ rows: [[{ ref: 'A1', value: 'id', text: true }]] }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: workbook.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (flips) => {
        const bytes = workbook.slice();
        for (const [at, mask] of flips) bytes[at] = (bytes[at] as number) ^ mask;
        const { fflate, zlib } = bothVerdicts(bytes);
        expect(zlib).toEqual(fflate);
      }),
      { numRuns: 300 },
    );
  });
});
