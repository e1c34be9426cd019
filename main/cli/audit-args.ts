// Command-line options of `audit` (issue 6). Every option is checked, and
// every usage problem listed, before a file is opened (as `reconcile` does).
import { parseUnitProduct } from '../../renderer/src/core/audit/unit-products';
import type { UnitProduct } from '../../renderer/src/core/import/profiles/profile-types';
import { readOptions } from './cli-args';

export const AUDIT_USAGE = [
  'Usage: npm run audit -- --source FILE... --target FILE... --entries FILE...',
  '         --as-of YYYY-MM-DD [--pairs MAP.csv] [--json OUT.json] [--xlsx DIR]',
  '         [--unit-product PRODUCT=UNITS]...',
  '',
  '  --source   ConnectWise exports: agreements, additions, adjustments and the',
  '             agreement recap (CSV, XLSX or JSON); repeat for several files',
  '  --target   e-automate contract exports the agreements were migrated to',
  '  --entries  the ConnectWise time entries replayed under both term sets',
  '  --as-of    the date to audit at, YYYY-MM-DD',
  '  --pairs    a CSV with columns source_id,target_id; when given, only these',
  '             pairs are audited (otherwise by customer and name or number)',
  '  --json     also write the audit result to this file',
  '  --xlsx     also write the audit workbook into this folder',
  '  --unit-product  a ConnectWise addition product that adds units to the',
  '             block, with the units per quantity (BLOCK-10H=10); repeatable',
  '',
].join('\n');

export interface AuditOptions {
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly entries: readonly string[];
  readonly pairs: string | null;
  readonly asOf: string;
  readonly json: string | null;
  readonly xlsx: string | null;
  readonly unitProducts: readonly UnitProduct[];
}

export type ParsedAuditArgs =
  | { readonly kind: 'run'; readonly options: AuditOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly problems: readonly string[] };

const OPTIONS = ['source', 'target', 'entries', 'pairs', 'as-of', 'json', 'xlsx', 'unit-product'];

function unitProduct(value: string, problems: string[]): UnitProduct | null {
  const product = parseUnitProduct(value);
  if (product === null) problems.push(`--unit-product: expected PRODUCT=UNITS with a positive number of units (BLOCK-10H=10), got "${value}"`);
  return product;
}

/** Reads argv into options, or lists every usage problem found. */
export function parseAuditArgs(argv: readonly string[]): ParsedAuditArgs {
  const read = readOptions(argv, OPTIONS);
  if (read.kind !== 'read') return read;
  const { many, single, problems } = read.reader;
  const source = many('source', true);
  const target = many('target', true);
  const entries = many('entries', true);
  const pairs = single('pairs', false);
  const asOf = read.reader.asOf();
  const json = single('json', false);
  const xlsx = single('xlsx', false);
  const unitProducts = many('unit-product', false).flatMap((value) => unitProduct(value, problems) ?? []);
  if (problems.length > 0 || asOf === null) return { kind: 'usage-error', problems };
  return { kind: 'run', options: { source, target, entries, pairs, asOf, json, xlsx, unitProducts } };
}
