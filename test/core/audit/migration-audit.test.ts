// The hand-made migrated portfolio (test/fixtures/migration), audited as of
// 2026-03-31. Every figure here was worked out by hand from the fixture:
// Acme loses carried-over hours, Birch overruns into its next block (which
// e-automate bills instead), Cedar counts incidents, Dune bills a line item,
// Elm has a back-dated entry that ConnectWise applied after a purchase, Fig is
// a dollar deposit whose e-automate bill-code rate is lower than the work-role rate.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../renderer/src/core/audit/run-audit';
import type { WhatIfSide } from '../../../renderer/src/core/audit/audit-types';
import { loadMigration } from './migration-fixture';

const loaded = await loadMigration();
const audit = runAudit(loaded.input);

function side(closing: number, expired: number, overage: number, overageCents: number | null, expiredCents: number | null): WhatIfSide {
  return { closing, expired, overage, overageCents, expiredCents };
}

describe('loading a migrated portfolio', () => {
  it('imports both sides with only the warnings the profiles give', () => {
    expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(loaded.issues.map((issue) => issue.code)).toEqual(['overrun-carried', 'addition-not-units']);
    expect(loaded.input.source.contracts.map((contract) => contract.id)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1007']);
    expect(loaded.input.target.map((contract) => contract.id)).toEqual(['EA-1001', 'EA-1002', 'EA-1003', 'EA-1004', 'EA-1006', 'EA-9001', 'EA-1007']);
  });

  it('keeps when each ConnectWise entry was entered (canonical YYYY-MM-DDTHH:MM:SS) and the agreement terms ConnectWise applies', () => {
    const entered = new Map(loaded.input.entries.map((entry) => [entry.id, entry.entered]));
    expect(entered.get('T602')).toBe('2026-02-10T09:00:00');
    expect(entered.get('T206')).toBe('2026-04-02T08:30:00');
    const acme = loaded.input.source.contracts.find((contract) => contract.id === '1001');
    expect(acme?.rate).toEqual({ units: 150, scale: 0 });
    expect(acme?.excludedWorkTypes).toEqual(['travel']);
  });
});

describe('pairing', () => {
  it('pairs by customer and name and lists the unpaired on both sides', () => {
    expect(audit.pairing.pairs.map((pair) => [pair.sourceId, pair.targetId, pair.basis])).toEqual([
      ['1001', 'EA-1001', 'name'],
      ['1002', 'EA-1002', 'name'],
      ['1003', 'EA-1003', 'name'],
      ['1004', 'EA-1004', 'name'],
      ['1006', 'EA-1006', 'name'],
      ['1007', 'EA-1007', 'name'],
    ]);
    expect(audit.pairing.unpaired).toEqual([
      { side: 'source', id: '1005', customer: 'Dune Labs', name: 'Dune Projects', reason: 'no e-automate contract of "Dune Labs" has its name "Dune Projects" or number 1005; pair it in a mapping file' },
      { side: 'target', id: 'EA-9001', customer: 'Dune Labs', name: 'Dune Legacy', reason: 'no ConnectWise agreement was paired with it' },
    ]);
  });

  it('follows the mapping file alone when one is given', async () => {
    const mapped = runAudit((await loadMigration(true)).input);
    expect(mapped.pairing.pairs.map((pair) => [pair.sourceId, pair.targetId, pair.basis])).toEqual([
      ['1004', 'EA-9001', 'mapping'],
      ['1006', 'EA-1006', 'mapping'],
    ]);
    expect(mapped.pairing.unpaired.map((item) => `${item.side} ${item.id}`)).toEqual(['source 1001', 'source 1002', 'source 1003', 'source 1005', 'source 1007', 'target EA-1001', 'target EA-1002', 'target EA-1003', 'target EA-1004', 'target EA-1007']);
  });
});

describe('configuration findings', () => {
  it('lists every difference and unrepresentable feature with its severity', () => {
    expect(audit.findings.map((finding) => [finding.sourceId, finding.code, finding.severity])).toEqual([
      ['1001', 'carryover', 'high'],
      ['1001', 'excluded-work-types', 'medium'],
      ['1001', 'overage-rates', 'medium'],
      ['1002', 'rate', 'high'],
      ['1002', 'end', 'medium'],
      ['1002', 'overrun-next-block', 'high'],
      ['1002', 'overrun-limit', 'low'],
      ['1002', 'additions', 'high'],
      ['1002', 'adjustments', 'medium'],
      ['1002', 'excluded-work-roles', 'medium'],
      ['1003', 'unit', 'high'],
      ['1003', 'rebill', 'high'],
      ['1003', 'rate-missing', 'low'],
      ['1003', 'incidents', 'high'],
      ['1004', 'start', 'medium'],
      ['1004', 'line-items', 'high'],
      ['1006', 'additions', 'high'],
      ['1007', 'rate', 'high'],
    ]);
  });

  it('writes sentences a consultant can paste', () => {
    const sentence = (id: string, code: string) => audit.findings.find((finding) => finding.sourceId === id && finding.code === code)?.sentence;
    expect(sentence('1001', 'carryover')).toBe('ConnectWise agreement 1001 ("Acme Monthly 10h") carries unused hours over for 30 days; e-automate has no carryover ("use it or lose it"), so unused hours of e-automate contract EA-1001 expire at the end of each period.');
    expect(sentence('1002', 'overrun-next-block')).toBe('ConnectWise agreement 1002 ("Birch Block 20h") allows overruns and applies them to the next block; e-automate applies a service call to one contract only, and e-automate contract EA-1002 adds the negative balance to the next billing of the contract.');
    expect(sentence('1002', 'rate')).toBe('ConnectWise agreement 1002 ("Birch Block 20h") bills its work role at $160/hour, but the bill code of e-automate contract EA-1002 has a labor rate of $140/hour; e-automate values every hour of the contract at the bill-code rate.');
    // The +2 h adjustment is imported as an addition too; it is reported once, as an adjustment.
    expect(sentence('1002', 'additions')).toBe('ConnectWise agreement 1002 ("Birch Block 20h") has 1 addition adding 10 hours to its block; e-automate cannot add hours to a deposit contract, so each purchase must be billed as a re-bill of e-automate contract EA-1002.');
    expect(sentence('1002', 'adjustments')).toBe('ConnectWise agreement 1002 ("Birch Block 20h") has 1 adjustment (net 2 hours); an e-automate deposit changes only through service calls and re-bills, so e-automate contract EA-1002 needs a manual correction.');
    expect(sentence('1003', 'incidents')).toBe('ConnectWise agreement 1003 ("Cedar Incidents") counts incidents; e-automate deposit contracts hold dollars or hours only, so e-automate contract EA-1003 cannot count tickets.');
    expect(sentence('1003', 'rebill')).toBe('ConnectWise agreement 1003 ("Cedar Incidents") is a one-time block, but e-automate contract EA-1003 re-bills every month; set its template to "Do not re-bill" (or "Re-bill when balance is below" for blocks sold again when used up).');
    expect(sentence('1004', 'line-items')).toBe('ConnectWise agreement 1004 ("Dune Support") bills line items (AV-LICENSE) beside its covered hours; e-automate contracts are either deposit or installment based and are not group-billed together, so the line items need an installment contract of their own.');
    expect(sentence('1001', 'overage-rates')).toBe('ConnectWise agreement 1001 ("Acme Monthly 10h") bills overage per work type (onsite $175/hour); e-automate bills extra hours of e-automate contract EA-1001 at its bill-code rate only.');
  });
});

describe('what-if: the same history under both term sets', () => {
  const pair = (id: string) => audit.whatIf.pairs.find((candidate) => candidate.sourceId === id);

  it('Acme: carried-over hours expire in e-automate and the overrun is billed with the next cycle', () => {
    // The travel entry T103 is behind February: excluded by ConnectWise, deducted by e-automate.
    // CW: 10 h a month, unused hours usable 30 days more. EA: use it or lose it, negative balance added to the next bill.
    // Feb: 12 h + 1 h of travel (excluded in CW, deducted in EA) against EA's 10 h -> -3, billed on Mar 1.
    expect(pair('1001')?.months).toEqual([
      { month: '2026-01-01', source: side(400, 0, 0, 0, 0), target: side(0, 400, 0, 0, 60000), billedDifferenceCents: 0, entryIds: ['T101'] },
      { month: '2026-02-01', source: side(200, 0, 0, 0, 0), target: side(-300, 0, 0, 0, 0), billedDifferenceCents: 0, entryIds: ['T102', 'T103'] },
      { month: '2026-03-01', source: side(800, 0, 0, 0, 0), target: side(0, 600, 300, 45000, 90000), billedDifferenceCents: 45000, entryIds: ['T104'] },
    ]);
  });

  it('Birch: ConnectWise applies the overrun to the next block, e-automate bills it at its own lower rate', () => {
    // Behind each month: every entry matched to the agreement, the no-charge T205 and T207 (matched by customer) included.
    expect(pair('1002')?.months).toEqual([
      { month: '2026-01-01', source: side(400, 0, 0, 0, 0), target: side(400, 0, 0, 0, 0), billedDifferenceCents: 0, entryIds: ['T201', 'T202', 'T205'] },
      { month: '2026-02-01', source: side(600, 0, 0, 0, 0), target: side(700, 0, 100, 14000, 0), billedDifferenceCents: 14000, entryIds: ['T203', 'T204', 'T207'] },
      { month: '2026-03-01', source: side(500, 0, 0, 0, 0), target: side(600, 0, 0, 0, 0), billedDifferenceCents: 0, entryIds: ['T206'] },
    ]);
  });

  it('Cedar: incidents cannot be valued, so the pair is counted as unvalued', () => {
    expect(pair('1003')?.months.map((month) => [month.source?.closing, month.target?.closing, month.target?.expired, month.billedDifferenceCents])).toEqual([
      [900, 0, 700, null],
      [800, 0, 700, null],
      [800, 0, 1000, null],
    ]);
    expect(pair('1003')?.total.unvalued).toBe(1);
  });

  it('Fig: a dollar deposit loses $150 an hour in ConnectWise, $125 in e-automate', () => {
    expect(pair('1007')?.months).toEqual([
      { month: '2026-01-01', source: side(200000, 0, 0, 0, 0), target: side(200000, 0, 0, 0, 0), billedDifferenceCents: 0, entryIds: [] },
      { month: '2026-02-01', source: side(140000, 0, 0, 0, 0), target: side(150000, 0, 0, 0, 0), billedDifferenceCents: 0, entryIds: ['T701'] },
      { month: '2026-03-01', source: side(140000, 0, 0, 0, 0), target: side(150000, 0, 0, 0, 0), billedDifferenceCents: 0, entryIds: [] },
    ]);
  });

  it('Dune: overage billed in the month in ConnectWise, on the next cycle in e-automate', () => {
    expect(pair('1004')?.months.map((month) => month.billedDifferenceCents)).toEqual([0, -15000, 15000]);
  });

  it('totals per customer and for the portfolio, in cents', () => {
    expect(audit.whatIf.customers.map((customer) => [customer.customer, customer.total.billedDifferenceCents, customer.total.targetExpiredCents - customer.total.sourceExpiredCents])).toEqual([
      ['Acme Dental', 45000, 150000],
      ['Birch Law', 14000, 0],
      ['Cedar Clinic', 0, 0],
      ['Dune Labs', 0, 0],
      ['Elm Accounting', 0, 0],
      ['Fig Partners', 0, 0],
    ]);
    expect(audit.whatIf.portfolio).toEqual({ sourceOverageCents: 39000, targetOverageCents: 98000, sourceExpiredCents: 120000, targetExpiredCents: 270000, billedDifferenceCents: 59000, unvalued: 1 });
  });
});

describe('why the balance differs', () => {
  it('Elm: the back-dated entry applied in entered order explains most of it, a no-charge entry part, the rest is shown', () => {
    const elm = audit.variances.find((report) => report.contractId === '1006');
    expect(elm).toEqual({
      side: 'source',
      contractId: '1006',
      customer: 'Elm Accounting',
      unit: 'hours',
      reportedAsOf: '2026-03-31',
      reported: 225,
      recomputed: 500,
      variance: 275,
      explanations: [
        {
          cause: 'entered-order',
          units: 200,
          sentence: 'ConnectWise applies time in the order it was entered, not the order it was worked; replayed that way, back-dated entries change what the block covers: 2 entries (T602 and T603). This accounts for 2 hours of the variance.',
          entryIds: ['T602', 'T603'],
        },
        {
          cause: 'no-charge',
          units: 50,
          sentence: 'Marked no charge or do not bill, which Blockledger leaves out but ConnectWise drew from the block: 1 entry (T604). This accounts for 0.5 hours of the variance.',
          entryIds: ['T604'],
        },
      ],
      unexplained: 25,
    });
  });

  it('Birch: an entry entered after the recap and one without an agreement; half an hour stays unexplained', () => {
    const birch = audit.variances.find((report) => report.contractId === '1002');
    expect(birch?.variance).toBe(-250);
    expect(birch?.explanations.map((explanation) => [explanation.cause, explanation.units, explanation.entryIds])).toEqual([
      ['pending', -100, ['T206']],
      ['other-agreement', -100, ['T207']],
    ]);
    expect(birch?.explanations[0]?.sentence).toBe("Entered after 2026-03-31 though worked on or before it, so not yet in ConnectWise's balance of that day: 1 entry (T206). This accounts for -1 hour of the variance.");
    expect(birch?.unexplained).toBe(-50);
  });

  it('Fig: e-automate deducted the time at the ConnectWise work-role rate, not its bill-code rate', () => {
    expect(audit.variances.find((report) => report.contractId === 'EA-1007')?.explanations).toEqual([
      {
        cause: 'rate',
        units: 10000,
        sentence: 'e-automate valued the time at $150/hour, the rate of the paired contract, not $125/hour: 1 entry (T701). This accounts for $100.00 of the variance.',
        entryIds: ['T701'],
      },
    ]);
  });

  it('e-automate balances are checked against the e-automate replay', () => {
    const target = audit.variances.filter((report) => report.side === 'target');
    expect(target.map((report) => [report.contractId, report.recomputed, report.reported, report.variance, report.explanations.length, report.unexplained])).toEqual([
      ['EA-1002', 600, 600, 0, 0, 0],
      ['EA-1007', 150000, 140000, 10000, 1, 0],
    ]);
  });

  it('every variance is the sum of its explanations and what is left unexplained', () => {
    for (const report of audit.variances) {
      expect(report.explanations.reduce((sum, explanation) => sum + explanation.units, 0) + report.unexplained).toBe(report.variance);
    }
  });
});
