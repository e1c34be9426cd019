// Benchmark of the columnar entry store (issue 3 "Speed"): 1,000,000 entries
// through the real import path into Dexie over fake-indexeddb in Node, then
// read back. Target: storing under 3 s. `npx tsx test/db/store-bench.ts` runs
// it alone; `npm run bench` calls benchEntryStore.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Entry } from '../../renderer/src/core/model';
import { isoOf, dayFromCivil } from '../../renderer/src/core/dates';
import { openBlockledgerDb } from '../../renderer/src/db/schema';
import { prepareImport } from '../../renderer/src/db/prepare-import';
import { commitImport } from '../../renderer/src/db/commit-import';
import { loadEntryColumns, loadPortfolio } from '../../renderer/src/db/load-store';
import { liveRowCount } from '../../renderer/src/db/live-entries';

export interface StoreBenchResult {
  readonly rows: number;
  readonly chunks: number;
  /** prepareImport: keys, duplicate and conflict checks against the store. */
  readonly prepareSeconds: number;
  /** commitImport: column encoding and the one read-write transaction. */
  readonly commitSeconds: number;
  /** prepare + commit: the figure the 3 s target applies to. */
  readonly storeSeconds: number;
  /** CPU time of prepare + commit (user + system, all threads): steadier than wall time on a shared machine. */
  readonly storeCpuSeconds: number;
  /** loadPortfolio: everything back as Entry objects. */
  readonly readEntriesSeconds: number;
  /** loadEntryColumns: the chunks back, no Entry objects. */
  readonly readColumnsSeconds: number;
}

const BILLABLE = ['billable', 'billable', 'billable', 'no_charge', 'do_not_bill'] as const;

/**
 * A deterministic portfolio-like set of entries: 10,000 contracts, a year of
 * dates. Passed through JSON so its strings are flat, as a file reader's are
 * (template-built strings are ropes that cost extra on every copy).
 */
export function benchEntries(rows: number): Entry[] {
  const firstDay = dayFromCivil(2025, 1, 1);
  const entries: Entry[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const contract = i % 10_000;
    entries[i] = {
      id: `TE${100000 + i}`, date: isoOf(firstDay + ((i * 7) % 365)), contractId: `AGR-${contract}`, customer: `Customer ${contract >> 2}`,
      ticket: `${200000 + (i >> 2)}`, member: `tech${i % 40}`, workRole: i % 5 === 0 ? 'Senior Engineer' : 'Engineer', workType: i % 9 === 0 ? 'Onsite' : 'Remote',
      hours: 25 * (1 + (i % 16)), billable: BILLABLE[i % 5] as Entry['billable'], amount: i % 50 === 0 ? 1999 : null,
      notes: `Resolved ticket ${200000 + (i >> 2)}: ${i % 3 === 0 ? 'printer offline' : 'password reset'}`,
    };
  }
  return JSON.parse(JSON.stringify(entries)) as Entry[];
}

const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;

/** Stores `rows` generated entries as one import batch and reads them back; returns the timings. */
export async function benchEntryStore(rows = 1_000_000): Promise<StoreBenchResult> {
  const db = await openBlockledgerDb({ name: 'bench', indexedDB: new IDBFactory(), IDBKeyRange });
  const entries = benchEntries(rows);
  const cpuBefore = process.cpuUsage();
  let start = performance.now();
  const plan = await prepareImport(db, { source: 'canonical', files: [{ name: 'entries.csv', bytes: new TextEncoder().encode(`bench ${rows}`) }], contracts: [], additions: [], entries, rejectedRows: 0 });
  const prepareSeconds = seconds(start);
  if (plan.kind !== 'plan') throw new Error('the benchmark database was not empty');
  start = performance.now();
  const result = await commitImport(db, plan, new Map(), { who: 'bench', now: '2026-01-01T00:00:00.000Z' });
  const commitSeconds = seconds(start);
  const cpu = process.cpuUsage(cpuBefore);
  if (!result.ok) throw new Error(result.message);
  start = performance.now();
  const columns = await loadEntryColumns(db);
  const readColumnsSeconds = seconds(start);
  start = performance.now();
  const back = await loadPortfolio(db);
  const readEntriesSeconds = seconds(start);
  if (back.entries.length !== rows || liveRowCount(columns) !== rows) throw new Error(`read back ${back.entries.length} of ${rows} entries`);
  db.close();
  return { rows, chunks: columns.length, prepareSeconds, commitSeconds, storeSeconds: Math.round((prepareSeconds + commitSeconds) * 100) / 100,
    storeCpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100, readEntriesSeconds, readColumnsSeconds };
}

if (process.argv[1]?.endsWith('store-bench.ts')) {
  const result = await benchEntryStore(Number(process.argv[2] ?? 1_000_000));
  console.log(JSON.stringify(result, null, 2));
}
