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
  /** The field at `chars[start, end)` as the string it stands for. */
  slice(start: number, end: number): string;
}

/** A decoded string scanned as it is. */
export class PlainText implements ScannedText {
  constructor(readonly chars: string) {}

  slice(start: number, end: number): string {
    return this.chars.slice(start, end);
  }
}

/** Field i is `text.slice(starts[i], ends[i])`; the object is reused, valid only during the call that hands it over. */
export interface FieldRanges {
  readonly text: ScannedText;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

/** The fields as strings, for a reader that wants cells. */
export function fieldCells(fields: FieldRanges): string[] {
  const cells: string[] = [];
  for (let i = 0; i < fields.count; i++) cells.push(fields.text.slice(fields.starts[i] as number, fields.ends[i] as number));
  return cells;
}
