// The only formulas a workbook may contain are the ones Blockledger authors:
// sums and checks over its own sheets. Every formula passes this allowlist when
// it is built, and tests scan the written XML with the same check, so no text
// from an import can ever reach a `<f>` element.

/** Spreadsheet functions our formulas use. Anything else (HYPERLINK, WEBSERVICE, INDIRECT…) is refused. */
export const ALLOWED_FUNCTIONS: readonly string[] = ['SUM', 'SUMIFS', 'COUNTIFS', 'ROUND', 'IF', 'AND'];

/** String literals our formulas use (criteria and check results). */
export const ALLOWED_LITERALS: readonly string[] = ['OK', 'MISMATCH', 'Entry'];

// A whole formula as a run of tokens: a sheet prefix of ours, one of our
// functions, a cell or range part, a number, one of our literals, an operator
// or a space. A name followed by `(` is always read as a function name, so it
// passes only when it is one of ours: `LOG10(` is no cell LOG10 and `A1SUM(`
// no cell A1. Tokens cannot split (a number or a row takes every digit of its
// run), so a refused formula fails fast. One anchored test per formula: every
// formula is checked as it is built, millions for a big portfolio (a tokenizer
// loop, or a cache by shape, was a tenth of writing the customer workbooks).
const ALLOWED_FORMULA = new RegExp(
  [
    '^(?:\\s',
    "'[A-Za-z ]{1,31}'!",
    `(?:${ALLOWED_FUNCTIONS.join('|')})(?=\\()`,
    '(?![A-Z][A-Z0-9.]*\\()\\$?[A-Z]{1,3}\\$?[1-9][0-9]{0,6}(?![0-9])',
    '[0-9]+(?:\\.[0-9]+)?(?![0-9.])',
    `"(?:${ALLOWED_LITERALS.join('|')})"`,
    '<>|<=|>=|[-+*/=<>(),:])+$',
  ].join('|'),
);

/** True when `text` (without the leading `=`) uses only our functions, references, numbers and literals. */
export function isAllowedFormula(text: string): boolean {
  return ALLOWED_FORMULA.test(text);
}

/** A formula the app authored and the allowlist accepted; the only way a formula reaches a cell. */
export class AppFormula {
  private constructor(readonly text: string) {}

  /** Checks `text` against the allowlist; a refusal is a programming error, never a data error. */
  static of(text: string): AppFormula {
    if (!isAllowedFormula(text)) throw new Error(`formula outside the allowlist: ${text}`);
    return new AppFormula(text);
  }
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A relative reference on the same sheet (`C7`). */
export function cellRef(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** An absolute column range on another sheet (`'History detail'!$P$2:$P$90`). */
export function sheetRange(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const letter = columnLetter(column);
  return `'${sheet}'!$${letter}$${firstRow}:$${letter}$${lastRow}`;
}

/** `ROUND(SUMIFS(sum, range1, criterion1, …), 2)`: sums of hundredths stay exact hundredths in both programs. */
export function roundedSumIfs(sumRange: string, criteria: readonly (readonly [string, string])[]): string {
  return `ROUND(SUMIFS(${sumRange},${criteria.map(([range, criterion]) => `${range},${criterion}`).join(',')}),2)`;
}
