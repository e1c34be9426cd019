import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesIn, fixture, GOOD, run, tempFolder } from './cli-fixtures';

const EXPECTED_TABLE = [
  'contract  customer       unit    balance  used %  statuses',
  'C1        Acme           hours         0     100  exhausted',
  'C2        Globex         hours         5       0',
  'C3        Initech, Inc.  hours         8       0',
  'C4        Umbrella       amount     1375    31.3',
  '',
  'Total: 4 contracts, 8 entries, overage 2 hours, 2 exceptions (unmatched, not covered or held)',
  '',
].join('\n');

describe('reconcile on the canonical fixtures (SPEC §9 figures)', () => {
  it('prints the aligned table and total, and writes the §8 JSON', async () => {
    const folder = tempFolder();
    const out = join(folder, 'result.json');
    const { status, stdout, stderr } = await run([...GOOD, '--json', out]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(EXPECTED_TABLE);
    expect(filesIn(folder)).toEqual(['result.json']);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toEqual(JSON.parse(readFileSync(fixture('expected-2026-02-15.json'), 'utf8')));
  });

  it('the JSON holds the worked examples’ balances: one-time block, recurring, block hours with cap, deposit', async () => {
    const out = join(tempFolder(), 'result.json');
    await run([...GOOD, '--json', out]);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    const balances = Object.fromEntries(written.contracts.map((c: { id: string; balance: number }) => [c.id, c.balance]));
    expect(balances).toEqual({ C1: 0, C2: 5, C3: 8, C4: 1375 });
    const e02 = written.entries.find((e: { id: string }) => e.id === 'E02');
    expect(e02).toMatchObject({ applied: 18, overage: 2, status: 'partial' });
    expect(written.entries.find((e: { id: string }) => e.id === 'E06')).toMatchObject({ status: 'held', held: 1 });
  });

  it('replaces an existing JSON file', async () => {
    const folder = tempFolder();
    const out = join(folder, 'result.json');
    await run([...GOOD, '--json', out]);
    const { status } = await run([...GOOD.slice(0, -1), '2026-01-31', '--json', out]);
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).asOf).toBe('2026-01-31');
    expect(filesIn(folder)).toEqual(['result.json']);
  });

  it('runs without additions and without --json', async () => {
    const { status, stdout } = await run(['--contracts', fixture('contracts.csv'), '--entries', fixture('entries.csv'), '--as-of', '2026-02-15']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^C3 +Initech, Inc\. +hours +-2 +120 +exhausted, on_hold, overrun, warning$/m);
  });
});

describe('reconcile refuses bad input: every problem listed, exit 2, nothing written', () => {
  const bad = (name: string) => fixture(`bad/${name}`);
  it.each([
    ['a date 2026-13-01', ['--contracts', bad('contracts-bad-date.csv')], [`${bad('contracts-bad-date.csv')}, line 2, column "start": expected a date as YYYY-MM-DD, got "2026-13-01"`]],
    ['an unknown overage value', ['--contracts', bad('contracts-unknown-overage.csv')], [`${bad('contracts-unknown-overage.csv')}, line 2, column "overage": expected one of bill, carry, bill_next, bill_month_end, got "bill_later"`]],
    ['a missing required column', ['--contracts', bad('contracts-missing-column.csv')], [`${bad('contracts-missing-column.csv')}, line 1, column "start": the required column "start" is missing`]],
    ['a duplicate id', ['--contracts', bad('contracts-duplicate-id.csv')], [`${bad('contracts-duplicate-id.csv')}, line 3, column "id": duplicate id "C1": expected each id once, it is already on line 2`]],
    ['hours 1,5', ['--entries', bad('entries-hours-comma.csv')], [`${bad('entries-hours-comma.csv')}, line 3, column "hours": expected hours as a decimal like 1.5, got "1,5"`]],
    ['negative hours', ['--entries', bad('entries-negative-hours.csv')], [`${bad('entries-negative-hours.csv')}, line 2, column "hours": expected a number that is not negative, got "-2"`]],
    ['an addition for an unknown contract', ['--additions', bad('additions-unknown-contract.csv')], [`${bad('additions-unknown-contract.csv')}, line 2, column "contract_id": expected the id of a contract in ${fixture('contracts.csv')}, got "C9"`]],
    ['an unreadable file', ['--entries', fixture('no-such-file.csv')], [`${fixture('no-such-file.csv')}: Could not read the file: it was moved or deleted.`]],
    ['a folder instead of a file', ['--entries', fixture('bad')], [`${fixture('bad')}: Could not read the file: it is a folder, not a file.`]],
  ])('%s', async (_name, override, expectedLines) => {
    // Without additions unless the case is about them: they name contracts of the good file.
    const args = ['--contracts', fixture('contracts.csv'), '--entries', fixture('entries.csv'), '--as-of', '2026-02-15'];
    const at = args.indexOf(override[0] as string);
    if (at === -1) args.push(...override);
    else args[at + 1] = override[1] as string;
    const folder = tempFolder();
    const { status, stdout, stderr } = await run([...args, '--json', join(folder, 'result.json')]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter((line) => line !== '')).toEqual([
      ...expectedLines,
      `${expectedLines.length} problem${expectedLines.length === 1 ? '' : 's'} found in the input; nothing was reconciled or written.`,
    ]);
    expect(filesIn(folder)).toEqual([]);
  });

  it('lists every bad row of a file, in line order, with problems in other files too', async () => {
    const entries = bad('entries-many-problems.csv');
    const folder = tempFolder();
    const { status, stderr } = await run(['--contracts', bad('contracts-bad-date.csv'), '--entries', entries, '--as-of', '2026-02-15', '--json', join(folder, 'r.json')]);
    expect(status).toBe(2);
    expect(stderr.split('\n').filter((line) => line !== '')).toEqual([
      `${bad('contracts-bad-date.csv')}, line 2, column "start": expected a date as YYYY-MM-DD, got "2026-13-01"`,
      `${entries}, line 3, column "date": expected a date as YYYY-MM-DD, got "2026-13-01"`,
      `${entries}, line 4, column "hours": expected hours as a decimal like 1.5, got "1,5"`,
      `${entries}, line 5, column "hours": expected a number that is not negative, got "-1"`,
      `${entries}, line 7, column "billable": expected one of billable, no_charge, do_not_bill, got "maybe"`,
      `${entries}, line 8, column "id": duplicate id "E1": expected each id once, it is already on line 2`,
      `${entries}, line 9: expected 5 values as in the header, found 4; the row was not read`,
      `${entries}, line 10: a quoted value that starts on this line is never closed; this line and the rest of the file were not read`,
      '8 problems found in the input; nothing was reconciled or written.',
    ]);
    expect(filesIn(folder)).toEqual([]);
  });

  it('a file that is not UTF-8 is read as Windows-1252 and says so', async () => {
    const folder = tempFolder();
    const contracts = join(folder, 'contracts.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(contracts, Buffer.from('id,customer,start,allowance\nC1,Caf\xe9 \x80,2026-01-01,10\n', 'latin1'));
    const { status, stdout, stderr } = await run(['--contracts', contracts, '--entries', fixture('entries.csv'), '--as-of', '2026-02-15']);
    expect(status).toBe(0);
    expect(stderr).toBe(`note: ${contracts} is not UTF-8; it was read as Windows-1252 (check accented names and € signs)\n`);
    expect(stdout).toContain('C1        Café €');
  });
});

describe('reconcile usage', () => {
  it.each([
    ['no options at all', [], ['--contracts is required', '--entries is required', '--as-of is required']],
    ['a bad --as-of', [...GOOD.slice(0, -1), '2026-02-30'], ['--as-of: expected a date as YYYY-MM-DD, got "2026-02-30"']],
    ['--as-of in another format', [...GOOD.slice(0, -1), '15/02/2026'], ['--as-of: expected a date as YYYY-MM-DD, got "15/02/2026"']],
    ['an option given twice', [...GOOD, '--as-of', '2026-02-16'], ['--as-of was given 2 times; give it once']],
    ['an unknown profile', [...GOOD, '--profile', 'halo'], ['--profile: expected one of auto, canonical, connectwise, autotask, eautomate, generic or a saved profile file ending in .json, got "halo"']],
    ['an unknown date format', [...GOOD, '--date-format', 'D/M/Y'], ['--date-format: expected one of auto, YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY, DD-MM-YYYY, MM-DD-YYYY, YYYY/MM/DD, got "D/M/Y"']],
    ['a decimal separator that is not , or .', [...GOOD, '--decimal', ';'], ['--decimal: expected "," or ".", got ";"']],
    ['an unknown allocation order', [...GOOD, '--allocation-order', 'billed'], ['--allocation-order: expected one of worked, entered, got "billed"']],
    ['an empty value', [...GOOD, '--json', ''], ['--json needs a value']],
  ])('%s', async (_name, argv, problems) => {
    const { status, stdout, stderr } = await run(argv);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    for (const problem of problems) expect(stderr).toContain(`reconcile: ${problem}\n`);
    expect(stderr).toContain('Usage: npm run reconcile -- --contracts FILE... --entries FILE...');
  });

  it.each([
    ['an unknown option', [...GOOD, '--profle', 'auto'], "Unknown option '--profle'"],
    ['a stray argument', [...GOOD, 'extra.csv'], "Unexpected argument 'extra.csv'"],
    ['an option without its value', ['--contracts', '--entries', 'e.csv'], "Option '--contracts' argument is ambiguous"],
  ])('%s is explained', async (_name, argv, words) => {
    const { status, stderr } = await run(argv);
    expect(status).toBe(2);
    expect(stderr).toContain(words);
    expect(stderr).toContain('Usage:');
  });

  it('--help prints the usage and succeeds', async () => {
    const { status, stdout, stderr } = await run(['--help']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('--as-of      the date to reconcile at, YYYY-MM-DD');
  });

  it('a JSON path that cannot be written exits 1 and leaves nothing behind', async () => {
    const folder = tempFolder();
    const { status, stderr } = await run([...GOOD, '--json', join(folder, 'missing-folder', 'r.json')]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^reconcile: Could not write .*r\.json/);
    expect(filesIn(folder)).toEqual([]);
  });
});
