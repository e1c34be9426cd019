// The allowlist is one anchored regular expression (fast enough for millions
// of formulas). Here it is held to a plain reading of the rule, a tokenizer
// that takes the longest token at each place: variants of our own formulas
// (other rows, a changed character, a smuggled function) are accepted exactly
// when that tokenizer accepts them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOWED_FUNCTIONS, ALLOWED_LITERALS, AppFormula, FormulaTemplate } from '../../../renderer/src/io/workbook/formulas';

// A name followed by "(" is a function; a row is 1-9 then up to six digits; numbers and rows take their whole digit run.
const TOKEN = /\s|'[A-Za-z ]{1,31}'!|([A-Z][A-Z0-9.]*)(?=\()|\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}(?![0-9])|[0-9]+(?:\.[0-9]+)?(?![0-9.])|"([^"]*)"|<>|<=|>=|[-+*/=<>(),:]/y;

function tokenizerAccepts(text: string): boolean {
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) return false;
    const [, functionName, literal] = match;
    if (functionName !== undefined && !ALLOWED_FUNCTIONS.includes(functionName)) return false;
    if (literal !== undefined && !ALLOWED_LITERALS.includes(literal)) return false;
  }
  return text.length > 0;
}

const OURS = [
  "ROUND(SUMIFS('History detail'!$R$2:$R$90,'History detail'!$A$2:$A$90,$A5,'History detail'!$D$2:$D$90,$D5),2)",
  'ROUND(Y4+R5+S5+V5-T5-U5,2)',
  'IF(AND(ROUND(D5-C5,2)=0,ROUND(E5-C5,2)=0),"OK","MISMATCH")',
  "'Monthly statement'!M7",
  'SUM(I5:I9)',
];
const EDITS = ['1', '9', '0', '10', '12345678', '.', '  ', 'A1', 'SUM(', 'A', 'Z', '(', ')', '"', "'", '!', ' ', 'HYPERLINK(', 'X1(', '"http"', '[1]', '|'];

const variant = fc
  .tuple(fc.constantFrom(...OURS), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...EDITS), fc.boolean()), { maxLength: 3 }))
  .map(([base, edits]) =>
    edits.reduce((text, [at, piece, replace]) => {
      const index = at % (text.length + 1);
      return text.slice(0, index) + piece + text.slice(replace ? index + 1 : index);
    }, base),
  );

function accepted(text: string): boolean {
  try {
    AppFormula.of(text);
    return true;
  } catch {
    return false;
  }
}

describe('the formula allowlist', () => {
  it('accepts a formula exactly when a longest-token tokenizer does', () => {
    fc.assert(
      fc.property(fc.array(variant, { minLength: 1, maxLength: 20 }), (texts) => {
        for (const text of texts) expect(accepted(text), text).toBe(tokenizerAccepts(text));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses near misses of our own formulas', () => {
    expect(accepted('SUM(I5:I9)')).toBe(true);
    expect(accepted('SUM(I12:I345)')).toBe(true);
    expect(accepted('SUM(I5:I9)+HYPERLINK("x")')).toBe(false);
    expect(accepted('SUM(I5:I9X)')).toBe(false);
    expect(accepted('SUM(I05:I9)')).toBe(false);
    expect(accepted('SUM(I0:I9)')).toBe(false);
    expect(accepted('SUM(I5:I)')).toBe(false);
  });
});

describe('formula templates (one check for every row)', () => {
  const statementSum = FormulaTemplate.of((row) => `ROUND(SUMIFS('History detail'!$R$2:$R$90,'History detail'!$A$2:$A$90,$A${row},'History detail'!$D$2:$D$90,$D${row}),2)`);

  it('fills any sheet row to the text the builder gives, which the allowlist accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_048_576 }), (row) => {
        const formula = statementSum.at(row);
        expect(formula.text).toBe(`ROUND(SUMIFS('History detail'!$R$2:$R$90,'History detail'!$A$2:$A$90,$A${row},'History detail'!$D$2:$D$90,$D${row}),2)`);
        expect(tokenizerAccepts(formula.text)).toBe(true);
      }),
    );
  });

  it('refuses a builder that is not filled by the row alone or leaves the allowlist at some row', () => {
    expect(() => FormulaTemplate.of((row) => `ROUND(P${row - 1}+Q${row},2)`)).toThrow(/template/);
    expect(() => FormulaTemplate.of(() => 'SUM(A1:A9)')).toThrow(/template/);
    expect(() => FormulaTemplate.of((row) => `SUM(A1${row})`)).toThrow(/template/);
    expect(() => FormulaTemplate.of((row) => `HYPERLINK("x",A${row})`)).toThrow(/template/);
  });

  it('fills only sheet rows', () => {
    for (const row of [0, -1, 1.5, 1_048_577, Number.NaN]) expect(() => statementSum.at(row)).toThrow(/not a sheet row/);
  });

  it('cannot be filled from outside without a check', () => {
    expect(() => AppFormula.filled(Symbol('filled from a checked template'), ['HYPERLINK("x",A', ')'], 1)).toThrow(/checked template/);
  });
});
