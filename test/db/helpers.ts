// Shared fixtures for the store tests: a fresh fake-indexeddb per database,
// small contracts/entries, and a draft builder.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Addition, Contract, Entry } from '../../renderer/src/core/model';
import { openBlockledgerDb, type BlockledgerDb, type ChangeContext, type OpenOptions } from '../../renderer/src/db/schema';
import { prepareImport, type ImportDraft, type SourcedAddition } from '../../renderer/src/db/prepare-import';
import { commitImport, type ConflictDecision } from '../../renderer/src/db/commit-import';
import { loadPortfolio } from '../../renderer/src/db/load-store';

/** A database in its own in-memory IndexedDB. */
export function freshDb(options: Omit<OpenOptions, 'indexedDB' | 'IDBKeyRange'> = {}): Promise<BlockledgerDb> {
  return openBlockledgerDb({ ...options, indexedDB: new IDBFactory(), IDBKeyRange });
}

export function at(now: string, who = 'clerk@example.test'): ChangeContext {
  return { who, now };
}

export const CLERK = at('2026-02-01T09:00:00.000Z');

export function contract(id: string, overrides: Partial<Contract> = {}): Contract {
  return {
    id, customer: `Customer of ${id}`, name: id, unit: 'hours', start: '2026-01-01', end: null, allowance: 1000,
    period: 'month', anchor: 'calendar', prorate: false, carryover: false, carryoverDays: null, overage: 'bill',
    overrunLimitPct: null, overrunLimit: null, warningPct: null, lowBalance: null, rebillBelow: null, rebillQuantity: null,
    rate: null, roleRates: [], roleFactors: [], excludedWorkTypes: [], roundMinutes: null, minimumMinutes: null,
    coversExpenses: false, price: null, reportedBalance: null, reportedAsOf: null, ...overrides,
  };
}

export function entry(id: string, date: string, hours: number, overrides: Partial<Entry> = {}): Entry {
  return {
    id, date, contractId: 'C1', customer: 'Acme', ticket: `T-${id}`, member: 'ann', workRole: 'engineer',
    workType: 'remote', hours, billable: 'billable', amount: null, notes: `work ${id}`, ...overrides,
  };
}

export function addition(contractId: string, date: string, quantity: number, overrides: Partial<Addition> = {}): Addition {
  return { contractId, date, quantity, price: null, reference: '', expires: null, ...overrides };
}

/** A file whose bytes stand for its rows (different rows, different SHA-256). */
export function fileOf(name: string, rows: readonly unknown[]): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(JSON.stringify(rows)) };
}

export function draft(parts: Partial<ImportDraft> & { entries?: readonly Entry[]; additions?: readonly SourcedAddition[] }): ImportDraft {
  const contracts = parts.contracts ?? [];
  const additions = parts.additions ?? [];
  const entries = parts.entries ?? [];
  return {
    source: parts.source ?? 'canonical',
    files: parts.files ?? [fileOf('export.csv', [contracts, additions, entries])],
    contracts, additions, entries, rejectedRows: parts.rejectedRows ?? 0,
  };
}

/** Everything the engine would see, in a stable order, for before/after comparisons. */
export async function engineView(db: BlockledgerDb) {
  const portfolio = await loadPortfolio(db);
  const byText = <T>(items: readonly T[]) => items.map((item) => JSON.stringify(item)).sort();
  return { contracts: byText(portfolio.contracts), additions: byText(portfolio.additions), entries: byText(portfolio.entries) };
}

/** Previews and commits; conflicts get `decide` (default: keep the stored version). */
export async function importDraft(db: BlockledgerDb, value: ImportDraft, decide: ConflictDecision = 'keep', context = CLERK) {
  const preview = await prepareImport(db, value);
  if (preview.kind !== 'plan') return { preview, commit: null };
  const decisions = new Map(preview.conflicts.map((conflict) => [conflict.key, decide] as const));
  return { preview, commit: await commitImport(db, preview, decisions, context) };
}

/** Every table's rows (of the tables this version has), for "nothing changed" assertions. */
export async function snapshot(db: BlockledgerDb): Promise<Record<string, unknown[]>> {
  const names = db.tables.map((table) => table.name).sort();
  const tables = await Promise.all(names.map((name) => db.table(name).toArray()));
  return Object.fromEntries(names.map((name, i) => [name, tables[i] as unknown[]]));
}

/** Makes the `failAt`-th write (1-based, counted across tables) of `db` throw `error()` (reopens `db`). */
export async function failNthWrite(db: BlockledgerDb, failAt: number, error: () => Error): Promise<void> {
  let writes = 0;
  db.use({
    stack: 'dbcore',
    name: 'fail-nth-write',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => (++writes === failAt ? Promise.reject(error()) : table.mutate(request)),
        };
      },
    }),
  });
  // Dexie builds its middleware stack when it opens.
  db.close();
  await db.open();
}
