// A record's fields as ranges of the text they were read from, so a typer can
// parse dates and numbers and compare repeated names in place instead of
// first copying every cell into a string of its own (issue 3's read speed:
// a million rows of twelve cells are twelve million strings otherwise).

/** Field i is `text.slice(starts[i], ends[i])`; the object is reused, valid only during the call that hands it over. */
export interface FieldRanges {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

/** The fields as strings, for a reader that wants cells. */
export function fieldCells(fields: FieldRanges): string[] {
  const cells: string[] = [];
  for (let i = 0; i < fields.count; i++) cells.push(fields.text.slice(fields.starts[i], fields.ends[i]));
  return cells;
}
