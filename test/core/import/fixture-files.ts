// Loads a fixture folder as the files a clerk would pick.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../../renderer/src/io/load-source-files';
import type { Addition, Contract, Entry } from '../../../renderer/src/core/model';
import type { ReconcileResult } from '../../../renderer/src/core/result';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The files of a fixture folder (all, or those named). */
export function fixtureFiles(folder: string, names?: readonly string[]): SourceFile[] {
  const chosen = names ?? readdirSync(FIXTURES + folder).filter((name) => !name.includes('profile'));
  return chosen.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${FIXTURES}${folder}/${name}`)) }));
}

/** A fixture file parsed as JSON (saved profiles). */
export function fixtureJson(folder: string, name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}${folder}/${name}`, 'utf8'));
}

/** Records in a stable order, so row order in the source does not matter to an assertion. */
export function sorted(records: { contracts: readonly Contract[]; additions: readonly Addition[]; entries: readonly Entry[] }) {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    contracts: [...records.contracts].sort((a, b) => byText(a.id, b.id)),
    additions: [...records.additions].sort((a, b) => byText(`${a.contractId} ${a.date} ${a.reference}`, `${b.contractId} ${b.date} ${b.reference}`)),
    entries: [...records.entries].sort((a, b) => byText(a.id, b.id)),
  };
}

/** Each contract's balance, reported balance variance and statuses, by id. */
export function balances(result: ReconcileResult): Record<string, { balance: number; variance: number | null }> {
  return Object.fromEntries(result.contracts.map((contract) => [contract.id, { balance: contract.balance, variance: contract.variance }]));
}
