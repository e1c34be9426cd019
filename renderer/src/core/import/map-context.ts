// Shared by the source interpreters: turning typed source values into
// canonical text, and the per-contract notes that say what could not be
// mapped exactly (issue 3: "the import says so per contract instead of
// guessing"). Notes of one kind on one contract are grouped into one issue.
import type { Centi, ExactDecimal, IsoDate } from '../model';
import { formatCenti } from '../numbers';
import type { ImportIssue, IssueSeverity } from './import-issue';
import type { SourceRow } from './record-reader';
import type { SourceProfile } from './profiles/profile-types';
import type { CanonicalBuilder } from './canonical-output';
import { exactToCenti, exactToText } from './decimal-text';

interface Note {
  readonly row: SourceRow;
  readonly code: string;
  readonly severity: IssueSeverity;
  readonly message: (count: number) => string;
  count: number;
}

/** Everything an interpreter needs: the profile, the canonical output and the issue list. */
export class MapContext {
  readonly issues: ImportIssue[] = [];
  /** Entry id -> when it was entered in the source (`YYYY-MM-DDTHH:MM:SS`), for the engine's `entered` order. */
  readonly entered = new Map<string, string>();
  private readonly notes = new Map<string, Note>();

  constructor(
    readonly profile: SourceProfile,
    readonly out: CanonicalBuilder,
    /** The as-of date, when the caller knows it (used to read the source's own balance figures). */
    readonly asOf: IsoDate | null,
  ) {}

  /** Reports a problem with one source row. */
  rowIssue(row: SourceRow, field: string | null, code: string, message: string, severity: IssueSeverity = 'error'): void {
    this.issues.push({ file: row.file, line: row.line, column: field === null ? null : row.column(field), code, message, severity });
  }

  /** Says, once per contract and kind, what was approximated or left out; `message` gets how many rows it concerns. */
  note(contractId: string, row: SourceRow, code: string, message: (count: number) => string, severity: IssueSeverity = 'warning'): void {
    const key = `${code}\u0000${contractId}`;
    const existing = this.notes.get(key);
    if (existing) existing.count += 1;
    else this.notes.set(key, { row, code, severity, message, count: 1 });
  }

  /** Hundredths of a quantity field; undefined when blank; null (reported) when not a whole number of hundredths. */
  centi(row: SourceRow, field: string, what: string): Centi | null | undefined {
    const value = row.decimal(field);
    if (value === null) return undefined;
    return this.centiOf(row, field, value, what);
  }

  /** Hundredths of an exact value; null (reported) when it is not a whole number of hundredths. */
  centiOf(row: SourceRow, field: string | null, value: ExactDecimal, what: string): Centi | null {
    const centi = exactToCenti(value);
    if (centi === null) this.rowIssue(row, field, 'not-hundredths', `${what} ${exactToText(value)} is not a whole number of hundredths; correct it in the source (it is never rounded here)`);
    return centi;
  }

  /** All issues: row problems, then the grouped per-contract notes. */
  allIssues(): ImportIssue[] {
    const notes = [...this.notes.values()].map((note): ImportIssue => ({ file: note.row.file, line: note.row.line, column: null, code: note.code, message: note.message(note.count), severity: note.severity }));
    return [...this.issues, ...notes];
  }
}

/** Canonical text of hundredths (`2.5`, `10`). */
export function centiCell(value: Centi | null | undefined): string {
  return value === null || value === undefined ? '' : formatCenti(value);
}

/** `yes`/`no`, or '' when unknown. */
export function flagCell(value: boolean | null): string {
  return value === null ? '' : value ? 'yes' : 'no';
}

/** "1 entry" / "3 entries". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
