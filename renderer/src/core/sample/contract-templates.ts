// The contract kinds the sample portfolio cycles through: together they use
// every term of SPEC §2 and reach every status of SPEC §7.
import type { Contract } from '../model';
import { isoOf } from '../dates';

/** What a template needs to place a contract on the calendar. */
export interface TemplateContext {
  readonly id: string;
  readonly customer: string;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly offsetDays: number;
}

/** A contract kind: its terms, how much work it draws, and its purchases. */
export interface ContractTemplate {
  readonly name: string;
  /** Relative share of the portfolio's entries. */
  readonly entryWeight: number;
  /** Additions as [days after start, units in hundredths, price in cents]. */
  readonly additions: readonly (readonly [number, number, number])[];
  terms(context: TemplateContext): Contract;
}

const none = {
  end: null,
  allowance: null,
  period: 'once',
  anchor: 'calendar',
  prorate: false,
  carryover: false,
  carryoverDays: null,
  overage: 'bill',
  overrunLimitPct: null,
  overrunLimit: null,
  warningPct: null,
  lowBalance: null,
  rebillBelow: null,
  rebillQuantity: null,
  rate: null,
  roleRates: [],
  roleFactors: [],
  excludedWorkTypes: [],
  roundMinutes: null,
  minimumMinutes: null,
  coversExpenses: false,
  price: null,
  reportedBalance: null,
  reportedAsOf: null,
} as const satisfies Partial<Contract>;

function base(context: TemplateContext, name: string, unit: Contract['unit'] = 'hours'): Contract {
  return { ...none, id: context.id, customer: context.customer, name, unit, start: isoOf(context.firstDay + context.offsetDays) };
}

/** The kinds, in the order contracts are dealt. */
export const CONTRACT_TEMPLATES: readonly ContractTemplate[] = [
  {
    name: '30-hour block',
    entryWeight: 0.75,
    additions: [[200, 3000, 450000]],
    terms: (ctx) => ({ ...base(ctx, '30-hour support block'), allowance: 3000, lowBalance: 500, warningPct: { units: 80, scale: 0 }, price: 450000 }),
  },
  {
    name: '5 hours a month, use it or lose it',
    entryWeight: 0.6,
    additions: [],
    terms: (ctx) => ({ ...base(ctx, '5 h/month'), allowance: 500, period: 'month', overage: 'bill_month_end', price: 50000 }),
  },
  {
    name: '5 hours a month, 30-day carryover',
    entryWeight: 0.6,
    additions: [],
    terms: (ctx) => ({ ...base(ctx, '5 h/month with carryover'), allowance: 500, period: 'month', carryover: true, carryoverDays: 30, price: 50000 }),
  },
  {
    name: 'quarterly 20 hours, prorated',
    entryWeight: 0.8,
    additions: [],
    terms: (ctx) => ({ ...base(ctx, '20 h/quarter'), allowance: 2000, period: 'quarter', prorate: true, carryover: true, overage: 'carry', price: 280000 }),
  },
  {
    name: 'contract-year 100 hours',
    entryWeight: 1.0,
    additions: [],
    terms: (ctx) => ({
      ...base(ctx, '100 h/contract year'),
      allowance: 10000,
      period: 'year',
      anchor: 'contract',
      overage: 'bill_next',
      roundMinutes: { units: 15, scale: 0 },
      minimumMinutes: { units: 30, scale: 0 },
      price: 1300000,
    }),
  },
  {
    name: '$2,000 deposit re-billed below $444',
    entryWeight: 0.5,
    additions: [],
    terms: (ctx) => ({
      ...base(ctx, 'Deposit $2,000', 'amount'),
      allowance: 200000,
      rebillBelow: 44400,
      rebillQuantity: 200000,
      rate: { units: 125, scale: 0 },
      roleRates: [{ role: 'senior engineer', value: { units: 165, scale: 0 } }],
      coversExpenses: true,
      price: 200000,
    }),
  },
  {
    name: '10-hour block with thresholds',
    entryWeight: 0.5,
    additions: [
      [120, 1000, 150000],
      [300, 1000, 150000],
    ],
    terms: (ctx) => ({ ...base(ctx, 'Block hours 10 h'), allowance: 1000, overage: 'carry', warningPct: { units: 80, scale: 0 }, overrunLimitPct: { units: 20, scale: 0 }, price: 150000 }),
  },
  {
    name: '10-incident pack',
    entryWeight: 0.25,
    additions: [],
    terms: (ctx) => ({ ...base(ctx, 'Incident pack', 'incidents'), allowance: 1000, overage: 'bill_next', price: 120000 }),
  },
  {
    name: '8 hours a month, senior time at 1.5',
    entryWeight: 0.9,
    additions: [],
    terms: (ctx) => ({
      ...base(ctx, '8 h/month'),
      allowance: 800,
      period: 'month',
      roleFactors: [{ role: 'senior engineer', value: { units: 15, scale: 1 } }],
      excludedWorkTypes: ['travel'],
      lowBalance: 100,
      price: 96000,
    }),
  },
  {
    name: 'ended block',
    entryWeight: 0.3,
    additions: [],
    terms: (ctx) => ({ ...base(ctx, 'Project block (ended)'), allowance: 2000, overage: 'carry', end: isoOf(Math.min(ctx.lastDay - 40, ctx.firstDay + ctx.offsetDays + 180)) }),
  },
  {
    name: 'migrated block with a reported balance',
    entryWeight: 0.6,
    additions: [[90, 2000, 300000]],
    terms: (ctx) => ({ ...base(ctx, 'Migrated block'), allowance: 4000, reportedBalance: 1250, reportedAsOf: isoOf(ctx.lastDay - 20), price: 600000 }),
  },
  {
    name: 'renewal starting next month',
    entryWeight: 0,
    additions: [],
    terms: (ctx) => ({ ...base(ctx, 'Renewal block'), allowance: 2000, start: isoOf(ctx.lastDay + 10) }),
  },
];
