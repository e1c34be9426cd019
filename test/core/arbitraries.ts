// fast-check generators of small but rule-dense portfolios: every policy,
// period, anchor, unit and coverage rule can appear, and inputs are always
// valid per SPEC §10 (the engine's precondition).
import fc from 'fast-check';
import type { Addition, Contract, Entry, ReconcileInput } from '../../renderer/src/core/model';
import { dayOf, isoOf } from '../../renderer/src/core/dates';

const BASE_DAY = dayOf('2025-11-01');
const SPAN_DAYS = 500;
const CUSTOMERS = ['Acme', 'Globex', 'Initech'];
const ROLES = ['Senior', 'Junior', ''];
const WORK_TYPES = ['Remote', 'Onsite', 'Travel'];

const day = (offset: number) => isoOf(BASE_DAY + offset);
const optionalCenti = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null });
const decimal = (maxUnits: number, maxScale: number) => fc.record({ units: fc.integer({ min: 1, max: maxUnits }), scale: fc.integer({ min: 0, max: maxScale }) });

const contractArbitrary = (id: string): fc.Arbitrary<Contract> =>
  fc
    .record({
      customer: fc.constantFrom(...CUSTOMERS),
      unit: fc.constantFrom('hours' as const, 'amount' as const, 'incidents' as const),
      startOffset: fc.integer({ min: 0, max: 200 }),
      length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      allowance: optionalCenti(5000),
      period: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const, 'once' as const),
      anchor: fc.constantFrom('calendar' as const, 'contract' as const),
      prorate: fc.boolean(),
      carryover: fc.boolean(),
      carryoverDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      overage: fc.constantFrom('bill' as const, 'carry' as const, 'bill_next' as const, 'bill_month_end' as const),
      overrunLimitPct: fc.option(decimal(500, 1), { nil: null }),
      overrunLimit: optionalCenti(1000),
      warningPct: fc.option(decimal(1000, 1), { nil: null }),
      lowBalance: optionalCenti(1000),
      rebill: fc.option(fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 5000 })), { nil: null }),
      rate: fc.option(decimal(20000, 2), { nil: null }),
      roleRate: fc.option(decimal(30000, 2), { nil: null }),
      roleFactor: fc.option(decimal(300, 2), { nil: null }),
      excludeTravel: fc.boolean(),
      roundMinutes: fc.option(decimal(30, 0), { nil: null }),
      minimumMinutes: fc.option(decimal(60, 1), { nil: null }),
      coversExpenses: fc.boolean(),
      reportedBalance: fc.option(fc.integer({ min: -1000, max: 5000 }), { nil: null }),
      reportedOffset: fc.option(fc.integer({ min: 0, max: SPAN_DAYS }), { nil: null }),
    })
    .map((r): Contract => ({
      id,
      customer: r.customer,
      name: id,
      unit: r.unit,
      start: day(r.startOffset),
      end: r.length === null ? null : day(r.startOffset + r.length),
      allowance: r.allowance,
      period: r.period,
      anchor: r.anchor,
      prorate: r.prorate,
      carryover: r.carryover,
      carryoverDays: r.carryoverDays,
      overage: r.overage,
      overrunLimitPct: r.overrunLimitPct,
      overrunLimit: r.overrunLimit,
      warningPct: r.warningPct,
      lowBalance: r.lowBalance,
      rebillBelow: r.rebill?.[0] ?? null,
      rebillQuantity: r.rebill?.[1] ?? null,
      rate: r.rate,
      roleRates: r.roleRate === null ? [] : [{ role: 'senior', value: r.roleRate }],
      roleFactors: r.roleFactor === null ? [] : [{ role: 'senior', value: r.roleFactor }],
      excludedWorkTypes: r.excludeTravel ? ['travel'] : [],
      roundMinutes: r.roundMinutes,
      minimumMinutes: r.minimumMinutes,
      coversExpenses: r.coversExpenses,
      price: null,
      reportedBalance: r.reportedBalance,
      reportedAsOf: r.reportedOffset === null ? null : day(r.reportedOffset),
    }));

const entryArbitrary = (index: number, contractIds: readonly string[]): fc.Arbitrary<Entry> =>
  fc
    .record({
      offset: fc.integer({ min: 0, max: SPAN_DAYS }),
      contractId: fc.option(fc.constantFrom(...contractIds, 'UNKNOWN'), { nil: null }),
      customer: fc.constantFrom(...CUSTOMERS),
      ticket: fc.constantFrom('', 'T1', 'T2', ' T1 ', 'T3'),
      workRole: fc.constantFrom(...ROLES, ' SENIOR '),
      workType: fc.constantFrom(...WORK_TYPES, 'travel '),
      hours: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1200 })),
      billable: fc.constantFrom('billable' as const, 'billable' as const, 'no_charge' as const, 'do_not_bill' as const),
      amount: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: null }),
    })
    .map((r): Entry => ({
      id: `E${index}`,
      date: day(r.offset),
      contractId: r.contractId,
      customer: r.customer,
      ticket: r.ticket,
      member: 'Tech',
      workRole: r.workRole,
      workType: r.workType,
      hours: r.hours,
      billable: r.billable,
      amount: r.amount,
      notes: '',
    }));

const additionArbitrary = (contracts: readonly Contract[]): fc.Arbitrary<Addition> =>
  fc
    .record({
      contract: fc.constantFrom(...contracts),
      offset: fc.integer({ min: 0, max: SPAN_DAYS }),
      quantity: fc.integer({ min: 1, max: 3000 }),
      expiresAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      reference: fc.constantFrom('', 'PO-1', 'PO-2'),
    })
    .map(({ contract, offset, quantity, expiresAfter, reference }): Addition => {
      // SPEC §10: an addition is not dated after the contract's end, and does not expire before `start`.
      const startDay = dayOf(contract.start);
      const lastDay = contract.end === null ? BASE_DAY + SPAN_DAYS : dayOf(contract.end);
      const date = Math.min(BASE_DAY + offset, lastDay);
      const expires = expiresAfter === null ? null : Math.max(date, startDay) + expiresAfter;
      return { contractId: contract.id, date: isoOf(date), quantity, price: null, reference, expires: expires === null ? null : isoOf(expires) };
    });

/** A valid portfolio of 1–4 contracts with additions and entries, and an as-of date. */
export const portfolioArbitrary: fc.Arbitrary<ReconcileInput> = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => contractArbitrary(`C${i + 1}`))))
  .chain((contracts) =>
    fc.record({
      contracts: fc.constant(contracts),
      additions: fc.array(additionArbitrary(contracts), { maxLength: 6 }),
      entries: fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entryArbitrary(i, contracts.map((x) => x.id))))),
      asOf: fc.integer({ min: 0, max: SPAN_DAYS }).map(day),
    }),
  );
