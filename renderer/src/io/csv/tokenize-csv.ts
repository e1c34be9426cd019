// A strict RFC 4180 tokenizer (quoted delimiters, doubled quotes, CRLF or LF
// line breaks inside quotes). It reports malformed records instead of
// guessing (research/reliability.md IMP-7) and hands each record to a
// callback, so a caller can type rows without keeping them all. Hand-written
// because PapaParse measured 40 MB/s for parsing alone here
// (research/performance.md §2), below the 50 MB/s read+type target.

import { fieldCells, type FieldRanges, type ScannedText } from '../../core/import/field-ranges';

export type CsvProblem = 'unclosed-quote' | 'text-after-quote';

export interface CsvRecordSink {
  /** A well-formed record: its cells and the line it starts on (1-based). */
  record(cells: string[], line: number): void;
  /**
   * Optional: a record as ranges of the text instead of cells (no string per
   * cell is made); a quoted field's range lies between its quotes, and one
   * with doubled quotes is marked escaped.
   */
  ranges?(fields: FieldRanges, line: number): void;
  /** A malformed record; an unclosed quote ends the scan. */
  problem(kind: CsvProblem, line: number): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The ranges of the record being read, reused from record to record. */
class RecordRanges implements FieldRanges {
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  escaped = new Uint8Array(32);
  count = 0;
  /** Whether a field of this record is marked escaped (so `escaped` needs clearing for the next). */
  private anyEscaped = false;

  constructor(readonly text: ScannedText) {}

  /** Starts the next record. */
  clear(): void {
    this.count = 0;
    if (this.anyEscaped) {
      this.escaped.fill(0);
      this.anyEscaped = false;
    }
  }

  add(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      const ends = new Int32Array(this.count * 2);
      const escaped = new Uint8Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      escaped.set(this.escaped);
      this.starts = starts;
      this.ends = ends;
      this.escaped = escaped;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /** Marks the last field added as holding doubled quotes. */
  markEscaped(): void {
    this.escaped[this.count - 1] = 1;
    this.anyEscaped = true;
  }
}

/** Splits `scanned` into records, skipping blank lines; `\r\n` and `\n` end a line. */
export function tokenizeCsv(scanned: ScannedText, delimiter: string, sink: CsvRecordSink): void {
  const text = scanned.chars;
  const length = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  // Next positions of the special characters, refreshed only once passed, so
  // each indexOf scans the text once overall (no quadratic rescans).
  let nextQuote = text.indexOf('"');
  let nextNewline = text.indexOf('\n');
  let nextDelimiter = text.indexOf(delimiter);
  let pos = 0;
  let line = 1;
  const fields = new RecordRanges(scanned);

  while (pos < length) {
    if (nextNewline !== -1 && nextNewline < pos) nextNewline = text.indexOf('\n', pos);
    if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    const lineEnd = nextNewline === -1 ? length : nextNewline;
    const quoted = nextQuote !== -1 && nextQuote < lineEnd;
    const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    if (!quoted && end === pos) {
      // A blank line.
      pos = lineEnd + 1;
      line++;
      continue;
    }

    // The fields before the line's first quote, or all of a line without
    // quotes, are split at each delimiter: indexOf (a native scan) per
    // delimiter beats a char-code loop over every character.
    fields.clear();
    if (nextDelimiter !== -1 && nextDelimiter < pos) nextDelimiter = text.indexOf(delimiter, pos);
    const unquotedEnd = quoted ? nextQuote : end;
    while (nextDelimiter !== -1 && nextDelimiter < unquotedEnd) {
      fields.add(pos, nextDelimiter);
      pos = nextDelimiter + 1;
      nextDelimiter = text.indexOf(delimiter, pos);
    }
    if (!quoted) {
      // A line without quotes is one record.
      fields.add(pos, end);
      if (sink.ranges) sink.ranges(fields, line);
      else sink.record(fieldCells(fields), line);
      pos = lineEnd + 1;
      line++;
      continue;
    }

    // From the first quote on, the record may span lines. Fields are still
    // ranges (a quoted one between its quotes, marked when it has doubled quotes).
    const recordLine = line;
    let malformed = false;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        const from = pos + 1;
        let search = from;
        let doubled = false;
        for (;;) {
          const close = text.indexOf('"', search);
          if (close === -1) {
            sink.problem('unclosed-quote', recordLine);
            return;
          }
          // Line breaks inside the quotes; the next one after them stays known for the rows to come.
          if (nextNewline !== -1 && nextNewline < search) nextNewline = text.indexOf('\n', search);
          for (; nextNewline !== -1 && nextNewline < close; nextNewline = text.indexOf('\n', nextNewline + 1)) line++;
          if (text.charCodeAt(close + 1) === QUOTE) {
            doubled = true;
            search = close + 2;
            continue;
          }
          fields.add(from, close);
          pos = close + 1;
          break;
        }
        if (doubled) fields.markEscaped();
        const next = text.charCodeAt(pos);
        const atEnd = pos >= length || next === delimiterCode || next === LF || (next === CR && (pos + 1 >= length || text.charCodeAt(pos + 1) === LF));
        if (!atEnd) {
          // `"a"b`: not a field RFC 4180 allows; skip to the field's end and drop the record.
          malformed = true;
          while (pos < length) {
            const code = text.charCodeAt(pos);
            if (code === delimiterCode || code === LF) break;
            pos++;
          }
        }
      } else {
        // An unquoted field, up to the next delimiter or line break; a quote inside it is taken literally (`5" screen`).
        if (nextDelimiter !== -1 && nextDelimiter < pos) nextDelimiter = text.indexOf(delimiter, pos);
        if (nextNewline !== -1 && nextNewline < pos) nextNewline = text.indexOf('\n', pos);
        const end = Math.min(nextDelimiter === -1 ? length : nextDelimiter, nextNewline === -1 ? length : nextNewline);
        fields.add(pos, end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end);
        pos = end;
      }
      if (pos < length && text.charCodeAt(pos) === delimiterCode) {
        pos++;
        continue;
      }
      if (pos < length && text.charCodeAt(pos) === CR) pos++;
      pos++; // past the LF (or the end of the text)
      line++;
      break;
    }
    if (malformed) sink.problem('text-after-quote', recordLine);
    else if (sink.ranges) sink.ranges(fields, recordLine);
    else sink.record(fieldCells(fields), recordLine);
  }
}
