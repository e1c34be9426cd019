// What the profiles produce: canonical-shaped Tables (SPEC §2 column names,
// canonical spellings: YYYY-MM-DD, plain decimals, yes/no), one per source
// file and record kind, so the canonical typer applies SPEC §10 once for every
// source and each row keeps the file and line it came from.
import type { Table, TableRow } from './table';

export type CanonicalKind = 'contracts' | 'additions' | 'entries';

/** SPEC §2 column names, in the order the canonical tables list them. */
export const CANONICAL_COLUMNS: Readonly<Record<CanonicalKind, readonly string[]>> = {
  contracts: ['id', 'customer', 'name', 'unit', 'start', 'end', 'allowance', 'period', 'anchor', 'prorate', 'carryover', 'carryover_days', 'overage', 'overrun_limit_pct', 'overrun_limit', 'warning_pct', 'low_balance', 'rebill_below', 'rebill_quantity', 'rate', 'role_rates', 'role_factors', 'excluded_work_types', 'round_minutes', 'minimum_minutes', 'covers_expenses', 'price', 'reported_balance', 'reported_as_of'],
  additions: ['contract_id', 'date', 'quantity', 'price', 'reference', 'expires'],
  entries: ['id', 'date', 'contract_id', 'customer', 'ticket', 'member', 'work_role', 'work_type', 'hours', 'billable', 'amount', 'notes'],
};

export interface CanonicalTables {
  readonly contracts: readonly Table[];
  readonly additions: readonly Table[];
  readonly entries: readonly Table[];
}

/** A canonical row under construction: SPEC column -> canonical text. */
export type CanonicalCells = Map<string, string>;

/** Collects canonical rows by kind and source file. */
export class CanonicalBuilder {
  private readonly rows = new Map<CanonicalKind, Map<string, TableRow[]>>();

  /** Adds one canonical row that came from `file` line `line`. */
  add(kind: CanonicalKind, file: string, line: number, cells: CanonicalCells): void {
    const header = CANONICAL_COLUMNS[kind];
    for (const column of cells.keys()) if (!header.includes(column)) throw new Error(`not a ${kind} column: ${column}`);
    let byFile = this.rows.get(kind);
    if (!byFile) this.rows.set(kind, (byFile = new Map()));
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push({ line, cells: header.map((column) => cells.get(column) ?? '') });
  }

  /** The canonical tables, one per kind and source file, rows in source line order. */
  tables(): CanonicalTables {
    const of = (kind: CanonicalKind): Table[] =>
      [...(this.rows.get(kind) ?? new Map<string, TableRow[]>())].map(([fileName, rows]) => ({
        fileName,
        header: CANONICAL_COLUMNS[kind],
        rows: [...rows].sort((a, b) => a.line - b.line),
      }));
    return { contracts: of('contracts'), additions: of('additions'), entries: of('entries') };
  }
}
