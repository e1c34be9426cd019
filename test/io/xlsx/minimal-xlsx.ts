// Builds small .xlsx files by hand (raw XML, zipped with fflate), so a test
// controls exactly what is inside: serials, number formats, the 1904 flag,
// or a hostile DOCTYPE.
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface RawCell {
  /** `A1`-style reference. */
  readonly ref: string;
  /** Raw `<v>` text: a serial, a number, or (with `text`) an inline string. */
  readonly value: string;
  readonly text?: boolean;
  /** Index into `formats` (0 = General). */
  readonly style?: number;
}

export interface RawWorkbook {
  readonly date1904?: boolean;
  /** Custom number formats, styles 1..n. */
  readonly formats?: readonly string[];
  readonly rows: readonly (readonly RawCell[])[];
  /** Replaces parts or adds others (for hostile files). */
  readonly extraParts?: Readonly<Record<string, string>>;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The parts of a one-sheet workbook. */
export function workbookParts(book: RawWorkbook): Record<string, string> {
  const formats = book.formats ?? [];
  const numFmts = formats.map((code, index) => `<numFmt numFmtId="${164 + index}" formatCode="${escape(code)}"/>`).join('');
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...formats.map((_, index) => `<xf numFmtId="${164 + index}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)].join('');
  const rows = book.rows
    .map((cells, index) => `<row r="${index + 1}">${cells.map((cell) => (cell.text ? `<c r="${cell.ref}" t="inlineStr"${cell.style ? ` s="${cell.style}"` : ''}><is><t>${escape(cell.value)}</t></is></c>` : `<c r="${cell.ref}"${cell.style ? ` s="${cell.style}"` : ''}><v>${cell.value}</v></c>`)).join('')}</row>`)
    .join('');
  return {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${formats.length + 1}">${xfs}</cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
    ...book.extraParts,
  };
}

/** Zips parts into .xlsx bytes. */
export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(parts)) zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(zippable);
}

/** A one-sheet .xlsx from raw cells. */
export function buildXlsx(book: RawWorkbook): Uint8Array {
  return zipParts(workbookParts(book));
}

/** `A`, `B`, … for column letters in tests with few columns. */
export function ref(column: number, row: number): string {
  return String.fromCharCode(64 + column) + String(row);
}
