import { describe, expect, it } from 'vitest';
import { loadEntryColumns, loadPortfolio } from '../../renderer/src/db/load-store';
import { openEntryQuery } from '../../renderer/src/db/entry-query';
import { forEachLiveRow, liveRowCount } from '../../renderer/src/db/live-entries';
import type { BlockledgerDb } from '../../renderer/src/db/schema';
import { addition, contract, draft, entry, fileOf, freshDb, importDraft } from './helpers';

async function twoBatches() {
  const db = await freshDb();
  await importDraft(db, draft({
    contracts: [contract('C1'), contract('C2')],
    additions: [{ addition: addition('C1', '2026-01-15', 1000), sourceId: '1' }],
    entries: [
      entry('E1', '2026-01-20', 100, { contractId: 'C1' }), entry('E2', '2026-01-05', 50, { contractId: 'C2' }),
      entry('E3', '2026-01-10', 25, { contractId: 'C1' }), entry('E4', '2026-02-01', 75, { contractId: null }),
    ],
    files: [fileOf('1', [1])],
  }));
  await importDraft(db, draft({
    entries: [entry('E3', '2026-01-10', 30, { contractId: 'C1' }), entry('E5', '2026-01-10', 10, { contractId: 'C1' })],
    files: [fileOf('2', [2])],
  }), 'replace');
  return db;
}

describe('loading for the engine', () => {
  it('loadPortfolio returns contracts, additions and the visible entries (replaced ones hidden)', async () => {
    const db = await twoBatches();
    const portfolio = await loadPortfolio(db);
    expect(portfolio.contracts.map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(portfolio.additions).toEqual([addition('C1', '2026-01-15', 1000)]);
    expect(portfolio.entries.map((e) => [e.id, e.hours])).toEqual([['E1', 100], ['E2', 50], ['E4', 75], ['E3', 30], ['E5', 10]]);
  });

  it('loadEntryColumns gives the same rows without building them', async () => {
    const db = await twoBatches();
    const live = await loadEntryColumns(db);
    expect(liveRowCount(live)).toBe(5);
    const ids: string[] = [];
    forEachLiveRow(live, (chunk, row) => ids.push(chunk.ids[row] as string));
    expect(ids.sort()).toEqual((await loadPortfolio(db)).entries.map((e) => e.id).sort());
  });

  // Rows rest grouped by contract; the engine is fastest on entries in id order, as most exports are.
  const interleaved = () => [
    entry('E1', '2026-01-02', 10, { contractId: 'C1' }), entry('E2', '2026-01-03', 20, { contractId: 'C2' }), entry('E3', '2026-01-04', 30, { contractId: 'C1' }),
    entry('E4', '2026-01-05', 40, { contractId: null }), entry('E5', '2026-01-06', 50, { contractId: 'C2' }), entry('E6', '2026-01-07', 60, { contractId: 'C1' }),
  ];
  async function storedInterleaved(): Promise<BlockledgerDb> {
    const db = await freshDb();
    await importDraft(db, draft({ contracts: [contract('C1'), contract('C2')], entries: interleaved(), files: [fileOf('1', [1])] }));
    await importDraft(db, draft({ entries: [entry('E3', '2026-01-04', 35, { contractId: 'C1' }), entry('E7', '2026-01-08', 70, { contractId: 'C2' })], files: [fileOf('2', [2])] }), 'replace');
    return db;
  }
  const atRest = async (db: BlockledgerDb) => {
    const ids: string[] = [];
    forEachLiveRow(await loadEntryColumns(db), (chunk, row) => ids.push(chunk.ids[row] as string));
    return ids;
  };

  it('gives each batch back in the order it was imported, though its rows rest grouped by contract', async () => {
    const db = await storedInterleaved();
    expect(await atRest(db)).toEqual(['E1', 'E6', 'E2', 'E5', 'E4', 'E3', 'E7']);
    const portfolio = await loadPortfolio(db);
    expect(portfolio.entries.map((e) => [e.id, e.hours])).toEqual([['E1', 10], ['E2', 20], ['E4', 40], ['E5', 50], ['E6', 60], ['E3', 35], ['E7', 70]]);
    expect(Array.from(portfolio.batchIds)).toEqual([1, 1, 1, 1, 1, 2, 2]);
  });

  it.each([
    ['stored before the import order was kept', () => undefined],
    ['whose import order is damaged (a place twice)', () => new Int32Array(6)],
  ])('a batch %s comes back in the order its rows rest, nothing lost', async (_what, importOrder) => {
    const db = await storedInterleaved();
    await db.entryChunks.where('batchId').equals(1).modify((chunk: { importOrder?: Int32Array }) => {
      const order = importOrder();
      if (order === undefined) delete chunk.importOrder;
      else chunk.importOrder = order;
    });
    const portfolio = await loadPortfolio(db);
    expect(portfolio.entries.map((e) => e.id)).toEqual(['E1', 'E6', 'E2', 'E5', 'E4', 'E3', 'E7']);
    expect(Array.from(portfolio.batchIds)).toEqual([1, 1, 1, 1, 1, 2, 2]);
  });
});

describe('entries query for the grid', () => {
  it('filters by contract and date range, in date order, with batch links, paged', async () => {
    const db = await twoBatches();
    const query = await openEntryQuery(db, { contractId: 'C1', from: '2026-01-10', to: '2026-01-31' });
    expect(query.total).toBe(3);
    expect(query.rows(0, 10).map((row) => [row.entry.id, row.entry.hours, row.batchId, row.key])).toEqual([
      ['E3', 30, 2, 'canonical|entry|id:E3'], ['E5', 10, 2, 'canonical|entry|id:E5'], ['E1', 100, 1, 'canonical|entry|id:E1'],
    ]);
    expect(query.rows(1, 1).map((row) => row.entry.id)).toEqual(['E5']);
    expect(query.rows(5, 10)).toEqual([]);
  });

  it('entries without a contract, and all entries', async () => {
    const db = await twoBatches();
    expect((await openEntryQuery(db, { contractId: null })).rows(0, 10).map((row) => row.entry.id)).toEqual(['E4']);
    const all = await openEntryQuery(db);
    expect(all.rows(0, 100).map((row) => row.entry.date)).toEqual(['2026-01-05', '2026-01-10', '2026-01-10', '2026-01-20', '2026-02-01']);
  });

  it('pages through many chunks in date order', async () => {
    const db = await freshDb();
    const many = Array.from({ length: 30_000 }, (_, i) => entry(`N${i}`, `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`, 1, { contractId: `C${i % 50}` }));
    await importDraft(db, draft({ entries: many }));
    const query = await openEntryQuery(db, { contractId: 'C7', from: '2026-03-01', to: '2026-05-31' });
    const expected = many.filter((e) => e.contractId === 'C7' && e.date >= '2026-03-01' && e.date <= '2026-05-31');
    expect(query.total).toBe(expected.length);
    const paged = [...query.rows(0, 100), ...query.rows(100, 1000)].map((row) => row.entry);
    expect(paged).toEqual([...expected].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
  });

  it('rejects a malformed date bound', async () => {
    await expect(openEntryQuery(await freshDb(), { from: '2026-13-01' })).rejects.toThrow('not a valid date: 2026-13-01');
  });
});
