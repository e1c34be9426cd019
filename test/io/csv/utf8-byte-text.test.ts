import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strictDecode } from '../../../renderer/src/io/csv/decode-text';
import { portableIsUtf8, Utf8ByteText } from '../../../renderer/src/io/csv/utf8-byte-text';
import { readCsvBytes, readCsvTable } from '../../../renderer/src/io/csv/read-csv';
import { entryTyper } from '../../../renderer/src/core/canonical/type-entries';

const encoder = new TextEncoder();

/** `bytes` copied to `offset` bytes into a larger buffer, so views start unaligned too. */
function at(offset: number, bytes: Uint8Array): Uint8Array {
  const buffer = new Uint8Array(offset + bytes.length + 3);
  buffer.set(bytes, offset);
  return buffer.subarray(offset, offset + bytes.length);
}

describe('Utf8ByteText: UTF-8 scanned one character per byte', () => {
  it('slices back every piece of any text, at any alignment, with byte offsets as positions (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.oneof(fc.constantFrom('a', ',', '"', '\n'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 40 }), { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (pieces, offset) => {
        const text = Utf8ByteText.of(at(offset, encoder.encode(pieces.join(''))));
        expect(text).not.toBeNull();
        let start = 0;
        for (const piece of pieces) {
          const end = start + encoder.encode(piece).length;
          expect((text as Utf8ByteText).slice(start, end)).toBe(piece);
          start = end;
        }
        expect((text as Utf8ByteText).chars.length).toBe(start);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps ASCII characters as themselves, so delimiters, quotes and digits are found in place', () => {
    const text = Utf8ByteText.of(encoder.encode('Björn,"Zahnärzte",1.5\n')) as Utf8ByteText;
    expect(text.chars.indexOf(',')).toBe(6);
    expect(text.chars.slice(-5)).toBe(',1.5\n');
    expect(text.slice(0, 6)).toBe('Björn');
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80, 0x62]],
    ['an overlong encoding', [0x61, 0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a sequence cut off at the end', [0x61, 0xe2, 0x82]],
    ['a byte UTF-8 never uses', [0x61, 0xff]],
    ['a sequence cut off by ASCII', [0xc3, 0x61]],
  ])('refuses bytes that are not UTF-8: %s', (_name, bytes) => {
    expect(Utf8ByteText.of(Uint8Array.from(bytes))).toBeNull();
    expect(portableIsUtf8(Uint8Array.from(bytes))).toBe(false);
  });

  it('checks UTF-8 in a browser exactly as the strict decoder does, at any alignment (property)', () => {
    // Mostly ASCII with runs of bytes that are often, not always, UTF-8.
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }).map((text) => encoder.encode(text)), fc.uint8Array({ minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 0, max: 3 }), (pieces, offset) => {
        const bytes = at(offset, Uint8Array.from(pieces.flatMap((bytes) => [...bytes])));
        expect(portableIsUtf8(bytes)).toBe(strictDecode('utf-8', bytes) !== null);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readCsvBytes with the byte text', () => {
  it('reads a file as Windows-1252 when its only byte that is not UTF-8 comes after thousands of rows', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `E${i},Björn Lund\n`).join('');
    const bytes = Uint8Array.from([...encoder.encode(`id,member\n${rows}`), ...[0x45, 0x58, 0x2c, 0x80, 0x0a]]);
    const result = readCsvTable(bytes, 'entries.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(result.table.rows[0]?.cells).toEqual(['E0', 'BjÃ¶rn Lund']);
    expect(result.table.rows.at(-1)?.cells).toEqual(['EX', '€']);
  });

  it('reads a UTF-8 file with a BOM as UTF-8 without the mark', () => {
    const result = readCsvTable(Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode('id,member\nE1,Björn\n')]), 'entries.csv');
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.table.header).toEqual(['id', 'member']);
    expect(result.table.rows[0]?.cells).toEqual(['E1', 'Björn']);
  });

  it('hands a ranges sink the decoded names of a row whose bytes are not all ASCII', () => {
    const seen: string[][] = [];
    readCsvBytes(encoder.encode('id,customer,member\nE1,Müller Zahnärzte GmbH,株式会社\n'), 'entries.csv', {
      header: () => undefined,
      row: () => undefined,
      rowRanges: (fields) => seen.push(Array.from({ length: fields.count }, (_, i) => fields.text.slice(fields.starts[i] as number, fields.ends[i] as number))),
    });
    expect(seen).toEqual([['E1', 'Müller Zahnärzte GmbH', '株式会社']]);
  });

  it('keeps a name apart from its own UTF-8 bytes spelled as Latin-1, whether a row comes in place or as cells', () => {
    // A row with a doubled quote comes as cells; the others in place, where "Björn" is scanned as the characters of "BjÃ¶rn".
    const typer = entryTyper('entries.csv');
    readCsvBytes(encoder.encode('id,date,member,notes\nE1,2026-01-01,Björn,plain\nE2,2026-01-01,BjÃ¶rn,"say ""hi"""\nE3,2026-01-01,Björn,"say ""hi"""\nE4,2026-01-01,BjÃ¶rn,plain\n'), 'entries.csv', typer);
    expect(typer.finish().records.map((entry) => entry.member)).toEqual(['Björn', 'BjÃ¶rn', 'Björn', 'BjÃ¶rn']);
  });
});
