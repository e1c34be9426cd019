// Command-line options of `reconcile` (issue 2). Kept apart from loading so
// later options (--profile, --xlsx) extend one table.
import { parseArgs } from 'node:util';
import { parseIsoDate } from '../../renderer/src/core/dates';

export const RECONCILE_USAGE = [
  'Usage: npm run reconcile -- --contracts CONTRACTS.csv --entries ENTRIES.csv',
  '         [--additions ADDITIONS.csv] --as-of YYYY-MM-DD [--json OUT.json] [--xlsx DIR]',
  '',
  '  --contracts  contracts in the canonical CSV format (SPEC §2)',
  '  --entries    time entries, service-call labor and parts',
  '  --additions  purchases of extra units (optional)',
  '  --as-of      the date to reconcile at, YYYY-MM-DD',
  '  --json       also write the machine-readable result to this file',
  '  --xlsx       also write one reconciliation workbook per customer and the',
  '               month-end pack into this folder',
  '',
].join('\n');

export interface ReconcileOptions {
  readonly contracts: string;
  readonly entries: string;
  readonly additions: string | null;
  readonly asOf: string;
  readonly json: string | null;
  readonly xlsx: string | null;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: ReconcileOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly problems: readonly string[] };

const OPTIONS = {
  contracts: { type: 'string', multiple: true },
  entries: { type: 'string', multiple: true },
  additions: { type: 'string', multiple: true },
  'as-of': { type: 'string', multiple: true },
  json: { type: 'string', multiple: true },
  xlsx: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads argv into options, or lists every usage problem found. */
export function parseReconcileArgs(argv: readonly string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    return { kind: 'usage-error', problems: [error instanceof Error ? error.message : String(error)] };
  }
  if (values.help) return { kind: 'help' };
  const problems: string[] = [];
  const single = (name: Exclude<keyof typeof OPTIONS, 'help'>, required: boolean): string | null => {
    const given = values[name];
    if (given === undefined || given.length === 0) {
      if (required) problems.push(`--${name} is required`);
      return null;
    }
    if (given.length > 1) problems.push(`--${name} was given ${given.length} times; give it once`);
    const value = given[0] ?? '';
    if (value.trim() === '') problems.push(`--${name} needs a value`);
    return value;
  };
  const contracts = single('contracts', true);
  const entries = single('entries', true);
  const additions = single('additions', false);
  const asOf = single('as-of', true);
  const json = single('json', false);
  const xlsx = single('xlsx', false);
  if (asOf !== null && asOf.trim() !== '' && parseIsoDate(asOf) === null) {
    problems.push(`--as-of: expected a date as YYYY-MM-DD, got "${asOf}"`);
  }
  if (problems.length > 0 || contracts === null || entries === null || asOf === null) return { kind: 'usage-error', problems };
  return { kind: 'run', options: { contracts, entries, additions, asOf, json, xlsx } };
}
