import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/helpers';
import { EngineSession, type CallControl } from '../../renderer/src/workers/engine-session';
import { conflictView } from '../../renderer/src/workers/conflict-views';
import type { Entry } from '../../renderer/src/core/model';

const control: CallControl = { progress: () => undefined, checkpoint: () => undefined };
const NOW = '2026-11-01T09:00:00.000Z';
const HEADER = 'Time Entry ID,Date,Company,Agreement ID,Member,Work Role,Work Type,Billable Hrs,Billable Option,Notes';
const AGREEMENTS = 'Agreement ID,Agreement Name,Company,Start Date,End Date,Application Units,Application Limit,Application Cycle\n501,Gold block,Acme Dental,2026-01-01,,Hours,10,Calendar Month\n';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const time = (name: string, rows: string[]) => file(name, [HEADER, ...rows].join('\n'));

const entry: Entry = { id: '9001', date: '2026-01-05', contractId: '501', customer: 'Acme', ticket: '', member: 'ana', workRole: 'Engineer', workType: 'Remote', hours: 200, billable: 'billable', amount: null, notes: 'Reset' };

describe('conflicts side by side', () => {
  it('lists only the fields that differ, hundredths as decimals', () => {
    const view = conflictView({ recordType: 'entry', key: 'k', existing: entry, incoming: { ...entry, hours: 250, notes: '' }, existingBatchId: 3 });
    expect(view).toEqual({
      key: 'k', recordType: 'entry', label: 'Entry 9001', existingBatchId: 3,
      fields: [{ field: 'hours', stored: '2', incoming: '2.5' }, { field: 'notes', stored: 'Reset', incoming: '(empty)' }],
    });
  });

  it('replaces only the records the clerk ticked; the rest keep the stored version', async () => {
    const session = new EngineSession(await freshDb());
    await session.importPreview({ files: [file('agreements.csv', AGREEMENTS), time('jan.csv', ['9001,2026-01-05,Acme Dental,501,ana,Engineer,Remote,2.00,Billable,Reset', '9002,2026-01-06,Acme Dental,501,ana,Engineer,Remote,1.00,Billable,Call'])], choices: { files: [] } }, control);
    await session.importCommit({ replaceConflicts: false, now: NOW }, control);
    const changed = time('jan-corrected.csv', ['9001,2026-01-05,Acme Dental,501,ana,Engineer,Remote,2.50,Billable,Reset', '9002,2026-01-06,Acme Dental,501,ana,Engineer,Remote,1.50,Billable,Call']);
    const preview = await session.importPreview({ files: [changed], choices: { files: [] } }, control);
    expect(preview.plan?.conflicts).toBe(2);
    expect(preview.conflicts?.map((conflict) => [conflict.label, conflict.existingBatchId, conflict.fields])).toEqual([
      ['Entry 9001', 1, [{ field: 'hours', stored: '2', incoming: '2.5' }]],
      ['Entry 9002', 1, [{ field: 'hours', stored: '1', incoming: '1.5' }]],
    ]);
    const first = preview.conflicts?.[0]?.key as string;
    await session.importCommit({ replaceConflicts: false, replaceKeys: [first], now: NOW }, control);
    await session.recompute({ asOf: '2026-01-31' }, control);
    const page = await session.entriesPage({ query: { group: null, search: '', sort: { key: 'id', descending: false } }, offset: 0, limit: 10 }, control);
    expect(page.rows.map((row) => [row.entry.id, row.entry.hours, row.batchId])).toEqual([['9001', 250, 2], ['9002', 100, 1]]);
  });

  it('says a file already imported is a no-op, naming its batch', async () => {
    const session = new EngineSession(await freshDb());
    const files = [file('agreements.csv', AGREEMENTS)];
    await session.importPreview({ files, choices: { files: [] } }, control);
    await session.importCommit({ replaceConflicts: false, now: NOW }, control);
    const again = await session.importPreview({ files, choices: { files: [] } }, control);
    expect(again.plan).toBeNull();
    expect(again.blocked).toBe('Already imported as batch 1; nothing was changed.');
  });
});
