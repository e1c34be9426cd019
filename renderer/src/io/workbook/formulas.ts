// The only formulas a workbook may contain are the ones Blockledger authors:
// sums and checks over its own sheets. Every formula passes this allowlist when
// it is built, and tests scan the written XML with the same check, so no text
// from an import can ever reach a `<f>` element.

/** Spreadsheet functions our formulas use. Anything else (HYPERLINK, WEBSERVICE, INDIRECT…) is refused. */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(['SUM', 'SUMIFS', 'COUNTIFS', 'ROUND', 'IF', 'AND']);

/** String literals our formulas use (criteria and check results). */
export const ALLOWED_LITERALS: ReadonlySet<string> = new Set(['OK', 'MISMATCH', 'Entry']);

// One token of a formula: a sheet prefix of ours, a cell or range part, a
// function name, a number, an allowlisted string, an operator or a space.
// Function names come before references so that `LOG10(` cannot pass as cell LOG10.
const TOKEN = /\s+|'[A-Za-z0-9 ]{1,31}'!|([A-Z][A-Z0-9.]*)(?=\()|\$?[A-Z]{1,3}\$?[1-9][0-9]{0,6}|[0-9]+(?:\.[0-9]+)?|"([^"]*)"|<>|<=|>=|[-+*/=<>(),:]/y;

/** True when `text` (without the leading `=`) uses only our functions, references, numbers and literals. */
export function isAllowedFormula(text: string): boolean {
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) return false;
    const [, functionName, literal] = match;
    if (functionName !== undefined && !ALLOWED_FUNCTIONS.has(functionName)) return false;
    if (literal !== undefined && !ALLOWED_LITERALS.has(literal)) return false;
  }
  return text.length > 0;
}

// Formulas repeat with other row numbers (a million running balances), so the
// check runs once per shape: every digit run replaced by 1. The tokenizer
// treats digits alike in references and numbers, and no allowed function name
// has digits, so a shape passes exactly when every formula of that shape does.
const checkedShapes = new Map<string, boolean>();
const MAX_SHAPES = 10_000;

function isAllowedShape(text: string): boolean {
  const shape = text.replace(/[0-9]+/g, '1');
  let allowed = checkedShapes.get(shape);
  if (allowed === undefined) {
    allowed = isAllowedFormula(shape) && isAllowedFormula(text);
    if (checkedShapes.size < MAX_SHAPES) checkedShapes.set(shape, allowed);
  }
  return allowed;
}

/** A formula the app authored and the allowlist accepted; the only way a formula reaches a cell. */
export class AppFormula {
  private constructor(readonly text: string) {}

  /** Checks `text` against the allowlist; a refusal is a programming error, never a data error. */
  static of(text: string): AppFormula {
    if (!isAllowedShape(text)) throw new Error(`formula outside the allowlist: ${text}`);
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
