// Writes a portfolio as the canonical CSVs of SPEC §2, for the benchmarks that
// measure reading. Quotes only where RFC 4180 needs it, as exports do.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ExactDecimal, ReconcileInput, RoleValue } from '../../renderer/src/core/model';
import { formatCenti } from '../../renderer/src/core/numbers';

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const decimal = (value: ExactDecimal | null) => (value === null ? '' : (value.units / 10 ** value.scale).toString());
const centi = (value: number | null) => (value === null ? '' : formatCenti(value));
const roles = (values: readonly RoleValue[]) => values.map((v) => `${v.role}=${decimal(v.value)}`).join(';');
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

async function writeRows(path: string, header: string[], rows: Iterable<string[]>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = header.join(',') + '\n';
  for (const row of rows) {
    buffer += row.map(quote).join(',') + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Writes contracts.csv, additions.csv and entries.csv into `dir` (once; reused when present). */
export async function writeCanonicalFiles(input: ReconcileInput, dir: string): Promise<{ contracts: string; additions: string; entries: string }> {
  const paths = { contracts: join(dir, 'contracts.csv'), additions: join(dir, 'additions.csv'), entries: join(dir, 'entries.csv') };
  if (existsSync(paths.entries)) return paths;
  mkdirSync(dir, { recursive: true });
  await writeRows(
    paths.contracts,
    ['id', 'customer', 'name', 'unit', 'start', 'end', 'allowance', 'period', 'anchor', 'prorate', 'carryover', 'carryover_days', 'overage', 'overrun_limit_pct', 'overrun_limit', 'warning_pct', 'low_balance', 'rebill_below', 'rebill_quantity', 'rate', 'role_rates', 'role_factors', 'excluded_work_types', 'round_minutes', 'minimum_minutes', 'covers_expenses', 'price', 'reported_balance', 'reported_as_of'],
    input.contracts.map((c) => [
      c.id, c.customer, c.name, c.unit, c.start, c.end ?? '', centi(c.allowance), c.period, c.anchor, yesNo(c.prorate), yesNo(c.carryover), c.carryoverDays === null ? '' : String(c.carryoverDays), c.overage,
      decimal(c.overrunLimitPct), centi(c.overrunLimit), decimal(c.warningPct), centi(c.lowBalance), centi(c.rebillBelow), centi(c.rebillQuantity), decimal(c.rate), roles(c.roleRates), roles(c.roleFactors),
      c.excludedWorkTypes.join(';'), decimal(c.roundMinutes), decimal(c.minimumMinutes), yesNo(c.coversExpenses), centi(c.price), centi(c.reportedBalance), c.reportedAsOf ?? '',
    ]),
  );
  await writeRows(
    paths.additions,
    ['contract_id', 'date', 'quantity', 'price', 'reference', 'expires'],
    input.additions.map((a) => [a.contractId, a.date, centi(a.quantity), centi(a.price), a.reference, a.expires ?? '']),
  );
  await writeRows(
    paths.entries,
    ['id', 'date', 'contract_id', 'customer', 'ticket', 'member', 'work_role', 'work_type', 'hours', 'billable', 'amount', 'notes'],
    (function* () {
      for (const e of input.entries) yield [e.id, e.date, e.contractId ?? '', e.customer, e.ticket, e.member, e.workRole, e.workType, centi(e.hours), e.billable, centi(e.amount), e.notes];
    })(),
  );
  return paths;
}
