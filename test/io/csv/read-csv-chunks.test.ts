import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvChunkReader } from '../../../renderer/src/io/csv/read-csv-chunks';
import { readCsvText } from '../../../renderer/src/io/csv/read-csv';

interface Read {
  header: readonly string[];
  rows: [number, ...string[]][];
  delimiter: string;
  issues: [number | null, string][];
}

function collect(run: (sink: { header(names: readonly string[]): void; row(cells: string[], line: number): void }) => { delimiter: string; issues: { line: number | null; code: string }[] }): Read {
  let header: readonly string[] = [];
  const rows: [number, ...string[]][] = [];
  const { delimiter, issues } = run({ header: (names) => (header = names), row: (cells, line) => rows.push([line, ...cells]) });
  return { header, rows, delimiter, issues: issues.map((issue) => [issue.line, issue.code]) };
}

const whole = (text: string) => collect((sink) => readCsvText(text, 'x.csv', sink));
const inPieces = (pieces: readonly string[]) =>
  collect((sink) => {
    const reader = new CsvChunkReader('x.csv', sink);
    for (const piece of pieces) reader.push(piece);
    return reader.finish();
  });
const splitAt = (text: string, cuts: readonly number[]) => {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  return [...points, text.length].map((end, i) => text.slice(i === 0 ? 0 : points[i - 1], end));
};

describe('CsvChunkReader reads text in pieces exactly as the whole text', () => {
  const text = '\ufeffid;notes\r\nE1;"say ""hi"", then\r\nleave"\r\nE2;plain\r\n\r\nE3;x;ragged\r\nE4;"never closed\r\n';

  it('one character at a time', () => {
    expect(inPieces([...text])).toEqual(whole(text));
    expect(whole(text)).toEqual({
      header: ['id', 'notes'],
      rows: [[2, 'E1', 'say "hi", then\r\nleave'], [4, 'E2', 'plain']],
      delimiter: ';',
      issues: [[6, 'ragged-row'], [7, 'unclosed-quote']],
    });
  });

  it('a header split across pieces, a last record without a line break', () => {
    expect(inPieces(['i', 'd,ho', 'urs\nE1,1', '.5\nE2,2'])).toEqual({ header: ['id', 'hours'], rows: [[2, 'E1', '1.5'], [3, 'E2', '2']], delimiter: ',', issues: [] });
  });

  it('an empty stream is an empty file', () => {
    expect(inPieces([])).toEqual({ header: [], rows: [], delimiter: ',', issues: [[null, 'empty-file']] });
  });

  it('any text split anywhere reads the same as the whole (property)', () => {
    const csvish = fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '\t', '"', '""', '\n', '\r\n', ' '), maxLength: 120 });
    fc.assert(
      fc.property(csvish, fc.array(fc.nat(), { maxLength: 6 }), (sample, cuts) => {
        fc.pre(sample.includes('\n') || !sample.includes('\r'));
        expect(inPieces(splitAt(sample, cuts))).toEqual(whole(sample));
      }),
      { numRuns: 2000 },
    );
  });
});
