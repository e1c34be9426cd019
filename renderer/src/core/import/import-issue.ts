// Errors at the import boundary are values (ARCHITECTURE.md "Errors"): each
// names the file, the line, the column and what was expected, in words a
// billing clerk understands.

export type IssueSeverity = 'error' | 'warning';

export interface ImportIssue {
  readonly file: string;
  /** 1-based line (the header is line 1); null for a file-level problem. */
  readonly line: number | null;
  /** The column's header name; null for a row- or file-level problem. */
  readonly column: string | null;
  /** Stable machine code, e.g. `invalid-date`, `duplicate-id`, `ragged-row`. */
  readonly code: string;
  readonly message: string;
  readonly severity: IssueSeverity;
}

/** `file, line 3, column "date": message` — the one way an issue is printed. */
export function describeIssue(issue: ImportIssue): string {
  const where = [issue.file];
  if (issue.line !== null) where.push(`line ${issue.line}`);
  if (issue.column !== null) where.push(`column "${issue.column}"`);
  return `${where.join(', ')}: ${issue.message}`;
}
