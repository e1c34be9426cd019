import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { type Cell, excelValue, text } from '../../../renderer/src/io/workbook/cells';
import { isAllowedFormula } from '../../../renderer/src/io/workbook/formulas';
import { HISTORY } from '../../../renderer/src/io/workbook/history-sheet';
import { unneutraliseText } from '../../../renderer/src/io/workbook/neutralise';
import { type WrittenWorkbooks, writeReconciliationWorkbooks } from '../../../main/cli/xlsx-output';
import { INJECTED_NOTES, TRICKY_PORTFOLIO } from '../../fixtures/workbook/tricky-portfolio';
import { dataRows, formulasIn, readWorkbook, sheetOf, shown, xmlParts } from './workbook-reading';

const result = reconcile(TRICKY_PORTFOLIO);
let dir = '';
let written: WrittenWorkbooks;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blockledger-injection-'));
  written = await writeReconciliationWorkbooks(result, TRICKY_PORTFOLIO, dir, () => undefined);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const allFiles = () => [...written.customerFiles, written.packFile].map((name) => join(dir, name));

describe('formula injection (research/reliability.md §1)', () => {
  it('writes notes that look like formulas as text with a leading apostrophe, and the original is recoverable', async () => {
    const book = await readWorkbook(join(dir, written.customerFiles[0] as string));
    const notes = dataRows(sheetOf(book, 'History detail'), 1).map((row) => shown(row.getCell(HISTORY.notes)));
    for (const note of INJECTED_NOTES) {
      expect(notes).toContain(`'${note}`);
      expect(unneutraliseText(`'${note}`)).toBe(note);
    }
    for (const note of notes) if (typeof note === 'string') expect(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']).not.toContain(note.charAt(0));
  });

  it('neutralises imported names and references too', async () => {
    const book = await readWorkbook(join(dir, written.customerFiles[0] as string));
    const history = dataRows(sheetOf(book, 'History detail'), 1);
    expect(history.map((row) => shown(row.getCell(HISTORY.customer)))).toContain("'=Calc Consulting");
    const pack = await readWorkbook(join(dir, written.packFile));
    const references = dataRows(sheetOf(pack, 'History detail'), 1).map((row) => shown(row.getCell(HISTORY.reference)));
    expect(references).toContain("'=PO(1)");
  });

  it('every formula in every workbook is one of ours, every formula carries its cached value, and there are no hyperlinks', async () => {
    let formulas = 0;
    for (const file of allFiles()) {
      const parts = await xmlParts(file);
      for (const formula of formulasIn(parts)) {
        expect(isAllowedFormula(formula), formula).toBe(true);
        expect(formula).not.toMatch(/HYPERLINK|WEBSERVICE|http/i);
        formulas += 1;
      }
      for (const [name, xml] of parts) {
        expect(xml, name).not.toMatch(/<hyperlinks?[\s>]|relationships\/hyperlink/);
        if (name.startsWith('xl/worksheets/')) {
          // Every <f> is followed by its cached <v>: programs that do not recalculate still show the figure.
          expect(xml.match(/<\/f>(?!<v>)/g) ?? [], name).toEqual([]);
        }
      }
      expect([...parts.keys()].some((name) => name.includes('externalLink')), file).toBe(false);
    }
    expect(formulas).toBeGreaterThan(100);
  });
});

describe('the typed cell writer (EXP-1)', () => {
  it('turns any imported value into a string cell; objects that would become formulas, links or rich text are refused at compile time', () => {
    // @ts-expect-error a formula object from data is not text
    const formula: Cell = text({ formula: 'WEBSERVICE("http://x")' });
    // @ts-expect-error a hyperlink object from data is not text
    const link: Cell = text({ text: 'x', hyperlink: 'file:///etc/passwd' });
    // @ts-expect-error rich text from data is not text
    const rich: Cell = text({ richText: [{ text: '=1' }] });
    for (const cell of [formula, link, rich]) expect(typeof excelValue(cell)).toBe('string');
    expect(excelValue(text('=1+1'))).toBe("'=1+1");
    expect(excelValue(text('00123'))).toBe('00123');
  });
});
