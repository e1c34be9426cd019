// How every headless command reads its options: strictly (an unknown option
// or a stray argument is a usage error), every value a string that may be
// repeated, and every usage problem collected rather than only the first, so
// a clerk fixes a command line in one go.
import { parseArgs } from 'node:util';
import { parseIsoDate } from '../../renderer/src/core/dates';
import type { CliIo } from './cli-io';

export interface OptionReader {
  /** Every value given for `--name` (an option that can be repeated). */
  many(name: string, required: boolean): string[];
  /** The one value of `--name`; given twice is a problem. */
  single(name: string, required: boolean): string | null;
  /** `--as-of`, required, as YYYY-MM-DD. */
  asOf(): string | null;
  /** The usage problems found so far; callers add their own. */
  readonly problems: string[];
}

export type ReadOptions = { readonly kind: 'read'; readonly reader: OptionReader } | { readonly kind: 'help' } | { readonly kind: 'usage-error'; readonly problems: readonly string[] };

/** Reads argv for the options `names` (plus --help/-h) into a reader of checked values. */
export function readOptions(argv: readonly string[], names: readonly string[]): ReadOptions {
  const options: Record<string, { type: 'string'; multiple: true } | { type: 'boolean'; short: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const name of names) options[name] = { type: 'string', multiple: true };
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    return { kind: 'usage-error', problems: [error instanceof Error ? error.message : String(error)] };
  }
  if (values.help === true) return { kind: 'help' };
  const problems: string[] = [];
  const many = (name: string, required: boolean): string[] => {
    const given = (values[name] as string[] | undefined) ?? [];
    if (given.length === 0 && required) problems.push(`--${name} is required`);
    for (const value of given) if (value.trim() === '') problems.push(`--${name} needs a value`);
    return given;
  };
  const single = (name: string, required: boolean): string | null => {
    const given = many(name, required);
    if (given.length > 1) problems.push(`--${name} was given ${given.length} times; give it once`);
    return given[0] ?? null;
  };
  const asOf = (): string | null => {
    const value = single('as-of', true);
    if (value !== null && value.trim() !== '' && parseIsoDate(value) === null) problems.push(`--as-of: expected a date as YYYY-MM-DD, got "${value}"`);
    return value;
  };
  return { kind: 'read', reader: { many, single, asOf, problems } };
}

/** Answers a command line that does not run the command: the usage for --help (exit 0), else every usage problem (exit 2). */
export function answerUsage(parsed: { readonly kind: 'help' } | { readonly kind: 'usage-error'; readonly problems: readonly string[] }, command: string, usage: string, io: CliIo): number {
  if (parsed.kind === 'help') {
    io.stdout(usage);
    return 0;
  }
  io.stderr(parsed.problems.map((problem) => `${command}: ${problem}\n`).join('') + '\n' + usage);
  return 2;
}
