// Formula-injection defence for text taken from imports (notes, names, ticket
// numbers). A spreadsheet evaluates a cell typed or pasted as `=…`, `+…`, `-…`,
// `@…` (and, in some locales, their full-width forms), and tab/CR/LF can start
// a new cell when the text is copied out. OWASP and ASVS 1.2.10 prescribe a
// leading apostrophe: Excel and LibreOffice then show the text and never
// evaluate it, even after the reader edits the cell (research/reliability.md §1).

/** Characters that make a spreadsheet treat a cell's text as a formula or a new cell (OWASP). */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

const TRUNCATION_MARK = ' [cut: longer than a spreadsheet cell allows]';

function startsWithTrigger(text: string): boolean {
  // Leading spaces do not protect: Excel and LibreOffice trim them when the cell is edited.
  let first = 0;
  while (text.charCodeAt(first) === 32) first += 1;
  // Every trigger is one UTF-16 unit, so the unit after the spaces decides (half a surrogate pair is no trigger).
  return TRIGGERS.has(text.charAt(first));
}

/**
 * True when `text` must be prefixed: it starts with a trigger, or it already
 * starts with an apostrophe over something that would need one (so that the
 * prefix can always be removed again without ambiguity).
 */
function needsPrefix(text: string): boolean {
  if (startsWithTrigger(text)) return true;
  return text.startsWith("'") && needsPrefix(text.slice(1));
}

/** Text as it is written to a cell: an apostrophe before a formula trigger. */
export function neutraliseText(text: string): string {
  return needsPrefix(text) ? "'" + text : text;
}

/** The original text of a neutralised cell (for tests and for re-import of our own exports). */
export function unneutraliseText(cell: string): string {
  return cell.startsWith("'") && needsPrefix(cell.slice(1)) ? cell.slice(1) : cell;
}

// XML 1.0 cannot carry C0 controls other than tab/CR/LF, nor lone surrogates;
// ExcelJS writes them as they are and Excel then refuses the file as corrupt.
// With the `u` flag a surrogate pair is one code point, so the range below matches lone halves only.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
// The same units without the `u` flag, paired halves included: a quick test that spares almost every text the replace.
// eslint-disable-next-line no-control-regex
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Text made safe for a cell: XML-clean, within Excel's cell limit, and neutralised. */
export function safeCellText(text: string): string {
  // Cut first (a cut may split a surrogate pair), then clean; the cut leaves room for the apostrophe.
  const cut = text.length > MAX_CELL_CHARS - 1 ? text.slice(0, MAX_CELL_CHARS - 1 - TRUNCATION_MARK.length) + TRUNCATION_MARK : text;
  return neutraliseText(MAYBE_NOT_XML.test(cut) ? cut.replace(NOT_XML, '\uFFFD') : cut);
}
