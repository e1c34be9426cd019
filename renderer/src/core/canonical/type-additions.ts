// additions.csv (SPEC §2) to Addition records, checked against the contracts (§10).
import type { Addition, Contract } from '../model';
import { columnsOf, type CellReader } from './cell-reader';
import { createRowTyper, type RowTyper, type TypedRows } from './typed-rows';

/** The file's known columns (SPEC §2). */
const C = columnsOf(['contract_id', 'date', 'quantity', 'price', 'reference', 'expires']);
const REQUIRED = [C.contract_id, C.date, C.quantity];

/** The rules that need the addition's contract (SPEC §10); returns the effective date. */
function checkAgainstContract(reader: CellReader, contract: Contract, date: string, expires: string | null): string {
  if (contract.end !== null && date > contract.end) {
    reader.fail(C.date, 'after-contract-end', `expected a date on or before the contract's end ${contract.end}, got "${date}"`);
    return date;
  }
  if (date >= contract.start) return date;
  // An addition dated before start takes effect on start.
  if (expires !== null && expires < contract.start) {
    reader.fail(C.expires, 'expires-before-start', `the addition takes effect on the contract's start ${contract.start}; expected it to expire on or after that day, got "${expires}"`);
  }
  return contract.start;
}

/** A row typer for additions.csv; `contracts` is the typed contracts file it refers to (SPEC §2, §10). */
export function additionTyper(fileName: string, contracts: TypedRows<Contract>, contractsFileName: string): RowTyper<Addition> {
  const byId = new Map(contracts.records.map((contract) => [contract.id, contract]));
  const findContract = (reader: CellReader, contractId: string): Contract | null => {
    const contract = byId.get(contractId);
    if (contract !== undefined) return contract;
    // Without a readable contracts file, nothing can be checked against it.
    if (!contracts.complete) return null;
    if (contracts.rejectedIds.has(contractId)) {
      reader.fail(C.contract_id, 'contract-rejected', `the contract "${contractId}" has errors in ${contractsFileName}, so this addition cannot be checked`);
    } else {
      reader.fail(C.contract_id, 'unknown-contract', `expected the id of a contract in ${contractsFileName}, got "${contractId}"`);
    }
    return null;
  };
  const typeAddition = (reader: CellReader): Addition | null => {
    const contractId = reader.requiredText(C.contract_id, 'a contract id');
    const date = reader.date(C.date, true);
    const quantity = reader.centi(C.quantity, 'a quantity like 10 or 2.5', { required: true, positive: true });
    const price = reader.centi(C.price, 'an amount like 500 or 500.00');
    const expires = reader.date(C.expires, false);
    if (date !== null && expires !== null && expires < date) {
      reader.fail(C.expires, 'expires-before-date', `expected an expiry on or after the date ${date}, got "${expires}"`);
    }
    const contract = contractId === null ? null : findContract(reader, contractId);
    if (contractId === null || date === null || quantity === null || !reader.rowOk) return null;
    const effective = contract === null ? date : checkAgainstContract(reader, contract, date, expires);
    return { contractId, date: effective, quantity, price, reference: reader.text(C.reference), expires };
  };
  return createRowTyper(fileName, { columns: C, required: REQUIRED, idColumn: null, typeRow: typeAddition });
}
