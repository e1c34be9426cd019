import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/helpers';
import { EngineSession, type CallControl } from '../../renderer/src/workers/engine-session';
import { formatHundredths } from '../../renderer/src/components/format';
import { Cancelled } from '../../renderer/src/workers/cancelled';

const control: CallControl = { progress: () => undefined, checkpoint: () => undefined };
const NOW = '2026-11-01T09:00:00.000Z';

function connectWiseFiles() {
  const agreements = [
    'Agreement ID,Agreement Name,Company,Start Date,End Date,Application Units,Application Limit,Application Cycle',
    '501,Gold block,Acme Dental,2026-01-01,,Hours,10,Calendar Month',
  ].join('\n');
  const time = [
    'Time Entry ID,Date Worked,Agreement ID,Company,Ticket #,Member,Work Role,Work Type,Hours Billed,Billable Option,Notes',
    '9001,2026-01-05,501,Acme Dental,T1,ana,Engineer,Remote,2.5,Billable,Reset',
    '9002,2026-01-06,501,Acme Dental,T2,ana,Engineer,Remote,oops,Billable,Bad hours',
  ].join('\n');
  return [
    { name: 'agreements.csv', bytes: new TextEncoder().encode(agreements) },
    { name: 'time.csv', bytes: new TextEncoder().encode(time) },
  ];
}

describe('the engine worker session', () => {
  it('opens the sample portfolio, reconciles it and answers every screen', async () => {
    const session = new EngineSession(await freshDb());
    expect(await session.opening({ asOf: '2026-10-31' })).toEqual({ contracts: 0, saved: null });
    await session.openSample({ now: NOW }, control);
    const { summary, rows } = await session.recompute({ asOf: '2026-10-31' }, control);
    expect(summary.contracts).toBe(96);
    expect(rows).toHaveLength(96);
    const first = rows[0]!;
    const detail = await session.contractDetail({ contractId: first.id }, control);
    expect(detail?.result.balance).toBe(first.balance);
    expect(detail?.terms.length).toBeGreaterThan(2);
    // Every covered entry of the contract is in its ledger and links to the sample batch.
    const ledgerEntries = new Set(detail?.result.ledger.flatMap((event) => (event.entryId ? [event.entryId] : [])));
    expect(detail?.entries.filter((row) => ledgerEntries.has(row.entry.id)).length).toBe(ledgerEntries.size);
    expect(detail?.entries.every((row) => row.batchId === 1)).toBe(true);
    const page = await session.entriesPage({ query: { group: 'unmatched', search: '', sort: { key: 'date', descending: true } }, offset: 0, limit: 50 }, control);
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((row) => row.result.status === 'unmatched')).toBe(true);
    expect(page.rows.map((row) => row.entry.date)).toEqual([...page.rows.map((row) => row.entry.date)].sort().reverse());
    const monthEnd = await session.monthEnd({}, control);
    expect(monthEnd.alerts.length).toBeGreaterThan(0);
    expect(monthEnd.exceptions.unmatched).toBe(page.total);
    // The Exceptions list comes page by page, the unmatched lines found by their status.
    const unmatched = await session.monthEndExceptions({ query: { search: 'UNMATCHED', sort: null }, offset: 0, limit: 10 }, control);
    expect(unmatched.total).toBe(page.total);
    expect(unmatched.rows).toHaveLength(Math.min(10, page.total));
    expect((await session.monthEndExceptions({ query: { search: '', sort: null }, offset: 0, limit: 1 }, control)).total).toBe(monthEnd.exceptionCount);
    // The Entries screen's Exceptions filter lists the very entries of the month-end Exceptions list.
    const everyException = { search: '', sort: { key: 'entryId' as const, descending: false } };
    const listed = (await session.monthEndExceptions({ query: everyException, offset: 0, limit: Number.MAX_SAFE_INTEGER }, control)).rows.map((row) => row.entryId);
    const filtered = await session.entriesPage({ query: { group: 'exceptions', search: '', sort: { key: 'id', descending: false } }, offset: 0, limit: Number.MAX_SAFE_INTEGER }, control);
    expect(filtered.rows.map((row) => row.entry.id)).toEqual(listed);
    expect((await session.entryCounts({}, control)).exceptions).toBe(monthEnd.exceptionCount);
    expect(monthEnd.exceptions.held).toBeGreaterThan(0);
    await expect(session.openSample({ now: NOW }, control)).rejects.toThrow(/already open/);
  });

  it('offers an automatic backup only when the store changed since the window opened or the last backup made here', async () => {
    const session = new EngineSession(await freshDb());
    await session.opening({ asOf: '2026-10-31' });
    expect(await session.backupIfChanged({ now: NOW })).toBeNull();
    await session.openSample({ now: NOW }, control);
    const afterImport = await session.backupIfChanged({ now: NOW });
    expect(afterImport?.byteLength).toBeGreaterThan(0);
    expect(await session.backupIfChanged({ now: NOW })).toBeNull();
    // Any change counts, a setting too (the backup holds the settings).
    await session.settingPut({ key: 'displayFormats', value: { date: 'DD/MM/YYYY' }, now: NOW });
    expect(await session.backupIfChanged({ now: NOW })).not.toBeNull();
    // A backup made by hand covers the changes before it as well.
    await session.revert({ batchId: 1, now: NOW });
    await session.backupExport({ now: NOW });
    expect(await session.backupIfChanged({ now: NOW })).toBeNull();
  });

  it('reads the store again on Reload data, picking up a change made behind its back', async () => {
    const db = await freshDb();
    const session = new EngineSession(db);
    const { batchId } = await session.openSample({ now: NOW }, control);
    expect((await session.recompute({ asOf: '2026-10-31' }, control)).summary.contracts).toBe(96);
    // Another session on the same store (another window, a restored file) reverts the sample.
    await new EngineSession(db).revert({ batchId, now: NOW });
    expect((await session.recompute({ asOf: '2026-10-31' }, control)).summary.contracts).toBe(96);
    await session.reload();
    expect((await session.recompute({ asOf: '2026-10-31' }, control)).summary.contracts).toBe(0);
  });

  it('counts in its summary the entries the reconcile allocated: those dated on or before as-of', async () => {
    const session = new EngineSession(await freshDb());
    await session.openSample({ now: NOW }, control);
    const all = (await session.recompute({ asOf: '2026-10-31' }, control)).summary.entries;
    const { summary } = await session.recompute({ asOf: '2026-03-31' }, control);
    const counts = await session.entryCounts({}, control);
    expect(summary.entries).toBe(counts.all);
    expect(summary.entries).toBeLessThan(all);
  });

  it('answers at once for the date it holds when the window goes back to it after cancelling another', async () => {
    const session = new EngineSession(await freshDb());
    await session.openSample({ now: NOW }, control);
    const october = await session.recompute({ asOf: '2026-10-31' }, control);
    const cancelling: CallControl = { progress: () => undefined, checkpoint: () => { throw new Cancelled(); } };
    await expect(session.recompute({ asOf: '2026-03-31' }, cancelling)).rejects.toBeInstanceOf(Cancelled);
    // Nothing read or reconciled again: the very rows already shown.
    expect(await session.recompute({ asOf: '2026-10-31' }, cancelling)).toBe(october);
    // The other screens still answer for that date.
    expect((await session.entryCounts({}, control)).all).toBe(october.summary.entries);
    // A change to the store is not answered from what was held.
    await session.reload();
    expect(await session.recompute({ asOf: '2026-10-31' }, control)).not.toBe(october);
  });

  it('previews ConnectWise files with the bad row flagged, commits the good rows, and reverts them', async () => {
    const session = new EngineSession(await freshDb());
    const preview = await session.importPreview({ files: connectWiseFiles(), choices: { files: [] } }, control);
    const time = preview.files.find((file) => file.file === 'time.csv')!;
    expect(time.detection?.profileId).toBe('connectwise');
    expect(time.rows.find((row) => row.line === 3)?.issues.join(' ')).toMatch(/hours|Hours/i);
    expect(preview.plan?.contracts.new).toBe(1);
    expect(preview.plan?.entries.new).toBe(1);
    const committed = await session.importCommit({ replaceConflicts: false, now: NOW }, control);
    // Mid-month: January's unused hours expire at its end (no carry-over).
    const [row] = (await session.recompute({ asOf: '2026-01-20' }, control)).rows;
    expect(formatHundredths(row!.balance)).toBe('7.50');
    await session.revert({ batchId: committed.batchId, now: NOW });
    expect((await session.recompute({ asOf: '2026-01-31' }, control)).rows).toEqual([]);
  });

  it('writes a customer workbook and a month-end pack with one file per customer', async () => {
    const session = new EngineSession(await freshDb());
    await session.openSample({ now: NOW }, control);
    await session.recompute({ asOf: '2026-10-31' }, control);
    const { customers } = await session.monthEnd({}, control);
    const workbook = await session.customerWorkbook({ customer: customers[0]! }, control);
    expect(workbook.name).toMatch(/2026-10-31\.xlsx$/);
    expect(workbook.bytes[0]).toBe(0x50); // a zip ("PK")
    const progress: number[] = [];
    const pack = await session.monthEndPack({}, { ...control, progress: (p) => progress.push(p.done) });
    expect(pack).toHaveLength(customers.length + 1);
    expect(progress.at(-1)).toBe(customers.length);
  }, 120_000);

  it('reconciles what the store holds now, even when a change lands while it is being read ahead', async () => {
    const session = new EngineSession(await freshDb());
    await session.openSample({ now: NOW }, control);
    // Answering the window's opening question starts reading the store ahead; an import then lands.
    expect((await session.opening({ asOf: '2026-10-31' })).contracts).toBe(96);
    await session.importPreview({ files: connectWiseFiles(), choices: { files: [] } }, control);
    await session.importCommit({ replaceConflicts: false, now: NOW }, control);
    expect((await session.recompute({ asOf: '2026-10-31' }, control)).summary.contracts).toBe(97);
  });

  it('reports a read ahead that failed to the recompute, and reads again on the next one', async () => {
    const db = await freshDb();
    const session = new EngineSession(db);
    await session.openSample({ now: NOW }, control);
    const toArray = db.contracts.toArray.bind(db.contracts);
    let failures = 1;
    db.contracts.toArray = (() => (failures-- > 0 ? Promise.reject(new Error('the disk went away')) : toArray())) as typeof db.contracts.toArray;
    await session.opening({ asOf: '2026-10-31' });
    await expect(session.recompute({ asOf: '2026-10-31' }, control)).rejects.toThrow('the disk went away');
    expect((await session.recompute({ asOf: '2026-10-31' }, control)).summary.contracts).toBe(96);
  });
});
