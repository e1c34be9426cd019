// Command-line options of `audit` (issue 6). Every option is checked, and
// every usage problem listed, before a file is opened (as `reconcile` does).
import { parseArgs } from 'node:util';
import { parseIsoDate } from '../../renderer/src/core/dates';
import { parseUnitProduct } from '../../renderer/src/core/audit/unit-products';
import type { UnitProduct } from '../../renderer/src/core/import/profiles/profile-types';

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

const OPTIONS = {
  source: { type: 'string', multiple: true },
  target: { type: 'string', multiple: true },
  entries: { type: 'string', multiple: true },
  pairs: { type: 'string', multiple: true },
  'as-of': { type: 'string', multiple: true },
  json: { type: 'string', multiple: true },
  xlsx: { type: 'string', multiple: true },
  'unit-product': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

type ValueOption = Exclude<keyof typeof OPTIONS, 'help'>;

function unitProduct(value: string, problems: string[]): UnitProduct | null {
  const product = parseUnitProduct(value);
  if (product === null) problems.push(`--unit-product: expected PRODUCT=UNITS with a positive number of units (BLOCK-10H=10), got "${value}"`);
  return product;
}

/** Reads argv into options, or lists every usage problem found. */
export function parseAuditArgs(argv: readonly string[]): ParsedAuditArgs {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    return { kind: 'usage-error', problems: [error instanceof Error ? error.message : String(error)] };
  }
  if (values.help) return { kind: 'help' };
  const problems: string[] = [];
  const many = (name: ValueOption, required: boolean): string[] => {
    const given = values[name] ?? [];
    if (given.length === 0 && required) problems.push(`--${name} is required`);
    for (const value of given) if (value.trim() === '') problems.push(`--${name} needs a value`);
    return given;
  };
  const single = (name: ValueOption, required: boolean): string | null => {
    const given = many(name, required);
    if (given.length > 1) problems.push(`--${name} was given ${given.length} times; give it once`);
    return given[0] ?? null;
  };
  const source = many('source', true);
  const target = many('target', true);
  const entries = many('entries', true);
  const pairs = single('pairs', false);
  const asOf = single('as-of', true);
  const json = single('json', false);
  const xlsx = single('xlsx', false);
  const unitProducts = many('unit-product', false).flatMap((value) => unitProduct(value, problems) ?? []);
  if (asOf !== null && asOf.trim() !== '' && parseIsoDate(asOf) === null) problems.push(`--as-of: expected a date as YYYY-MM-DD, got "${asOf}"`);
  if (problems.length > 0 || asOf === null) return { kind: 'usage-error', problems };
  return { kind: 'run', options: { source, target, entries, pairs, asOf, json, xlsx, unitProducts } };
}
