// `reconcile ... --xlsx DIR` (issue 4 "Commands"), run in-process on the canonical fixtures.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { filesIn, GOOD, run, tempFolder } from '../../main/cli/cli-fixtures';
import { readWorkbook, sheetOf, shown } from './workbook-reading';

describe('reconcile --xlsx DIR', () => {
  it('writes one workbook per customer and the month-end pack, with progress on stderr', async () => {
    const folder = join(tempFolder(), 'out');
    const { status, stderr } = await run([...GOOD, '--xlsx', folder]);
    expect(status).toBe(0);
    expect(filesIn(folder).sort()).toEqual([
      'Acme 2026-02-15.xlsx', 'Globex 2026-02-15.xlsx', 'Initech, Inc. 2026-02-15.xlsx', 'Month-end pack 2026-02-15.xlsx', 'Umbrella 2026-02-15.xlsx',
    ]);
    expect(stderr).toMatch(/^xlsx: 5\/5 written \(.+ 2026-02-15\.xlsx\)$/m);
    expect(stderr).toContain(`xlsx: 4 customer workbooks and Month-end pack 2026-02-15.xlsx in ${folder}`);
    const acme = await readWorkbook(join(folder, 'Acme 2026-02-15.xlsx'));
    expect(shown(sheetOf(acme, 'Summary').getCell('B5'))).toBe('C1');
  });

  it('exits 1 with a clear message when the folder cannot be written', async () => {
    const blocked = join(tempFolder(), 'file');
    await import('node:fs/promises').then((fs) => fs.writeFile(blocked, 'not a folder'));
    const { status, stderr } = await run([...GOOD, '--xlsx', join(blocked, 'out')]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^reconcile: /m);
  });
});
