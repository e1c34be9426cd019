// The built-in sample portfolio is what a new user sees first and what the
// demo and benchmark run on: it must show every status, event and exception.
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO, generateSamplePortfolio } from '../../../renderer/src/core/sample/sample-portfolio';
import { reconcile } from '../../../renderer/src/core/reconcile';

describe('sample portfolio', () => {
  const input = generateSamplePortfolio(DEMO_PORTFOLIO);
  const result = reconcile(input);

  it('is the same on every run', () => {
    expect(generateSamplePortfolio(DEMO_PORTFOLIO)).toEqual(input);
  });

  it('has the size the demo promises: a few dozen customers with every contract kind', () => {
    expect(new Set(input.contracts.map((c) => c.customer)).size).toBe(36);
    expect(new Set(input.contracts.map((c) => c.unit))).toEqual(new Set(['hours', 'amount', 'incidents']));
    expect(new Set(input.contracts.map((c) => c.period))).toEqual(new Set(['once', 'month', 'quarter', 'year']));
    expect(new Set(input.contracts.map((c) => c.overage))).toEqual(new Set(['bill', 'carry', 'bill_next', 'bill_month_end']));
    expect(input.entries).toHaveLength(DEMO_PORTFOLIO.entries);
  });

  it('shows every contract status at its as-of date', () => {
    const statuses = new Set(result.contracts.flatMap((c) => c.status));
    expect([...statuses].sort()).toEqual(['ended', 'exhausted', 'expiring', 'low', 'on_hold', 'overrun', 'warning']);
    expect(result.contracts.some((c) => c.variance !== null && c.variance !== 0)).toBe(true);
    expect(result.contracts.some((c) => c.months.length === 0)).toBe(true);
  });

  it('shows every kind of ledger event and every entry outcome', () => {
    const kinds = new Set(result.contracts.flatMap((c) => c.ledger.map((event) => event.kind)));
    expect([...kinds].sort()).toEqual(['addition', 'entry', 'expiry', 'grant', 'rebill', 'settlement']);
    const outcomes = new Set(result.entries.map((entry) => entry.status));
    expect([...outcomes].sort()).toEqual(['applied', 'held', 'not_covered', 'overage', 'partial', 'unmatched']);
  });
});
