// The real command as a user runs it: `npm run reconcile -- …` through tsx,
// no build step, exit status and files as the shell sees them.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn, fixture, GOOD, tempFolder } from './cli-fixtures';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function npmRunReconcile(args: readonly string[]) {
  return spawnSync('npm', ['run', '--silent', 'reconcile', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
}

describe('npm run reconcile (a real process)', () => {
  it('reconciles the fixtures, prints the table and writes the JSON', () => {
    const folder = tempFolder();
    const out = join(folder, 'result.json');
    const child = npmRunReconcile([...GOOD, '--json', out]);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('C4        Umbrella       amount     1375    31.3');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(fixture('expected-2026-02-15.json'), 'utf8')));
  });

  it('exits 2 on bad input and writes nothing', () => {
    const folder = tempFolder();
    const entries = fixture('bad/entries-hours-comma.csv');
    const child = npmRunReconcile(['--contracts', fixture('contracts.csv'), '--entries', entries, '--as-of', '2026-02-15', '--json', join(folder, 'result.json')]);
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toContain(`${entries}, line 3, column "hours": expected hours as a decimal like 1.5, got "1,5"\n`);
    expect(filesIn(folder)).toEqual([]);
  });
});
