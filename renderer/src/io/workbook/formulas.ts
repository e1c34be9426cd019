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

// Only FormulaTemplate (below) may fill a checked template without checking each row's text again.
const FILLED_FROM_TEMPLATE = Symbol('filled from a checked template');

/** A formula the app authored and the allowlist accepted; the only way a formula reaches a cell. */
export class AppFormula {
  private constructor(
    readonly text: string,
    /** For a formula filled from a FormulaTemplate: the text around its row numbers and the row (writers may escape the parts once). */
    readonly filled: { readonly parts: readonly string[]; readonly row: number } | null,
  ) {}

  /** Checks `text` against the allowlist; a refusal is a programming error, never a data error. */
  static of(text: string): AppFormula {
    if (!isAllowedFormula(text)) throw new Error(`formula outside the allowlist: ${text}`);
    return new AppFormula(text, null);
  }

  /** A row of a checked template; callable only from this module. */
  static filled(key: symbol, parts: readonly string[], row: number): AppFormula {
    if (key !== FILLED_FROM_TEMPLATE) throw new Error('formulas are filled only from a checked template');
    return new AppFormula(parts.join(String(row)), { parts, row });
  }
}

/** The last row of a sheet (Excel and LibreOffice). */
const MAX_SHEET_ROW = 1_048_576;
// Stands for the row while a template is cut into parts; no formula of ours holds this number.
const ROW_MARK = 7_654_321;

/**
 * A formula that differs from row to row only in its row number (a month's
 * SUMIFS on the Monthly statement, three million of them for a big run):
 * checked against the allowlist once, then filled. Any row from 1 to the last
 * row of a sheet has the same kind of digit run (no leading zero, one to
 * seven digits), which is all the allowlist can tell apart, so checking the
 * first and the last row covers every row in between.
 */
export class FormulaTemplate {
  private constructor(private readonly parts: readonly string[]) {}

  /** `build(row)` must put `row` only where a row number goes (not `row - 1`); anything else is refused. */
  static of(build: (row: number) => string): FormulaTemplate {
    const parts = build(ROW_MARK).split(String(ROW_MARK));
    const first = build(1);
    if (parts.length < 2 || parts.join('1') !== first || !isAllowedFormula(first) || !isAllowedFormula(build(MAX_SHEET_ROW))) {
      throw new Error(`formula template outside the allowlist or not filled by its row alone: ${first}`);
    }
    return new FormulaTemplate(parts);
  }

  /** The formula at sheet row `row`. */
  at(row: number): AppFormula {
    if (!Number.isInteger(row) || row < 1 || row > MAX_SHEET_ROW) throw new Error(`row ${row} is not a sheet row`);
    return AppFormula.filled(FILLED_FROM_TEMPLATE, this.parts, row);
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
