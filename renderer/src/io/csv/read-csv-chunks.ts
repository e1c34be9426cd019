// CSV text that arrives in pieces (a File's stream through TextDecoderStream
// in the import worker): each record goes to the sink as soon as it is
// complete, so neither the whole text nor a table of it is ever held.
import type { ImportIssue } from '../../core/import/import-issue';
import { detectDelimiter, type Delimiter } from './detect-delimiter';
import { CsvRecordChecker, withoutBom, type CsvRowSink } from './read-csv';
import { tokenizeCsv } from './tokenize-csv';

/** Feeds text pieces through the strict tokenizer; call `finish` after the last piece. */
export class CsvChunkReader {
  private pending = '';
  private line = 1;
  private delimiter: Delimiter | null = null;
  private stopped = false;
  private started = false;
  private readonly checker: CsvRecordChecker;

  constructor(fileName: string, sink: CsvRowSink) {
    this.checker = new CsvRecordChecker(fileName, sink);
  }

  /** Adds the next piece of text and reads every record it completes. */
  push(piece: string): void {
    if (this.stopped) return;
    this.pending = this.started ? this.pending + piece : withoutBom(this.pending + piece);
    this.started ||= this.pending.length > 0;
    // The delimiter is proposed from the header line, so wait until it is whole.
    if (this.delimiter === null) {
      if (this.pending.indexOf('\n') === -1) return;
      this.delimiter = detectDelimiter(this.pending);
    }
    this.read(false);
  }

  /** Reads what is left (an unclosed quote is reported now) and returns the delimiter and issues. */
  finish(): { delimiter: Delimiter; issues: ImportIssue[] } {
    if (this.delimiter === null) this.delimiter = detectDelimiter(this.pending);
    if (!this.stopped) this.read(true);
    return { delimiter: this.delimiter, issues: this.checker.finish() };
  }

  private read(final: boolean): void {
    const stop = tokenizeCsv(this.pending, this.delimiter ?? ',', this.checker, { firstLine: this.line, final });
    this.pending = this.pending.slice(stop.position);
    this.line = stop.line;
    this.stopped = stop.stopped;
  }
}
