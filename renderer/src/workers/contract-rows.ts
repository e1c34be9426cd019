// The contracts grid's lines, taken from the engine's result and the terms.
import type { Contract } from '../core/model';
import type { ReconcileResult } from '../core/result';
import type { ContractRow } from './engine-protocol';

/** One summary row per contract, in the engine's (id) order. */
export function contractRows(contracts: ReadonlyMap<string, Contract>, result: ReconcileResult): ContractRow[] {
  return result.contracts.map((contract) => {
    const terms = contracts.get(contract.id);
    // The last statement month is the one holding the as-of date (SPEC §6).
    const month = contract.months.at(-1);
    return {
      id: contract.id,
      customer: contract.customer,
      name: terms?.name ?? contract.id,
      unit: contract.unit,
      allowance: terms?.allowance ?? null,
      balance: contract.balance,
      usedPctTenths: contract.usedPctTenths,
      status: contract.status,
      overageThisMonth: month !== undefined && month.end >= result.asOf && month.start <= result.asOf ? month.overage : 0,
      variance: contract.variance,
      end: terms?.end ?? null,
    };
  });
}
