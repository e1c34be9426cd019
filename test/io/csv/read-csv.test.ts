import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { fieldCell } from '../../../renderer/src/core/import/field-ranges';
import { readCsvTable, readCsvText, type CsvTableResult } from '../../../renderer/src/io/csv/read-csv';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (text: string): CsvTableResult => readCsvTable(utf8(text), 'entries.csv');
const rowsOf = (result: CsvTableResult) => result.table.rows.map((row) => [row.line, ...row.cells]);
const codesOf = (result: CsvTableResult) => result.issues.map((issue) => [issue.line, issue.code]);

describe('readCsvTable: dialects', () => {
  it.each([
    ['comma, LF', 'id,hours\nE1,1.5\nE2,2\n', ','],
    ['comma, CRLF', 'id,hours\r\nE1,1.5\r\nE2,2\r\n', ','],
    ['semicolon', 'id;hours\nE1;1.5\nE2;2\n', ';'],
    ['tab', 'id\thours\nE1\t1.5\nE2\t2\n', '\t'],
    ['no final line break', 'id,hours\nE1,1.5\nE2,2', ','],
    ['classic Mac CR line ends', 'id,hours\rE1,1.5\rE2,2\r', ','],
  ])('%s', (_name, text, delimiter) => {
    const result = read(text);
    expect(result.delimiter).toBe(delimiter);
    expect(result.table.header).toEqual(['id', 'hours']);
    expect(rowsOf(result)).toEqual([[2, 'E1', '1.5'], [3, 'E2', '2']]);
    expect(result.issues).toEqual([]);
  });

  it('reads quoted delimiters, doubled quotes and line breaks inside quotes, and counts lines from where each record starts', () => {
    const text = 'id,customer,notes\nE1,"Initech, Inc.","He said ""done"""\nE2,Acme,"two\nlines"\r\nE3,Acme,"crlf\r\ninside"\nE4,Acme,"a ""quoted"" word, and\nmore"\nE5,Acme,last\n';
    const result = read(text);
    expect(result.issues).toEqual([]);
    expect(rowsOf(result)).toEqual([
      [2, 'E1', 'Initech, Inc.', 'He said "done"'],
      [3, 'E2', 'Acme', 'two\nlines'],
      [5, 'E3', 'Acme', 'crlf\r\ninside'],
      [7, 'E4', 'Acme', 'a "quoted" word, and\nmore'],
      [9, 'E5', 'Acme', 'last'],
    ]);
  });

  it('skips blank lines (LF or CRLF, in the middle or at the end) and keeps the line numbers of the file', () => {
    const result = read('id;hours\r\n\r\nE1;1\n\nE2;2\n\n\n');
    expect(result.delimiter).toBe(';');
    expect(rowsOf(result)).toEqual([[3, 'E1', '1'], [5, 'E2', '2']]);
    expect(result.issues).toEqual([]);
  });

  it('hands quoted rows to a ranges sink in place (between the quotes), a field with doubled quotes marked to be unescaped', () => {
    const seen: unknown[] = [];
    readCsvText('id,customer,notes\nE1,"Initech, Inc.",\r\nE2,"two\nlines",\nE3,"say ""hi""",5"" screen\n', 'entries.csv', {
      header: () => undefined,
      row: (cells, line) => seen.push(['cells', line, ...cells]),
      rowRanges: (fields, line) => seen.push(['ranges', line, ...Array.from({ length: fields.count }, (_, i) => [fields.text.slice(fields.starts[i] as number, fields.ends[i] as number), fields.escaped[i], fieldCell(fields, i)])]),
    });
    expect(seen).toEqual([
      ['ranges', 2, ['E1', 0, 'E1'], ['Initech, Inc.', 0, 'Initech, Inc.'], ['', 0, '']],
      ['ranges', 3, ['E2', 0, 'E2'], ['two\nlines', 0, 'two\nlines'], ['', 0, '']],
      // The quoted field is unescaped; the unquoted one keeps its quotes as written.
      ['ranges', 5, ['E3', 0, 'E3'], ['say ""hi""', 1, 'say "hi"'], ['5"" screen', 0, '5"" screen']],
    ]);
  });

  it('trims header names and drops a BOM, whether the bytes or the text carry it', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(' id , hours\nE1,1\n')]);
    expect(readCsvTable(bytes, 'x.csv').table.header).toEqual(['id', 'hours']);
    let header: readonly string[] = [];
    readCsvText('\ufeffid,hours\n', 'x.csv', { header: (names) => (header = names), row: () => undefined });
    expect(header).toEqual(['id', 'hours']);
  });

  it('keeps every value as the exact string written (IMP-5)', () => {
    const values = ['00123', ' ', '0x10', '1e3', '-Infinity', 'TRUE', '03-04-2024', '', ' padded '];
    const result = read(`${values.map((_, i) => `c${i}`).join(',')}\n${values.join(',')}\n`);
    expect(result.table.rows[0]?.cells).toEqual(values);
  });

  it('takes a quote inside an unquoted value literally', () => {
    expect(rowsOf(read('id,notes\nE1,5" screen\n'))).toEqual([[2, 'E1', '5" screen']]);
  });

  it('reads a Windows-1252 file with € and ’ and says which encoding it used', () => {
    const bytes = Uint8Array.from(iconv.encode('customer;notes\nCafé;€ 5 – it’s done\n', 'windows-1252'));
    const result = readCsvTable(bytes, 'x.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(result.table.rows[0]?.cells).toEqual(['Café', '€ 5 – it’s done']);
  });

  it('reads UTF-16 LE files with a BOM', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...iconv.encode('id\thours\r\nE1\t1.5\r\n', 'utf-16le')]);
    const result = readCsvTable(bytes, 'x.csv');
    expect(result.encoding).toBe('utf-16le');
    expect(rowsOf(result)).toEqual([[2, 'E1', '1.5']]);
  });
});

describe('readCsvTable: strict about malformed records', () => {
  it('reports rows with fewer or more values than the header and does not guess them', () => {
    const result = read('id,hours,notes\nE1,1,ok\nE2,2\nE3,3,x,extra\nE4,4,ok\n');
    expect(rowsOf(result)).toEqual([[2, 'E1', '1', 'ok'], [5, 'E4', '4', 'ok']]);
    expect(codesOf(result)).toEqual([[3, 'ragged-row'], [4, 'ragged-row']]);
    expect(result.issues[0]).toMatchObject({ file: 'entries.csv', column: null, severity: 'error', message: 'expected 3 values as in the header, found 2; the row was not read' });
  });

  it('reports an unclosed quote at the line where its record starts and reads nothing after it', () => {
    const result = read('id,notes\nE1,fine\nE2,"never closed\nE3,lost\nE4,lost\n');
    expect(rowsOf(result)).toEqual([[2, 'E1', 'fine']]);
    expect(codesOf(result)).toEqual([[3, 'unclosed-quote']]);
  });

  it('reports text after a closing quote and keeps reading the next rows', () => {
    const result = read('id,notes\nE1,"a"b\nE2,ok\n');
    expect(rowsOf(result)).toEqual([[3, 'E2', 'ok']]);
    expect(codesOf(result)).toEqual([[2, 'text-after-quote']]);
  });

  it('a semicolon file with a trailing blank line is still read as semicolons (PapaParse #1042)', () => {
    const result = read('id;hours\nE1;1,5\n\n');
    expect(result.delimiter).toBe(';');
    expect(rowsOf(result)).toEqual([[2, 'E1', '1,5']]);
  });

  it('an empty file is an issue; a header alone is an empty table', () => {
    expect(codesOf(read(''))).toEqual([[null, 'empty-file']]);
    expect(codesOf(read('\n\n'))).toEqual([[null, 'empty-file']]);
    const headerOnly = read('id,hours\n');
    expect(headerOnly.issues).toEqual([]);
    expect(headerOnly.table).toEqual({ fileName: 'entries.csv', header: ['id', 'hours'], rows: [] });
  });

  it('reports bytes that claim UTF-8 with a BOM but are not', () => {
    const result = readCsvTable(Uint8Array.from([0xef, 0xbb, 0xbf, 0x69, 0x64, 0xff]), 'x.csv');
    expect(codesOf(result)).toEqual([[null, 'unreadable-encoding']]);
    expect(result.table.header).toEqual([]);
  });

  it('keeps prototype-named headers as plain strings, never as object keys', () => {
    const result = read('__proto__,constructor,prototype\n{"polluted":1},x,y\n');
    expect(result.table.header).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
