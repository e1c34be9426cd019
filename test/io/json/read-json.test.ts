import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readJson } from '../../../renderer/src/io/json/read-json';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('JSON reader for saved REST responses', () => {
  it('flattens nested references with dotted names and leaves missing keys blank', () => {
    const { tables, issues } = readJson(bytes(JSON.stringify([
      { id: 1, company: { id: 7, name: 'Acme' }, applicationLimit: 30, _info: { href: 'x' } },
      { id: 2, company: { name: 'Globex' }, expiredDays: 30, carryOverUnused: true },
    ])), 'agreements.json');
    expect(issues).toEqual([]);
    expect(tables).toEqual([
      {
        fileName: 'agreements.json',
        header: ['id', 'company.id', 'company.name', 'applicationLimit', 'expiredDays', 'carryOverUnused'],
        rows: [
          { line: 1, cells: ['1', '7', 'Acme', '30', '', ''] },
          { line: 2, cells: ['2', '', 'Globex', '', '30', 'true'] },
        ],
        plainColumns: [0, 1, 3, 4],
      },
    ]);
  });

  it('unwraps {items: [...]} and {item: {...}}, and reads a bundle of named lists as one table each', () => {
    expect(readJson(bytes('{"items":[{"id":5,"hours":1.1499999999999999}],"pageDetails":{"count":1}}'), 'blocks.json').tables[0]?.rows).toEqual([{ line: 1, cells: ['5', '1.15'] }]);
    expect(readJson(bytes('{"item":{"id":9}}'), 'one.json').tables[0]?.rows).toEqual([{ line: 1, cells: ['9'] }]);
    const bundle = readJson(bytes('{"agreements":[{"id":1}],"additions":[{"id":2,"agreementId":1}],"note":"x"}'), 'export.json');
    expect(bundle.tables.map((table) => table.fileName)).toEqual(['export.json [agreements]', 'export.json [additions]']);
  });

  it('never lets prototype-named keys reach an object, and says it ignored them', () => {
    const { tables, issues } = readJson(bytes('[{"id":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"company":{"prototype":"x","name":"A"}}]'), 'evil.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(tables[0]?.header).toEqual(['id', 'company.name']);
    expect(issues.map((issue) => [issue.code, issue.severity])).toEqual([
      ['forbidden-key', 'warning'],
      ['forbidden-key', 'warning'],
      ['forbidden-key', 'warning'],
    ]);
  });

  it('reports invalid JSON, non-UTF-8 bytes, and items that are not records', () => {
    expect(readJson(bytes('[\n{"id": 1},\n{"id": }\n]'), 'bad.json').issues[0]).toMatchObject({ code: 'invalid-json', severity: 'error' });
    expect(readJson(bytes('[\n{"id": 1},\n{"id": }\n]'), 'bad.json').issues[0]?.message).toMatch(/^the file is not valid JSON \(Unexpected token '}'\)/);
    expect(readJson(new Uint8Array([0x5b, 0xff, 0x5d]), 'bin.json').issues[0]).toMatchObject({ code: 'unreadable-encoding' });
    expect(readJson(bytes('[{"id":1}, 42]'), 'mixed.json').issues).toMatchObject([{ code: 'not-a-record', line: 2 }]);
    expect(readJson(bytes('"hello"'), 'text.json').issues).toMatchObject([{ code: 'not-records' }]);
  });

  it('turns arbitrary bytes and arbitrary JSON into tables or typed issues, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 500 }), fc.jsonValue().map((value) => bytes(JSON.stringify(value) ?? 'null'))), (input) => {
        const { tables, issues } = readJson(input, 'fuzz.json');
        if (tables.length === 0) expect(issues.length).toBeGreaterThan(0);
        for (const table of tables) for (const row of table.rows) expect(row.cells).toHaveLength(table.header.length);
      }),
      { numRuns: 1_000 },
    );
  });
});
