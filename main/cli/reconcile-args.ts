// Command-line options of `reconcile` (issues 2, 3, 6). Kept apart from
// loading so every option is checked, and every usage problem listed, before
// a file is opened.
import type { AllocationOrder } from '../../renderer/src/core/model';
import { DATE_FORMATS, type DateFormat } from '../../renderer/src/core/import/source-date';
import { BUILTIN_PROFILES } from '../../renderer/src/core/import/profiles/registry';
import { readOptions } from './cli-args';

const PROFILE_NAMES = ['auto', ...BUILTIN_PROFILES.map((profile) => profile.id)];

export const RECONCILE_USAGE = [
  'Usage: npm run reconcile -- --contracts FILE... --entries FILE... [--additions FILE...]',
  '         --as-of YYYY-MM-DD [--json OUT.json] [--xlsx DIR]',
  '         [--profile NAME|auto|PROFILE.json] [--date-format FORMAT] [--decimal , or .]',
  '         [--allocation-order worked|entered]',
  '',
  '  --contracts  contracts: canonical CSV (SPEC §2) or a PSA export (CSV, XLSX or',
  '               JSON); repeat the option for several files',
  '  --entries    time entries, service-call labor and parts (repeatable)',
  '  --additions  purchases of extra units (optional, repeatable)',
  '  --as-of      the date to reconcile at, YYYY-MM-DD',
  '  --json       also write the machine-readable result to this file',
  '  --xlsx       also write one reconciliation workbook per customer and the',
  '               month-end pack into this folder',
  `  --profile    how to read the files: ${PROFILE_NAMES.join(', ')} (default auto:`,
  '               recognised from each file\'s columns), or a saved profile (.json)',
  `  --date-format  the date format of the files: ${DATE_FORMATS.join(', ')}`,
  '  --decimal    the decimal separator of numbers in the files: , or .',
  '  --allocation-order  apply entries in the order they were worked (default) or',
  '               entered (ConnectWise\'s own order, to replay its balance)',
  '',
].join('\n');

export interface ReconcileOptions {
  readonly contracts: readonly string[];
  readonly entries: readonly string[];
  readonly additions: readonly string[];
  readonly asOf: string;
  readonly json: string | null;
  readonly xlsx: string | null;
  /** A built-in profile id, `auto`, or the path of a saved profile file. */
  readonly profile: string;
  readonly dateFormat: DateFormat | null;
  readonly decimal: ',' | '.' | null;
  readonly allocationOrder: AllocationOrder;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: ReconcileOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly problems: readonly string[] };

const OPTIONS = ['contracts', 'entries', 'additions', 'as-of', 'json', 'xlsx', 'profile', 'date-format', 'decimal', 'allocation-order'];

/** `value` if it is one of `allowed`, else a usage problem. */
function oneOf<T extends string>(name: string, value: string | null, allowed: readonly T[], problems: string[], shown = `one of ${allowed.join(', ')}`): T | null {
  if (value === null) return null;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`--${name}: expected ${shown}, got "${value}"`);
  return null;
}

/** Reads argv into options, or lists every usage problem found. */
export function parseReconcileArgs(argv: readonly string[]): ParsedArgs {
  const read = readOptions(argv, OPTIONS);
  if (read.kind !== 'read') return read;
  const { many, single, problems } = read.reader;
  const contracts = many('contracts', true);
  const entries = many('entries', true);
  const additions = many('additions', false);
  const asOf = read.reader.asOf();
  const json = single('json', false);
  const xlsx = single('xlsx', false);
  const profile = single('profile', false) ?? 'auto';
  if (!PROFILE_NAMES.includes(profile) && !/\.json$/i.test(profile)) {
    problems.push(`--profile: expected one of ${PROFILE_NAMES.join(', ')} or a saved profile file ending in .json, got "${profile}"`);
  }
  const dateFormat = oneOf('date-format', single('date-format', false), DATE_FORMATS, problems);
  const decimal = oneOf('decimal', single('decimal', false), [',', '.'] as const, problems, '"," or "."');
  const allocationOrder = oneOf('allocation-order', single('allocation-order', false), ['worked', 'entered'] as const, problems) ?? 'worked';
  if (problems.length > 0 || asOf === null) return { kind: 'usage-error', problems };
  return { kind: 'run', options: { contracts, entries, additions, asOf, json, xlsx, profile, dateFormat, decimal, allocationOrder } };
}
