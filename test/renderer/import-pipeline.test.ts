import { describe, expect, it } from 'vitest';
import { runImportPipeline } from '../../renderer/src/workers/import-pipeline';
import type { ImportChoices, ProfileSettings } from '../../renderer/src/workers/engine-protocol';
import { fixtureFiles } from '../core/import/fixture-files';

// The files of the import journey (test/e2e/journeys-import.spec.ts).
const FILES = ['agreements.json', 'additions.json', 'adjustments.json', 'recap.json', 'time-entries.json', 'time-entries-list.csv'];
const CLERK: ProfileSettings = { profileId: 'connectwise', dateFormat: 'MM/DD/YYYY', unitProducts: [{ product: 'BLOCK-10HR', unitsPerQuantity: '10' }] };

const run = (choices: ImportChoices, names = FILES) => runImportPipeline(fixtureFiles('connectwise', names), choices, []);

describe('the import pipeline behind the wizard', () => {
  it('stops the ambiguous list export and leaves the block uncounted until the clerk says otherwise', async () => {
    const result = await run({ files: [] });
    expect(result.issues.filter((issue) => issue.code === 'ambiguous-date').map((issue) => [issue.file, issue.line, issue.column])).toEqual([['time-entries-list.csv', 2, 'Date']]);
    expect(result.draft?.entries).toHaveLength(7);
    expect(result.draft?.additions).toHaveLength(1);
    expect(result.settings).toEqual([{ profileId: 'connectwise', dateFormat: 'auto', unitProducts: [] }]);
  });

  it('applies the clerk\'s date format and unit products to every file of the profile', async () => {
    const result = await run({ files: [], settings: [CLERK] });
    expect(result.issues.some((issue) => issue.code === 'ambiguous-date' || issue.message.includes('BLOCK-10HR'))).toBe(false);
    expect(result.draft?.entries).toHaveLength(9);
    expect(result.draft?.additions.map((sourced) => sourced.addition.quantity).sort()).toEqual([1000, 200]);
    expect(result.settings).toEqual([CLERK]);
  });

  it('refuses settings a profile cannot hold, in words, and builds nothing to store', async () => {
    const result = await run({ files: [], settings: [{ ...CLERK, unitProducts: [{ product: 'BLOCK-10HR', unitsPerQuantity: 'ten' }] }] });
    expect(result.draft).toBeNull();
    expect(result.issues[0]).toMatchObject({ code: 'invalid-setting', severity: 'error' });
    expect(result.issues[0]?.message).toMatch(/settings for ConnectWise PSA .* cannot be used: unitProducts\[0\]/);
  });

  it('puts errors and notes on their rows: errors keep a row out, notes do not', async () => {
    const result = await run({ files: [], settings: [CLERK] }, ['time-entries-with-errors.csv', 'adjustments.json']);
    const csv = result.previews.find((preview) => preview.file === 'time-entries-with-errors.csv');
    expect(csv?.rows.map((row) => [row.line, row.issues.length, row.warnings.length])).toEqual([[2, 0, 0], [3, 1, 0], [4, 1, 0], [5, 0, 0], [6, 0, 0], [7, 0, 0]]);
    expect(csv?.rows[1]?.issues).toEqual(['Billable Hrs: "two hours" is not a number']);
    const adjustments = result.previews.find((preview) => preview.file === 'adjustments.json');
    expect(adjustments?.rows.find((row) => row.line === 2)?.warnings.join(' ')).toMatch(/negative adjustment/);
    expect(adjustments?.rows.every((row) => row.issues.length === 0)).toBe(true);
    expect(result.draft?.rejectedRows).toBe(2);
  });

  it('shows each mapped column once, and a column edit changes what is read', async () => {
    const before = await run({ files: [], settings: [CLERK] }, ['time-entries-with-errors.csv']);
    const mapping = before.previews[0]?.mapping ?? [];
    expect(mapping.find((field) => field.field === 'agreementId')?.column).toBe('Agreement ID');
    expect(mapping.find((field) => field.field === 'notes')?.column).toBe('Notes');
    const edited = await run({ files: [{ file: 'time-entries-with-errors.csv', profileId: 'connectwise', columns: [{ field: 'notes', column: 'Company' }] }], settings: [CLERK] }, ['time-entries-with-errors.csv']);
    expect(edited.previews[0]?.mapping.find((field) => field.field === 'notes')?.column).toBe('Company');
    expect(edited.draft?.entries.find((entry) => entry.id === '81001')?.notes).toBe('Globex Ltd');
  });

  it('keeps column edits of two files of one profile (they add up, the later does not undo the earlier)', async () => {
    const list = 'Time Entry ID,Date,Company,Agreement ID,Member,Work Role,Work Type,Billable Hrs,Billable Option,Notes\n';
    const files = [
      { name: 'a.csv', bytes: new TextEncoder().encode(`${list}1,2026-03-10,Globex Ltd,102,jsmith,Engineer,Remote,1.00,Billable,first\n`) },
      { name: 'b.csv', bytes: new TextEncoder().encode(`${list}2,2026-03-11,Globex Ltd,102,jsmith,Engineer,Remote,1.00,Billable,second\n`) },
    ];
    const choices: ImportChoices = {
      files: [
        { file: 'a.csv', profileId: 'connectwise', columns: [{ field: 'notes', column: 'Company' }] },
        { file: 'b.csv', profileId: 'connectwise', columns: [{ field: 'member', column: 'Work Role' }] },
      ],
    };
    const result = await runImportPipeline(files, choices, []);
    expect(result.draft?.entries.map((entry) => [entry.id, entry.notes, entry.member])).toEqual([['1', 'Globex Ltd', 'Engineer'], ['2', 'Globex Ltd', 'Engineer']]);
  });

  it('reads any spreadsheet as entries once the clerk names the kind and maps the columns', async () => {
    const sheet = [{ name: 'sheet.csv', bytes: new TextEncoder().encode('Ref,Worked on,Client,Block,Tech,Time\nA1,2026-03-02,Acme,C1,ana,1.5\n') }];
    const unknown = await runImportPipeline(sheet, { files: [] }, []);
    expect(unknown.previews[0]?.detection?.profileId).toBeNull();
    expect(unknown.draft).toBeNull();
    const columns = [['id', 'Ref'], ['date', 'Worked on'], ['customer', 'Client'], ['contract_id', 'Block'], ['member', 'Tech'], ['hours', 'Time']].map(([field, column]) => ({ field: field!, column: column! }));
    const mapped = await runImportPipeline(sheet, { files: [{ file: 'sheet.csv', profileId: 'generic', record: 'entries', columns }] }, []);
    expect(mapped.previews[0]?.detection?.record).toBe('entries');
    expect(mapped.draft?.entries.map((entry) => [entry.id, entry.date, entry.customer, entry.contractId, entry.member, entry.hours])).toEqual([['A1', '2026-03-02', 'Acme', 'C1', 'ana', 150]]);
  });
});

describe('cancelling the pipeline', () => {
  it('stops after the file being read when the clerk cancels', async () => {
    let read = 0;
    const cancelled = new Error('cancelled');
    const checkpoint = () => {
      read += 1;
      if (read === 2) throw cancelled;
    };
    await expect(runImportPipeline(fixtureFiles('connectwise', FILES), { files: [] }, [], checkpoint)).rejects.toBe(cancelled);
    expect(read).toBe(2);
  });
});
