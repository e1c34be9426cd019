import { describe, expect, it } from 'vitest';
import { AppFormula, columnLetter, isAllowedFormula, roundedSumIfs, sheetRange } from '../../../renderer/src/io/workbook/formulas';

describe('formula allowlist', () => {
  it.each([
    "ROUND(SUMIFS('History detail'!$R$2:$R$90,'History detail'!$A$2:$A$90,$A5,'History detail'!$D$2:$D$90,$D5),2)",
    'ROUND(Y4+R5+S5+V5-T5-U5,2)',
    "IF(AND(ROUND(D5-C5,2)=0,ROUND(E5-C5,2)=0),\"OK\",\"MISMATCH\")",
    "COUNTIFS('History detail'!$F$2:$F$9,\"Entry\")",
    'SUM(I5:I9)',
    "'Monthly statement'!M7",
  ])('accepts our own formula %s', (formula) => {
    expect(isAllowedFormula(formula)).toBe(true);
    expect(AppFormula.of(formula).text).toBe(formula);
  });

  it.each([
    'HYPERLINK("http://x","y")',
    'WEBSERVICE("http://x")',
    'LOG10(A1)',
    'SUM(A1)+HYPERLINK("x")',
    'IF(A1,"http://evil","OK")',
    '[1]Sheet1!A1',
    "'C:\\x'!A1",
    'cmd|\' /C calc\'!A0',
    'INDIRECT("A1")',
    '',
  ])('refuses %s', (formula) => {
    expect(isAllowedFormula(formula)).toBe(false);
    expect(() => AppFormula.of(formula)).toThrow(/allowlist/);
  });

  it('names columns and ranges the way spreadsheets do', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(sheetRange('History detail', 18, 2, 90)).toBe("'History detail'!$R$2:$R$90");
    expect(roundedSumIfs('X', [['A', 'B'], ['C', 'D']])).toBe('ROUND(SUMIFS(X,A,B,C,D),2)');
  });
});
