// Issue 6: replaying a source that applies time in the order it was entered
// (ConnectWise) rather than worked (SPEC §3), so its balance can be explained.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../renderer/src/core/reconcile';
import { c, contract, entry } from './builders';

describe('allocation order', () => {
  // 5 h left; a 4 h job worked on the 10th but keyed in on the 20th, and a 3 h job worked and keyed on the 15th.
  const input = {
    contracts: [contract({ allowance: 5 })],
    additions: [],
    entries: [entry('2026-01-10', 4, { id: 'E1', entered: '2026-01-20T09:00' }), entry('2026-01-15', 3, { id: 'E2', entered: '2026-01-15T17:30' })],
    asOf: '2026-01-31',
  };

  it('by work date (the default), the earlier-worked entry draws first and the later one runs over', () => {
    const result = reconcile(input);
    expect(result.entries.map((e) => [e.id, e.applied, e.overage])).toEqual([
      ['E1', c(4), 0],
      ['E2', c(1), c(2)],
    ]);
  });

  it('by entry time, the entry keyed in first draws first, on the day it was keyed in', () => {
    const result = reconcile({ ...input, allocationOrder: 'entered' });
    expect(result.entries.map((e) => [e.id, e.applied, e.overage])).toEqual([
      ['E1', c(2), c(2)],
      ['E2', c(3), 0],
    ]);
    expect(result.contracts[0]?.ledger.filter((event) => event.kind === 'entry').map((event) => [event.entryId, event.date])).toEqual([
      ['E2', '2026-01-15'],
      ['E1', '2026-01-20'],
    ]);
  });

  it('an entry keyed in after as-of still appears once, drawn on the last day the ledger runs', () => {
    const late = { ...input, entries: [entry('2026-01-10', 1, { id: 'E1', entered: '2026-02-03' })], allocationOrder: 'entered' as const };
    const result = reconcile(late);
    expect(result.entries).toHaveLength(1);
    expect(result.contracts[0]?.ledger.find((event) => event.entryId === 'E1')?.date).toBe('2026-01-31');
  });
});
