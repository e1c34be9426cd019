// The human-readable result of `reconcile`: one aligned line per contract and
// a one-line total (issue 2 "The command").
import { formatCenti, formatTenths } from '../../renderer/src/core/numbers';
import type { ReconcileResult } from '../../renderer/src/core/result';
import { isException } from '../../renderer/src/core/entry-groups';
import type { Unit } from '../../renderer/src/core/model';

const HEADINGS = ['contract', 'customer', 'unit', 'balance', 'used %', 'statuses'];
const RIGHT_ALIGNED = new Set([3, 4]);

function alignRows(rows: readonly (readonly string[])[]): string[] {
  const widths = HEADINGS.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (RIGHT_ALIGNED.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The total line: contracts, entries, overage per unit (units do not add up across units), exceptions. */
export function formatTotal(result: ReconcileResult): string {
  const overage = new Map<Unit, number>();
  for (const contract of result.contracts) {
    const billed = contract.months.reduce((sum, month) => sum + month.overage, 0);
    overage.set(contract.unit, (overage.get(contract.unit) ?? 0) + billed);
  }
  const overageParts = [...overage].filter(([, centi]) => centi !== 0).map(([unit, centi]) => `${formatCenti(centi)} ${unit}`);
  const exceptions = result.entries.filter(isException).length;
  return [
    `Total: ${plural(result.contracts.length, 'contract')}`,
    plural(result.entries.length, 'entry').replace('entrys', 'entries'),
    `overage ${overageParts.length === 0 ? '0' : overageParts.join(' + ')}`,
    `${plural(exceptions, 'exception')} (unmatched, not covered or held)`,
  ].join(', ');
}

/** The per-contract table followed by the total line. */
export function formatSummary(result: ReconcileResult): string {
  const rows = result.contracts.map((contract) => [
    contract.id,
    contract.customer,
    contract.unit,
    formatCenti(contract.balance),
    contract.usedPctTenths === null ? '-' : formatTenths(contract.usedPctTenths),
    [...contract.status].sort().join(', '),
  ]);
  return [...alignRows([HEADINGS, ...rows]), '', formatTotal(result)].join('\n') + '\n';
}
