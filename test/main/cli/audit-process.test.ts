// `npm run audit -- …` as a user runs it: through tsx, no build step, exit
// status and files as the shell sees them.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY_FILES, MIGRATION_DIR, SOURCE_FILES, TARGET_FILES } from '../../core/audit/migration-fixture';
import { filesIn, tempFolder } from './cli-fixtures';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const migration = (name: string) => join(MIGRATION_DIR, name);
const ARGS = [
  ...SOURCE_FILES.flatMap((name) => ['--source', migration(name)]),
  ...TARGET_FILES.flatMap((name) => ['--target', migration(name)]),
  '--as-of', '2026-03-31', '--unit-product', 'BLOCK-10H=10', '--unit-product', 'BLOCK-5H=5',
];

function npmRunAudit(args: readonly string[]) {
  return spawnSync('npm', ['run', '--silent', 'audit', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
}

describe('npm run audit (a real process)', () => {
  it('audits the fixtures and writes the workbook', () => {
    const folder = tempFolder();
    const child = npmRunAudit([...ARGS, ...ENTRY_FILES.flatMap((name) => ['--entries', migration(name)]), '--xlsx', folder]);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('Findings: 18 (10 high, 6 medium, 2 low)\n');
    expect(filesIn(folder)).toEqual(['Migration audit 2026-03-31.xlsx']);
  });

  it('exits 2 on bad input and writes nothing', () => {
    const folder = tempFolder();
    const entries = fileURLToPath(new URL('../../fixtures/audit/bad/cw-time-entries.csv', import.meta.url));
    const child = npmRunAudit([...ARGS, '--entries', entries, '--xlsx', folder]);
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toContain(`${entries}, line 5, column "actualHours": "lots" is not a number\n`);
    expect(filesIn(folder)).toEqual([]);
  });
});
