// A source file as rows of text cells, before any column is typed. Readers
// (CSV, XLSX, JSON) produce it; profiles and the canonical typer consume it.
// Cells stay strings so `00123` stays a ticket number and a blank stays blank.

export interface TableRow {
  /** 1-based line in the source (CSV line where the record starts; XLSX row number; JSON item index + 1). */
  readonly line: number;
  /** One string per header column; a missing cell is ''. */
  readonly cells: readonly string[];
}

export interface Table {
  readonly fileName: string;
  readonly header: readonly string[];
  readonly rows: readonly TableRow[];
  /**
   * Positions of columns whose every value was a machine number (an XLSX
   * number cell, a JSON number), written as a plain decimal (`1234.5`)
   * whatever the profile's separators. Absent for text sources such as CSV.
   */
  readonly plainColumns?: readonly number[];
}
