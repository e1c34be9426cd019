// Which e-automate contract each ConnectWise agreement became (issue 6): the
// consultant's mapping file when given, else the same customer and the same
// name, else the same customer and the agreement number as contract number.
// Anything left over is listed on its side with the reason.
import type { Contract } from '../model';
import { compareCodePoints, normaliseName } from '../ordering';
import type { Pair, PairBasis, PairRequest, Pairing, Unpaired } from './audit-types';

function unpaired(side: Unpaired['side'], contract: Contract, reason: string): Unpaired {
  return { side, id: contract.id, customer: contract.customer, name: contract.name, reason };
}

function byMapping(source: readonly Contract[], target: readonly Contract[], requests: readonly PairRequest[]): Pairing {
  const requested = new Map(requests.map((request) => [request.sourceId, request.targetId]));
  const targetsById = new Map(target.map((contract) => [contract.id, contract]));
  const pairs: Pair[] = [];
  const used = new Set<string>();
  const left: Unpaired[] = [];
  for (const contract of source) {
    const targetId = requested.get(contract.id);
    const match = targetId === undefined ? undefined : targetsById.get(targetId);
    if (match === undefined) {
      left.push(unpaired('source', contract, 'not in the mapping file'));
      continue;
    }
    pairs.push({ sourceId: contract.id, targetId: match.id, customer: contract.customer, basis: 'mapping' });
    used.add(match.id);
  }
  for (const contract of target) if (!used.has(contract.id)) left.push(unpaired('target', contract, 'not in the mapping file'));
  return { pairs, unpaired: left };
}

/** Pairs each ConnectWise agreement with its e-automate contract; `requests` (a mapping file) wins when given. */
export function pairContracts(source: readonly Contract[], target: readonly Contract[], requests: readonly PairRequest[] | null): Pairing {
  const sortedSource = [...source].sort((a, b) => compareCodePoints(a.id, b.id));
  const sortedTarget = [...target].sort((a, b) => compareCodePoints(a.id, b.id));
  if (requests !== null) return byMapping(sortedSource, sortedTarget, requests);
  const used = new Set<string>();
  const pairs: Pair[] = [];
  const left: Unpaired[] = [];
  for (const contract of sortedSource) {
    const customer = normaliseName(contract.customer);
    const candidates = sortedTarget.filter((candidate) => !used.has(candidate.id) && normaliseName(candidate.customer) === customer);
    if (candidates.length === 0) {
      left.push(unpaired('source', contract, `no e-automate contract for customer "${contract.customer}"`));
      continue;
    }
    const attempts: readonly [PairBasis, (candidate: Contract) => boolean][] = [
      ['name', (candidate) => normaliseName(candidate.name) === normaliseName(contract.name)],
      ['number', (candidate) => normaliseName(candidate.id) === normaliseName(contract.id) || normaliseName(candidate.name) === normaliseName(contract.id)],
    ];
    let paired = false;
    let ambiguous = false;
    for (const [basis, test] of attempts) {
      const hits = candidates.filter(test);
      if (hits.length > 1) ambiguous = true;
      if (hits.length !== 1) continue;
      const hit = hits[0] as Contract;
      pairs.push({ sourceId: contract.id, targetId: hit.id, customer: contract.customer, basis });
      used.add(hit.id);
      paired = true;
      break;
    }
    if (!paired) {
      const reason = ambiguous
        ? `several e-automate contracts of "${contract.customer}" have its name or number; pair it in a mapping file`
        : `no e-automate contract of "${contract.customer}" has its name "${contract.name}" or number ${contract.id}; pair it in a mapping file`;
      left.push(unpaired('source', contract, reason));
    }
  }
  for (const contract of sortedTarget) if (!used.has(contract.id)) left.push(unpaired('target', contract, 'no ConnectWise agreement was paired with it'));
  return { pairs, unpaired: left };
}
