// The month-end screen's content for the demo portfolio: the alerts and
// exceptions are the pack's own lines, read back into the engine's integer
// figures; the words and sums the screen shows.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../renderer/src/core/reconcile';
import { DEMO_PORTFOLIO, generateSamplePortfolio } from '../../renderer/src/core/sample/sample-portfolio';
import { dayOf } from '../../renderer/src/core/dates';
import { workbookContext } from '../../renderer/src/io/workbook/workbook-context';
import { alertCounts, invoiceKindLabel, invoiceTotal } from '../../renderer/src/features/month-end/month-end-view';
import { saveOutcome } from '../../renderer/src/components/save-outcome';
import { IN_MEMORY_HISTORY_ROWS, inMemoryPackRefusal, monthEndExceptions, monthEndSummary } from '../../renderer/src/workers/month-end';
import type { InvoiceRow } from '../../renderer/src/workers/engine-protocol';

const AS_OF = '2026-10-31';
const input = { ...generateSamplePortfolio(DEMO_PORTFOLIO), asOf: AS_OF };
const result = reconcile(input);
const summary = await monthEndSummary(workbookContext(input, result));

describe('the month-end summary of the demo portfolio', () => {
  it('has one alert line per alarming status, carrying the contract\'s balance', () => {
    const byId = new Map(result.contracts.map((contract) => [contract.id, contract]));
    const lines = (alert: string) => summary.alerts.filter((line) => line.alert === alert);
    for (const [status, alert] of [['overrun', 'Overrun'], ['on_hold', 'On hold'], ['warning', 'Warning'], ['low', 'Low balance']] as const) {
      const expected = result.contracts.filter((contract) => contract.status.includes(status)).map((contract) => contract.id);
      expect(lines(alert).map((line) => line.contractId)).toEqual(expected);
      for (const line of lines(alert)) expect(line.units).toBe(byId.get(line.contractId)?.balance);
    }
    expect(summary.alerts.length).toBeGreaterThan(0);
  });

  it('dates expiring lots within 30 days of as-of and gives their units left', () => {
    const expiring = summary.alerts.filter((line) => line.alert === 'Expiring');
    expect(expiring.length).toBeGreaterThan(0);
    for (const line of expiring) {
      expect(line.date).not.toBeNull();
      const days = dayOf(line.date ?? '') - dayOf(AS_OF);
      expect(days).toBeGreaterThanOrEqual(0);
      expect(days).toBeLessThanOrEqual(30);
      expect(line.units).toBeGreaterThan(0);
      expect(result.contracts.find((contract) => contract.id === line.contractId)?.status).toContain('expiring');
    }
  });

  it('lists every unmatched, not-covered or held entry once, with its reason', async () => {
    const expected = result.entries.filter((entry) => entry.status === 'unmatched' || entry.status === 'not_covered' || entry.held > 0);
    const { rows, total } = (await monthEndExceptions(workbookContext(input, result))).page({ search: '', sort: null }, 0, Number.MAX_SAFE_INTEGER);
    expect(rows.map((row) => row.entryId)).toEqual(expected.map((entry) => entry.id));
    expect(summary.exceptionCount).toBe(total);
    for (const row of rows) expect(row.reason).not.toBe('');
    expect(summary.exceptions.unmatched).toBe(result.entries.filter((entry) => entry.status === 'unmatched').length);
    // The warning's three counts add up to the lines of the list below it.
    const { unmatched, not_covered: notCovered, held } = summary.exceptions;
    expect(held).toBe(result.entries.filter((entry) => entry.status !== 'unmatched' && entry.status !== 'not_covered' && entry.held > 0).length);
    expect(unmatched + notCovered + held).toBe(total);
    expect(rows.filter((row) => row.status === 'partial').length).toBeGreaterThan(0);
  });

  it('invoices only events of the as-of month, with amounts in whole cents', () => {
    expect(summary.from).toBe('2026-10-01');
    expect(summary.invoice.length).toBeGreaterThan(0);
    for (const row of summary.invoice) {
      expect(row.date >= summary.from && row.date <= AS_OF).toBe(true);
      if (row.amount !== null) expect(Number.isInteger(row.amount)).toBe(true);
    }
  });
});

describe('the pack built inside the window', () => {
  it('is allowed for the demo portfolio', () => {
    expect(inMemoryPackRefusal(workbookContext(input, result))).toBeNull();
  });

  it('is refused past the in-memory limit, saying how many rows and what to do instead', () => {
    const big = { ...generateSamplePortfolio({ customers: 4, contracts: 8, entries: IN_MEMORY_HISTORY_ROWS * 1.2, start: '2025-11-01', months: 12 }), asOf: AS_OF };
    const refusal = inMemoryPackRefusal(workbookContext(big, reconcile(big)));
    expect(refusal).toMatch(/has [\d,]+ history rows, too many to build inside this window/);
    expect(refusal).toContain('Nothing was written');
    expect(refusal).toContain('reconcile --xlsx');
  });
});

describe('the month-end words and sums', () => {
  const row = (amount: number | null): InvoiceRow => ({ customer: 'A', contractId: 'C', date: AS_OF, kind: 'overage', reference: '', unit: 'hours', units: 100, amount });

  it('totals priced lines and counts the unpriced ones', () => {
    expect(invoiceTotal([row(12_345), row(null), row(5)])).toEqual({ cents: 12_350, unpriced: 1 });
    expect(invoiceTotal([])).toEqual({ cents: 0, unpriced: 0 });
  });

  it('counts alerts per kind in the order they first appear', () => {
    const alert = (name: string) => ({ customer: 'A', contractId: 'C', alert: name, date: null, units: null, unit: 'hours' as const, detail: '' });
    expect(alertCounts([alert('Warning'), alert('Overrun'), alert('Warning')])).toEqual([{ alert: 'Warning', count: 2 }, { alert: 'Overrun', count: 1 }]);
  });

  it('names invoice items like the pack does', () => {
    expect(['overage', 'settlement', 'allowance', 'rebill', 'addition'].map(invoiceKindLabel)).toEqual(['Overage', 'Settlement', 'Allowance grant', 'Re-bill grant', 'Purchase']);
  });

  it('says what happened to a save and what to do next', () => {
    expect(saveOutcome({ status: 'saved', name: 'A.xlsx', savedId: 'x' }, 'The workbook', false)).toEqual({ severity: 'success', message: 'The workbook saved as "A.xlsx".', savedId: 'x' });
    expect(saveOutcome({ status: 'saved', name: 'A.xlsx', savedId: 'x' }, 'The workbook', true).savedId).toBeNull();
    expect(saveOutcome({ status: 'cancelled' }, 'The workbook', false).message).toContain('Nothing was written');
    const failed = saveOutcome({ status: 'failed', message: 'The disk is full.' }, 'The workbook', false);
    expect(failed.severity).toBe('error');
    expect(failed.message).toContain('The disk is full. Nothing was written. Pick another folder');
  });
});

describe('the summary of one reconcile', () => {
  it('is built once and answered again for the same reconcile', async () => {
    const context = workbookContext(input, result);
    const first = await monthEndSummary(context);
    expect(await monthEndSummary(context)).toBe(first);
    expect(await monthEndSummary(workbookContext(input, result))).toEqual(first);
    expect(await monthEndExceptions(context)).toBe(await monthEndExceptions(context));
  });
});
