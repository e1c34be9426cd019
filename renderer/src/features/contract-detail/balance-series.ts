// The balance-over-time chart's data: the end-of-day balance on each day the
// ledger moved, with the days of grants, expiries and overage marked. Chart
// values are plain numbers for drawing only; the ledger stays in hundredths.
import type { IsoDate } from '../../core/model';
import type { LedgerEvent } from '../../core/result';

export interface BalanceSeries {
  readonly days: readonly IsoDate[];
  readonly balance: readonly number[];
  /** The balance on days with a grant, re-bill or purchase; null elsewhere. */
  readonly grants: readonly (number | null)[];
  readonly expiries: readonly (number | null)[];
  readonly overage: readonly (number | null)[];
}

/** One point per ledger day (its last event's balance after), with markers. */
export function balanceSeries(ledger: readonly LedgerEvent[]): BalanceSeries {
  const days: IsoDate[] = [];
  const balance: number[] = [];
  const marks = { grants: [] as boolean[], expiries: [] as boolean[], overage: [] as boolean[] };
  for (const event of ledger) {
    if (days.at(-1) !== event.date) {
      days.push(event.date);
      balance.push(0);
      marks.grants.push(false);
      marks.expiries.push(false);
      marks.overage.push(false);
    }
    const last = days.length - 1;
    balance[last] = event.balanceAfter / 100;
    if (event.kind === 'grant' || event.kind === 'rebill' || event.kind === 'addition') marks.grants[last] = true;
    if (event.kind === 'expiry' && event.units !== 0) marks.expiries[last] = true;
    if (event.overage > 0 || event.kind === 'settlement') marks.overage[last] = true;
  }
  const at = (flags: boolean[]): (number | null)[] => flags.map((flag, index) => (flag ? (balance[index] as number) : null));
  return { days, balance, grants: at(marks.grants), expiries: at(marks.expiries), overage: at(marks.overage) };
}
