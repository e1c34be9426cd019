// A record's fields as ranges of the text they were read from, so a typer can
// parse dates and numbers and compare repeated names in place instead of
// first copying every cell into a string of its own (issue 3's read speed:
// a million rows of twelve cells are twelve million strings otherwise).

/**
 * A text scanned for fields. `chars` is what scanners and in-place parsers
 * read: ASCII characters (delimiters, quotes, digits, letters) are
 * themselves, but a non-ASCII character may be a stand-in (a CSV read as one
 * character per UTF-8 byte), so a field becomes a string only through `slice`.
 */
export interface ScannedText {
  readonly chars: string;
  /** The same characters as bytes (`bytes[i] === chars.charCodeAt(i)`) when the text is scanned one character per byte; null otherwise. */
  readonly bytes: Uint8Array | null;
  /** The field at `chars[start, end)` as the string it stands for. */
  slice(start: number, end: number): string;
}

/** A decoded string scanned as it is. */
export class PlainText implements ScannedText {
  readonly bytes = null;

  constructor(readonly chars: string) {}

  slice(start: number, end: number): string {
    return this.chars.slice(start, end);
  }
}

/**
 * Field i is `text.slice(starts[i], ends[i])`, with `""` read as `"` when
 * `escaped[i]` is 1 (a quoted field with doubled quotes: its characters are
 * not its value, so in-place readers pass it by). The object is reused,
 * valid only during the call that hands it over.
 */
export interface FieldRanges {
  readonly text: ScannedText;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly escaped: Uint8Array;
  readonly count: number;
}

/** Field `index` as a string. */
export function fieldCell(fields: FieldRanges, index: number): string {
  const cell = fields.text.slice(fields.starts[index] as number, fields.ends[index] as number);
  return fields.escaped[index] === 1 ? cell.replaceAll('""', '"') : cell;
}

/** The fields as strings, for a reader that wants cells. */
export function fieldCells(fields: FieldRanges): string[] {
  const cells: string[] = [];
  for (let i = 0; i < fields.count; i++) cells.push(fieldCell(fields, i));
  return cells;
}
