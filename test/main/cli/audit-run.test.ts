// `npm run audit` end to end, in-process on the migrated portfolio fixture:
// summary, JSON and workbook written; bad input listed in full with exit 2 and
// nothing written; usage problems listed before any file is opened.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeCliIo } from '../../../main/cli/cli-io';
import { runAuditCommand } from '../../../main/cli/audit-run';
import { ENTRY_FILES, MIGRATION_DIR, SOURCE_FILES, TARGET_FILES } from '../../core/audit/migration-fixture';
import { filesIn, tempFolder } from './cli-fixtures';

const BAD = fileURLToPath(new URL('../../fixtures/audit/bad', import.meta.url));
const migration = (name: string) => join(MIGRATION_DIR, name);
const bad = (name: string) => join(BAD, name);
const UNIT_PRODUCTS = ['--unit-product', 'BLOCK-10H=10', '--unit-product', 'BLOCK-5H=5'];
const GOOD = [
  ...SOURCE_FILES.flatMap((name) => ['--source', migration(name)]),
  ...TARGET_FILES.flatMap((name) => ['--target', migration(name)]),
  ...ENTRY_FILES.flatMap((name) => ['--entries', migration(name)]),
  '--as-of', '2026-03-31', ...UNIT_PRODUCTS,
];

async function run(argv: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeCliIo(), stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const status = await runAuditCommand(argv, io);
  return { status, stdout, stderr };
}

describe('audit on the migrated portfolio', () => {
  it('prints the summary and writes the JSON and the workbook', async () => {
    const folder = tempFolder();
    const out = join(folder, 'audit.json');
    const { status, stdout, stderr } = await run([...GOOD, '--json', out, '--xlsx', join(folder, 'books')]);
    expect(status).toBe(0);
    expect(stdout).toBe([
      'Audit as of 2026-03-31',
      'Pairs: 6; unpaired: 1 ConnectWise, 1 e-automate',
      'Findings: 18 (10 high, 6 medium, 2 low)',
      'What-if: e-automate bills $590.00 more overage than ConnectWise; expired value $1,200.00 under ConnectWise terms, $2,700.00 under e-automate terms (1 pair without a rate not valued)',
      'Variances: 4',
      '  ConnectWise 1002 (Birch Law): -2.5 hours, 2 causes, unexplained -0.5 hours',
      '  ConnectWise 1006 (Elm Accounting): 2.75 hours, 2 causes, unexplained 0.25 hours',
      '  e-automate EA-1002 (Birch Law): 0 hours, 0 causes, unexplained 0 hours',
      '  e-automate EA-1007 (Fig Partners): $100.00, 1 cause, unexplained $0.00',
      '',
    ].join('\n'));
    // The profile's warnings are notes, not errors: the AV-LICENSE line item and the overrun setting to check.
    expect(stderr.split('\n').filter((line) => line.startsWith('note:'))).toHaveLength(2);
    expect(filesIn(folder).sort()).toEqual(['audit.json', 'books']);
    expect(filesIn(join(folder, 'books'))).toEqual(['Migration audit 2026-03-31.xlsx']);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.whatIf.portfolio).toEqual({ sourceOverageMoney: 390, targetOverageMoney: 980, sourceExpiredMoney: 1200, targetExpiredMoney: 2700, billedDifferenceMoney: 590, unvaluedPairs: 1 });
    const elm = json.variances.find((report: { contractId: string }) => report.contractId === '1006');
    expect(elm).toMatchObject({ reported: 2.25, recomputed: 5, variance: 2.75, unexplained: 0.25 });
    expect(elm.explanations.map((explanation: { cause: string; units: number }) => [explanation.cause, explanation.units])).toEqual([['entered-order', 2], ['no-charge', 0.5]]);
    expect(json.whatIf.pairs.find((pair: { sourceId: string }) => pair.sourceId === '1001').months[2]).toEqual({
      month: '2026-03',
      source: { closing: 8, expired: 0, overage: 0, overageMoney: 0, expiredMoney: 0 },
      target: { closing: 0, expired: 6, overage: 3, overageMoney: 450, expiredMoney: 900 },
      billedDifferenceMoney: 450,
      entryIds: ['T104'],
    });
  });

  it('audits only the pairs of the mapping file', async () => {
    const out = join(tempFolder(), 'audit.json');
    const { status } = await run([...GOOD, '--pairs', migration('pairs.csv'), '--json', out]);
    expect(status).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.pairs.map((pair: { sourceId: string; targetId: string }) => `${pair.sourceId}>${pair.targetId}`)).toEqual(['1004>EA-9001', '1006>EA-1006']);
  });
});

describe('audit refuses bad input: every problem listed, exit 2, nothing written', () => {
  it('lists each problem with file, row and column', async () => {
    const folder = tempFolder();
    const argv = [
      '--source', bad('cw-agreements.csv'), '--source', migration('cw-additions.csv'), '--target', bad('ea-contracts.csv'),
      '--entries', bad('cw-time-entries.csv'), '--pairs', bad('pairs.csv'), '--as-of', '2026-03-31', ...UNIT_PRODUCTS,
      '--json', join(folder, 'audit.json'), '--xlsx', folder,
    ];
    const { status, stdout, stderr } = await run(argv);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const problems = stderr.split('\n').filter((line) => line.startsWith(BAD)).map((line) => line.slice(BAD.length + 1));
    expect(problems).toEqual([
      'cw-agreements.csv, line 2, column "startDate": "2026-13-45" is not a real date',
      'ea-contracts.csv, line 3, column "Re-bill Option": "Sometimes" is not a re-bill setting this profile knows; add it to the profile\'s value map',
      'cw-time-entries.csv, line 5, column "actualHours": "lots" is not a number',
      'pairs.csv, line 2, column "source_id": no ConnectWise agreement "1001" was imported from --source',
      'pairs.csv, line 2, column "target_id": no e-automate contract "EA-404" was imported from --target',
    ]);
    expect(stderr).toContain('5 problems found in the input; nothing was audited or written.');
    expect(filesIn(folder)).toEqual([]);
  });

  it('names a file it cannot read and writes nothing', async () => {
    const folder = tempFolder();
    const { status, stderr } = await run([...GOOD, '--entries', join(folder, 'missing.csv'), '--json', join(folder, 'audit.json')]);
    expect(status).toBe(2);
    expect(stderr).toContain(`${join(folder, 'missing.csv')}:`);
    expect(filesIn(folder)).toEqual([]);
  });

  it('lists every usage problem before opening a file', async () => {
    const { status, stderr } = await run(['--source', 'a.csv', '--as-of', '2026-02-30', '--unit-product', 'BLOCK', '--json', 'x.json', '--json', 'y.json']);
    expect(status).toBe(2);
    expect(stderr.split('\n').filter((line) => line.startsWith('audit: '))).toEqual([
      'audit: --target is required',
      'audit: --entries is required',
      'audit: --as-of: expected a date as YYYY-MM-DD, got "2026-02-30"',
      'audit: --json was given 2 times; give it once',
      'audit: --unit-product: expected PRODUCT=UNITS with a positive number of units (BLOCK-10H=10), got "BLOCK"',
    ]);
  });

  it('prints the usage with --help', async () => {
    const { status, stdout } = await run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run audit -- --source FILE\.\.\./);
  });
});
